import { KubeObject } from '../../../core/kube-object';
import { listOf, objOf, specOf, stringsOf } from '../objects';

/** A destination of a VirtualService rule (route, mirror) and where it sits. */
export interface DestinationRef {
  readonly destination: Record<string, any>;
  readonly path: string;
  readonly mirror: boolean;
}

/** Every destination of a VirtualService: http routes and mirrors, tcp and tls routes. */
export function destinationsOf(vs: KubeObject): DestinationRef[] {
  const spec = specOf(vs);
  const out: DestinationRef[] = [];
  for (const kind of ['http', 'tcp', 'tls'] as const) {
    listOf(spec[kind]).forEach((rule, i) => {
      listOf(objOf(rule).route).forEach((r, j) => {
        if (objOf(r).destination) out.push({ destination: objOf(objOf(r).destination), path: `spec.${kind}[${i}].route[${j}].destination`, mirror: false });
      });
      if (kind !== 'http') return;
      if (objOf(rule).mirror) out.push({ destination: objOf(objOf(rule).mirror), path: `spec.http[${i}].mirror`, mirror: true });
      listOf(objOf(rule).mirrors).forEach((m, j) => {
        if (objOf(m).destination) out.push({ destination: objOf(objOf(m).destination), path: `spec.http[${i}].mirrors[${j}].destination`, mirror: true });
      });
    });
  }
  return out;
}

/** The gateways a VirtualService binds (an empty list means the mesh). */
export function gatewaysOf(vs: KubeObject): string[] {
  return stringsOf(specOf(vs).gateways);
}

/** Whether a VirtualService applies to sidecars. */
export function appliesToMesh(vs: KubeObject): boolean {
  const gateways = gatewaysOf(vs);
  return gateways.length === 0 || gateways.includes('mesh');
}

/** `namespace/name` of a gateway reference, resolving bare names against the VirtualService's namespace. */
export function gatewayKey(ref: string, vsNamespace: string): string {
  return ref.includes('/') ? ref : `${vsNamespace}/${ref}`;
}

/**
 * Istio's host.Name.Matches: the two hosts overlap (equal, or a wildcard covers the other; two
 * wildcards by suffix). Case-sensitive, as Istio compares them.
 */
export function istioHostsMatch(n: string, o: string): boolean {
  const nWild = n.startsWith('*');
  const oWild = o.startsWith('*');
  if (nWild && oWild) return n.length < o.length ? o.slice(1).endsWith(n.slice(1)) : n.slice(1).endsWith(o.slice(1));
  if (nWild) return o.endsWith(n.slice(1));
  if (oWild) return n.endsWith(o.slice(1));
  return n === o;
}
