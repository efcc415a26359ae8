import { IST } from './codes';
import { listOf, MeshIndex, namespaceOf, objOf, fqdn } from './mesh-index';
import { appliesToMesh, destinationsOf, gatewaysOf } from './virtual-service-references';
import { KubeObject } from '../../core/kube-object';
import { Finding, findingOf } from '../finding';

/** IST0130/IST0131: rules no request can reach, and matches an earlier rule already takes. */
export function checkUnreachableRules(vs: KubeObject, out: Finding[]): void {
  const seen = new Set<string>();
  let catchAll = -1;
  listOf(objOf((vs as any).spec).http).forEach((rule, i) => {
    const matches = listOf(objOf(rule).match);
    if (catchAll >= 0) {
      out.push(findingOf(vs, IST.UNREACHABLE_RULE.severity, IST.UNREACHABLE_RULE.code,
        `rule ${i} is never reached: rule ${catchAll} has no match and takes every request first; move the catch-all rule last`, `spec.http[${i}]`));
      return;
    }
    if (matches.length === 0) {
      catchAll = i;
      return;
    }
    let repeated = 0;
    matches.forEach((m, j) => {
      const key = canonical(withoutName(m));
      if (seen.has(key)) {
        repeated++;
        out.push(findingOf(vs, IST.INEFFECTIVE_MATCH.severity, IST.INEFFECTIVE_MATCH.code,
          `match ${j} of rule ${i} repeats a match of an earlier rule, which takes those requests first`, `spec.http[${i}].match[${j}]`));
      }
      seen.add(key);
    });
    if (repeated === matches.length) {
      out.push(findingOf(vs, IST.UNREACHABLE_RULE.severity, IST.UNREACHABLE_RULE.code,
        `rule ${i} is never reached: earlier rules already take all of its matches`, `spec.http[${i}]`));
    }
  });
}

/** IST0002: fields Istio has deprecated. */
export function checkDeprecatedFields(vs: KubeObject, out: Finding[]): void {
  listOf(objOf((vs as any).spec).http).forEach((rule, i) => {
    if (objOf(objOf(objOf(rule).fault).delay).percent !== undefined) {
      out.push(findingOf(vs, IST.DEPRECATED.severity, IST.DEPRECATED.code, 'fault.delay.percent is deprecated; use fault.delay.percentage.value', `spec.http[${i}].fault.delay.percent`));
    }
    if (objOf(rule).mirrorPercent !== undefined) {
      out.push(findingOf(vs, IST.DEPRECATED.severity, IST.DEPRECATED.code, 'mirrorPercent is deprecated; use mirrorPercentage.value', `spec.http[${i}].mirrorPercent`));
    }
  });
}

/** IST0109: two mesh VirtualServices for the same host (Istio uses only one, unpredictably). */
export function checkConflictingMeshHosts(index: MeshIndex, out: Finding[]): void {
  const owners = new Map<string, { vs: KubeObject; path: string }[]>();
  for (const vs of index.of('VirtualService')) {
    if (!appliesToMesh(vs)) continue;
    const spec = objOf((vs as any).spec);
    const exportTo = listOf(spec.exportTo);
    const scope = exportTo.length === 0 || exportTo.includes('*') ? '*' : namespaceOf(vs);
    listOf(spec.hosts).forEach((host, i) => {
      if (typeof host !== 'string') return;
      const key = `${scope}|${fqdn(host, namespaceOf(vs))}`;
      owners.set(key, [...(owners.get(key) ?? []), { vs, path: `spec.hosts[${i}]` }]);
    });
  }
  for (const [key, list] of owners) {
    if (list.length < 2) continue;
    const names = list.map((o) => `${namespaceOf(o.vs)}/${o.vs.metadata.name}`);
    for (const o of list) {
      out.push(findingOf(o.vs, IST.CONFLICTING_MESH_GATEWAY_HOSTS.severity, IST.CONFLICTING_MESH_GATEWAY_HOSTS.code,
        `VirtualServices ${names.join(', ')} all define host ${key.split('|')[1]} for the mesh; Istio uses one of them; merge their routes into one VirtualService`, o.path));
    }
  }
}

