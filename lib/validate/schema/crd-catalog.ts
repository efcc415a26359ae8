import { CrdVersion, crdVersionsOf } from './crd-bundle';
import { closestMatch, didYouMean } from '../../core/did-you-mean';
import { GATEWAY_API_GROUP } from '../../core/gateway-api-group';
import { ISTIO_CRD_SCHEMAS } from '../schemas/istio-crds.generated';
import { memoByType } from '../type-memo';

export type { CrdVersion } from './crd-bundle';

/** The CRD version an object is checked against, or why there is none. */
export type CrdLookup =
  | { readonly found: CrdVersion }
  | { readonly problem: 'group' | 'version' | 'kind'; readonly message: string }
  | { readonly notIstio: true };

/** What a refusal of a Gateway API kind or version names as the pinned API. */
const GATEWAY_API_RELEASE = 'Gateway API v1.6.1, standard channel';

let catalog: Map<string, CrdVersion[]> | undefined;
let gatewayApi: CrdVersion[] | undefined;

/** Every served version of every pinned Istio (and subset) CRD, by group; listed on first use. */
function istioCrdsByGroup(): Map<string, CrdVersion[]> {
  if (!catalog) {
    catalog = new Map();
    for (const crd of crdVersionsOf(ISTIO_CRD_SCHEMAS)) {
      catalog.set(crd.group, [...(catalog.get(crd.group) ?? []), crd]);
    }
  }
  return catalog;
}

/** The Gateway API's CRDs, a bundle of their own read only when an object asks for that group. */
function gatewayApiCrds(): CrdVersion[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  gatewayApi ??= crdVersionsOf((require('../schemas/gateway-api-crds.generated') as typeof import('../schemas/gateway-api-crds.generated')).GATEWAY_API_CRD_SCHEMAS);
  return gatewayApi;
}

/** Every pinned group's name (without parsing the Gateway API bundle). */
function groupNames(): string[] {
  return [...istioCrdsByGroup().keys(), GATEWAY_API_GROUP];
}

function crdsOfGroup(group: string): CrdVersion[] | undefined {
  return group === GATEWAY_API_GROUP ? gatewayApiCrds() : istioCrdsByGroup().get(group);
}

/** Istio's API groups all end in `istio.io`; other groups belong to other CRDs we do not pin. */
export function isIstioGroup(group: string): boolean {
  return group === 'istio.io' || group.endsWith('.istio.io');
}

/** Groups whose every kind is pinned, so an unknown kind in them is a mistake, not another CRD. */
function isWhollyPinned(group: string): boolean {
  return isIstioGroup(group) || group === GATEWAY_API_GROUP;
}

/**
 * Finds the schema for `apiVersion` + `kind`, with a hint for near misses. Every object of a mesh
 * asks for one of a few kinds; the near-miss search for a non-Istio group (an edit distance
 * against every group) is worth doing once per kind.
 */
export const lookupCrd: (apiVersion: string, kind: string) => CrdLookup = memoByType(lookupCrdUncached);

function lookupCrdUncached(apiVersion: string, kind: string): CrdLookup {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const inGroup = crdsOfGroup(group);
  if (!inGroup) {
    // The Gateway API's experimental group (gateway.networking.x-k8s.io) is a real group, not a typo.
    if (group.endsWith('.x-k8s.io')) return { notIstio: true };
    if (!isIstioGroup(group)) {
      // A near miss of a pinned group with one of its kinds (the seed article's networking.io/v1
      // Gateway) is a typo, not another API: the API server would refuse the unknown group.
      const names = groupNames();
      const near = closestMatch(group, names) ?? names.find((g) => g.split('.')[0] === group.split('.')[0]);
      const crd = near ? crdsOfGroup(near)!.find((c) => c.kind === kind) : undefined;
      if (!crd) return { notIstio: true };
      return { problem: 'group', message: `API group "${group}" does not exist; did you mean ${crd.group}/${preferredVersion(crdsOfGroup(crd.group)!, kind)}?` };
    }
    const kindHome = allCrds().find((c) => c.kind === kind);
    const hint = kindHome ? `; did you mean ${kindHome.group}/${preferredVersion(crdsOfGroup(kindHome.group)!, kind)}?` : didYouMean(group, groupNames());
    return { problem: 'group', message: `API group "${group}" does not exist in Istio${hint}` };
  }
  const ofKind = inGroup.filter((c) => c.kind === kind);
  // Other projects' groups (Argo Rollouts, Flagger, prometheus-operator) hold only the kinds we
  // emit, from our subsets in projenrc/crds: their other kinds (a Rollout) are not ours to judge.
  if (ofKind.length === 0 && !isWhollyPinned(group)) return { notIstio: true };
  const release = group === GATEWAY_API_GROUP ? ` (${GATEWAY_API_RELEASE})` : '';
  if (ofKind.length === 0) {
    const kinds = [...new Set(inGroup.map((c) => c.kind))];
    const elsewhere = allCrds().find((c) => c.kind === kind);
    const hint = elsewhere ? `; ${kind} lives in ${elsewhere.group}` : didYouMean(kind, kinds);
    return { problem: 'kind', message: `${group}${release} has no kind "${kind}" (it has ${kinds.join(', ')})${hint}` };
  }
  const found = ofKind.find((c) => c.version === version);
  if (!found) {
    const served = ofKind.map((c) => c.version);
    return { problem: 'version', message: `${group}${release} does not serve ${kind} in version "${version}" (served: ${served.join(', ')}); use ${group}/${preferredVersion(inGroup, kind)}` };
  }
  return { found };
}

/** Every pinned CRD version, the Gateway API's included (only on the paths that explain a mistake). */
function allCrds(): CrdVersion[] {
  return [...[...istioCrdsByGroup().values()].flat(), ...gatewayApiCrds()];
}

/** The newest stable version of a kind: v1 over v1beta1 over v1alpha3. */
function preferredVersion(crds: readonly CrdVersion[], kind: string): string {
  const rank = (v: string) => (v === 'v1' ? 0 : v.includes('beta') ? 1 : 2);
  return crds.filter((c) => c.kind === kind).map((c) => c.version).sort((a, b) => rank(a) - rank(b))[0];
}
