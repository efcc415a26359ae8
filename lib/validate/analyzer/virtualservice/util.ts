import { KubeObject } from '../../../core/kube-object';
import { listOf, objOf, specOf, stringsOf } from '../objects';

/** A destination of a VirtualService rule (route, mirror) and where it sits. */
export interface DestinationRef {
  readonly destination: Record<string, any>;
  readonly path: string;
  readonly mirror: boolean;
}

/** A destination whose path is written only when read: almost every destination is fine. */
class Destination implements DestinationRef {
  constructor(
    readonly destination: Record<string, any>,
    private readonly kind: 'http' | 'tcp' | 'tls',
    private readonly rule: number,
    private readonly field: 'route' | 'mirror' | 'mirrors',
    private readonly item: number,
  ) {}

  get mirror(): boolean {
    return this.field !== 'route';
  }

  get path(): string {
    const at = `spec.${this.kind}[${this.rule}]`;
    if (this.field === 'mirror') return `${at}.mirror`;
    return `${at}.${this.field}[${this.item}].destination`;
  }
}

/** Every destination of a VirtualService: http routes and mirrors, tcp and tls routes. */
export function destinationsOf(vs: KubeObject): DestinationRef[] {
  const spec = specOf(vs);
  const out: DestinationRef[] = [];
  for (const kind of ['http', 'tcp', 'tls'] as const) {
    listOf(spec[kind]).forEach((rule, i) => {
      listOf(objOf(rule).route).forEach((r, j) => {
        if (objOf(r).destination) out.push(new Destination(objOf(objOf(r).destination), kind, i, 'route', j));
      });
      if (kind !== 'http') return;
      if (objOf(rule).mirror) out.push(new Destination(objOf(objOf(rule).mirror), kind, i, 'mirror', 0));
      listOf(objOf(rule).mirrors).forEach((m, j) => {
        if (objOf(m).destination) out.push(new Destination(objOf(objOf(m).destination), kind, i, 'mirrors', j));
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
