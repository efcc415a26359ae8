import { KubeObject } from '../core/kube-object';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** Istio's root namespace: policies there without a selector apply to the whole mesh. */
export const ROOT_NAMESPACE = 'istio-system';

function nsOf(o: KubeObject): string {
  return o.metadata?.namespace ?? 'default';
}

/**
 * The `namespace/name` of every Service a host can name from an object in `objNs`: `name` (same
 * namespace), `name.ns`, `name.ns.svc`, `name.ns.svc.cluster.local`. Service names and
 * namespaces are DNS labels, so each form names at most one Service.
 */
export function serviceKeysOfHost(host: unknown, objNs: string): string[] {
  if (typeof host !== 'string') return [];
  const parts = host.toLowerCase().split('.');
  if (parts.length === 1) return [`${objNs}/${parts[0]}`];
  if (parts.length === 2) return [`${parts[1]}/${parts[0]}`];
  if (parts.length === 3 && parts[2] === 'svc') return [`${parts[1]}/${parts[0]}`];
  if (parts.length === 5 && parts[2] === 'svc' && parts[3] === 'cluster' && parts[4] === 'local') return [`${parts[1]}/${parts[0]}`];
  return [];
}

/** A map from key to the objects filed under it, each once, in input order. */
class Buckets {
  private readonly map = new Map<string, number[]>();

  public add(key: string, position: number): void {
    const list = this.map.get(key);
    if (!list) this.map.set(key, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  }

  public get(key: string): readonly number[] {
    return this.map.get(key) ?? [];
  }
}

const labelKey = (ns: string, k: string, v: unknown) => `${ns}\u0000${k}=${String(v)}`;

function entriesOf(map: unknown): Array<[string, unknown]> {
  return map !== null && typeof map === 'object' && !Array.isArray(map) ? Object.entries(map as Record<string, unknown>) : [];
}

/**
 * The objects a runbook looks up, filed once by what they refer to, so building runbooks for
 * many Services costs about the size of the input rather than services × objects. Lookups return
 * candidates in input order; callers still apply the exact match.
 */
export class RunbookIndex {
  private readonly workloadsByLabel = new Buckets();
  private readonly destinationRules = new Buckets();
  private readonly virtualServices = new Buckets();
  private readonly policiesByLabel = new Buckets();
  private readonly policiesWithoutSelector = new Buckets();
  private readonly gateways = new Map<string, KubeObject>();

  constructor(private readonly objects: readonly KubeObject[]) {
    objects.forEach((o, i) => {
      const ns = nsOf(o);
      const spec = (o.spec ?? {}) as any;
      if (WORKLOAD_KINDS.has(o.kind)) {
        for (const [k, v] of entriesOf(spec.template?.metadata?.labels)) this.workloadsByLabel.add(labelKey(ns, k, v), i);
      } else if (o.kind === 'DestinationRule') {
        for (const key of serviceKeysOfHost(spec.host, ns)) this.destinationRules.add(key, i);
      } else if (o.kind === 'VirtualService') {
        for (const http of Array.isArray(spec.http) ? spec.http : []) {
          for (const r of Array.isArray(http?.route) ? http.route : []) {
            for (const key of serviceKeysOfHost(r?.destination?.host, ns)) this.virtualServices.add(key, i);
          }
        }
      } else if (o.kind === 'AuthorizationPolicy') {
        const first = entriesOf(spec.selector?.matchLabels)[0];
        if (first) this.policiesByLabel.add(labelKey(ns, first[0], first[1]), i);
        else this.policiesWithoutSelector.add(ns, i);
      } else if (o.kind === 'Gateway' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('networking.istio.io')) {
        const ref = `${ns}/${o.metadata.name}`;
        if (!this.gateways.has(ref)) this.gateways.set(ref, o);
      }
    });
  }

  /** Workloads of the namespace whose pod labels carry the selector's first label (empty selector: none). */
  public workloadCandidates(namespace: string, selector: Readonly<Record<string, unknown>>): KubeObject[] {
    const first = entriesOf(selector)[0];
    return first ? this.pick([this.workloadsByLabel.get(labelKey(namespace, first[0], first[1]))]) : [];
  }

  /** DestinationRules whose host may name the Service. */
  public destinationRuleCandidates(namespace: string, name: string): KubeObject[] {
    return this.pick([this.destinationRules.get(`${namespace}/${name}`)]);
  }

  /** VirtualServices with a route destination that may name the Service. */
  public virtualServiceCandidates(namespace: string, name: string): KubeObject[] {
    return this.pick([this.virtualServices.get(`${namespace}/${name}`)]);
  }

  /**
   * AuthorizationPolicies that may apply: without a selector in the namespace or the root
   * namespace, or whose first selector label is among the given label sets.
   */
  public policyCandidates(namespace: string, labelSets: ReadonlyArray<Readonly<Record<string, unknown>>>): KubeObject[] {
    const lists = [this.policiesWithoutSelector.get(namespace), this.policiesWithoutSelector.get(ROOT_NAMESPACE)];
    for (const labels of labelSets) for (const [k, v] of entriesOf(labels)) lists.push(this.policiesByLabel.get(labelKey(namespace, k, v)));
    return this.pick(lists);
  }

  /** The Istio Gateway `namespace/name`, if among the objects. */
  public gateway(ref: string): KubeObject | undefined {
    return this.gateways.get(ref);
  }

  private pick(lists: ReadonlyArray<readonly number[]>): KubeObject[] {
    const positions = lists.length === 1 ? lists[0] : [...new Set(lists.flat())].sort((a, b) => a - b);
    return positions.map((i) => this.objects[i]);
  }
}