/** Mesh VirtualServices that pin subsets, by the FQDN of the host they route. */
export function subsetPinningVirtualServices(index: MeshIndex): Map<string, KubeObject> {
  const pinned = new Map<string, KubeObject>();
  for (const vs of index.of('VirtualService')) {
    if (!appliesToMesh(vs)) continue;
    const ns = namespaceOf(vs);
    const hosts = new Set(listOf(objOf((vs as any).spec).hosts).map((h) => fqdn(String(h), ns)));
    for (const d of destinationsOf(vs)) {
      const host = fqdn(String(d.destination.host), ns);
      if (d.destination.subset !== undefined && hosts.has(host) && !pinned.has(host)) pinned.set(host, vs);
    }
  }
  return pinned;
}

/** IST0140: a gateway route without subset to a host whose mesh VirtualService pins subsets. */
export function checkIngressIgnoresSubsets(pinned: Map<string, KubeObject>, vs: KubeObject, out: Finding[]): void {
  const gateways = gatewaysOf(vs);
  if (gateways.length === 0 || gateways.includes('mesh')) return;
  const ns = namespaceOf(vs);
  for (const { destination, path, mirror } of destinationsOf(vs)) {
    if (mirror || destination.subset !== undefined || typeof destination.host !== 'string') continue;
    const meshVs = pinned.get(fqdn(destination.host, ns));
    if (meshVs && meshVs !== vs) {
      out.push(findingOf(vs, IST.INGRESS_ROUTE_RULES_NOT_AFFECTED.severity, IST.INGRESS_ROUTE_RULES_NOT_AFFECTED.code,
        `the subsets of VirtualService ${namespaceOf(meshVs)}/${meshVs.metadata.name} do not apply to requests through the gateway; route to the subsets here too`, path));
    }
  }
}

/** IST0149: JWT-claim routing on a gateway whose workload no RequestAuthentication covers. */
export function checkJwtClaimRouting(index: MeshIndex, vs: KubeObject, out: Finding[]): void {
  const usesClaims = listOf(objOf((vs as any).spec).http).some((rule) => listOf(objOf(rule).match)
    .some((m) => Object.keys(objOf(objOf(m).headers)).some((h) => h.startsWith('@request.auth.claims'))));
  if (!usesClaims) return;
  const ns = namespaceOf(vs);
  gatewaysOf(vs).forEach((ref, i) => {
    if (ref === 'mesh') return;
    const gateway = index.gateways.get(ref.includes('/') ? ref : `${ns}/${ref}`);
    if (!gateway) return;
    const workloads = index.gatewayWorkloads(objOf(objOf((gateway as any).spec).selector));
    const covered = workloads.some((w) => index.of('RequestAuthentication').some((ra) => {
      const raNs = namespaceOf(ra);
      const selector = objOf(objOf(objOf((ra as any).spec).selector).matchLabels);
      const selects = Object.entries(selector).every(([k, v]) => w.labels[k] === v);
      return (raNs === 'istio-system' && Object.keys(selector).length === 0) || (raNs === w.namespace && selects);
    }));
    if (!covered) {
      out.push(findingOf(vs, IST.JWT_CLAIM_ROUTING_WITHOUT_REQUEST_AUTHN.severity, IST.JWT_CLAIM_ROUTING_WITHOUT_REQUEST_AUTHN.code,
        `routes match on JWT claims, but no RequestAuthentication applies to the pods of gateway ${ref}, so the claims are never set; add one for the gateway workload`, `spec.gateways[${i}]`));
    }
  });
}

function withoutName(match: unknown): unknown {
  const { name: _name, ...rest } = objOf(match);
  return rest;
}

/** JSON with sorted keys, so equal matches compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as any)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
