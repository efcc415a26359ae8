import { isGatewayApi, keyOf, ObjectRef } from './refs';
import { KubeObject } from '../../../core/kube-object';
import { MeshIndex } from '../mesh-index';
import { listOf, namespaceOf, objOf, specOf, stringLabels } from '../objects';

/** The label Kubernetes puts on every Namespace with its name (selectors may rely on it). */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * What the Gateway API analyzers look up, built once per run from the mesh index: Gateways,
 * Services and Namespaces by name, ReferenceGrants by the namespace they grant access to.
 */
export class GatewayApiIndex {
  readonly gateways = new Map<string, KubeObject>();
  readonly services = new Map<string, KubeObject>();
  /** Namespaces of the input by name (their labels). */
  readonly namespaces = new Map<string, Readonly<Record<string, string>>>();
  /**
   * What each ReferenceGrant grants (`group|kind|name` keys, `*` for any name), filed under each of
   * its sources (`target namespace|from group|from kind|from namespace`): a grant's sources and
   * targets are each read once, never multiplied out.
   */
  private readonly grants = new Map<string, ReadonlySet<string>[]>();
  private readonly grantAnswers = new Map<string, boolean>();

  constructor(readonly mesh: MeshIndex) {
    for (const gw of mesh.of('Gateway')) if (isGatewayApi(gw)) this.gateways.set(keyOf(namespaceOf(gw), gw.metadata.name), gw);
    for (const svc of mesh.of('Service')) if (svc.apiVersion === 'v1') this.services.set(keyOf(namespaceOf(svc), svc.metadata.name), svc);
    for (const ns of mesh.of('Namespace')) if (ns.apiVersion === 'v1') this.namespaces.set(ns.metadata.name, stringLabels(ns.metadata.labels));
    for (const grant of mesh.of('ReferenceGrant')) {
      if (!isGatewayApi(grant)) continue;
      const spec = specOf(grant);
      const to = new Set(listOf(spec.to).map(objOf)
        .map((t) => grantKey(String(t.group ?? ''), String(t.kind ?? ''), typeof t.name === 'string' && t.name !== '' ? t.name : '*')));
      for (const from of listOf(spec.from).map(objOf)) {
        const key = grantKey(namespaceOf(grant), String(from.group ?? ''), String(from.kind ?? ''), String(from.namespace ?? ''));
        const list = this.grants.get(key);
        if (list) list.push(to);
        else this.grants.set(key, [to]);
      }
    }
  }

  /**
   * The labels of a namespace for a selector: those of the input's Namespace, or, when the input
   * has none, only the name label every Namespace carries (undefined: the labels are unknown).
   */
  namespaceLabels(name: string): { readonly labels: Readonly<Record<string, string>>; readonly known: boolean } {
    const labels = this.namespaces.get(name);
    if (labels) return { labels: { [NAMESPACE_NAME_LABEL]: name, ...labels }, known: true };
    return { labels: { [NAMESPACE_NAME_LABEL]: name }, known: false };
  }

  /**
   * Whether a ReferenceGrant in the target's namespace lets objects of `fromKind` in
   * `fromNamespace` refer to `to` (a grant's `to.name`, when set, limits it to that object).
   */
  granted(fromGroup: string, fromKind: string, fromNamespace: string, to: ObjectRef): boolean {
    const query = grantKey(to.namespace, fromGroup, fromKind, fromNamespace, to.group, to.kind, to.name);
    let answer = this.grantAnswers.get(query);
    if (answer === undefined) {
      const exact = grantKey(to.group, to.kind, to.name);
      const any = grantKey(to.group, to.kind, '*');
      answer = (this.grants.get(grantKey(to.namespace, fromGroup, fromKind, fromNamespace)) ?? []).some((t) => t.has(exact) || t.has(any));
      this.grantAnswers.set(query, answer);
    }
    return answer;
  }
}

function grantKey(...parts: string[]): string {
  return JSON.stringify(parts);
}

const cache = new WeakMap<MeshIndex, GatewayApiIndex>();

/** The Gateway API index of a run, built on first use and shared by its analyzers. */
export function gatewayApiIndex(mesh: MeshIndex): GatewayApiIndex {
  let found = cache.get(mesh);
  if (!found) cache.set(mesh, found = new GatewayApiIndex(mesh));
  return found;
}
