import { listOf, namespaceOf, objOf, specOf, stringEntry, stringLabels, stringsOf, SVC_SUFFIX } from './objects';
import { KubeObject } from '../../core/kube-object';

/** A host the mesh knows: a ServiceEntry, or a Kubernetes Service seen as one (as Istio's analyzers see it). */
export interface MeshHost {
  /** The ServiceEntry or Service. */
  readonly source: KubeObject;
  readonly ports: readonly { readonly number: number; readonly name: string; readonly protocol: string }[];
  /** The ServiceEntry's workloadSelector labels (Services carry none here, as in Istio). */
  readonly workloadSelector: Readonly<Record<string, string>>;
}

/** A host in FQDN form: names without a dot (and not wildcards) live in `namespace`. */
export function toFqdn(namespace: string, host: string): string {
  return !host.startsWith('*') && !host.includes('.') ? `${host}.${namespace}.${SVC_SUFFIX}` : host;
}

/**
 * Every host by the namespaces it is visible in (`scope/fqdn`, scope a namespace or `*`), built
 * the way Istio's analyzers build it: ServiceEntry hosts by exportTo, Services by their
 * `networking.istio.io/exportTo` annotation. Lookups follow Istio's GetDestinationHost.
 */
export class MeshHosts {
  private readonly byScopedHost = new Map<string, MeshHost>();
  /** The entries of `byScopedHost` whose host is a wildcard, in its order: a miss scans only these. */
  private readonly wildcards = new Map<string, { readonly scope: string; readonly suffix: string; readonly entry: MeshHost }>();

  constructor(serviceEntries: readonly KubeObject[], services: readonly KubeObject[]) {
    for (const se of serviceEntries) {
      const spec = specOf(se);
      const ns = namespaceOf(se);
      const entry: MeshHost = {
        source: se,
        ports: listOf(spec.ports).map(objOf).map((p) => ({ number: typeof p.number === 'number' ? p.number : 0, name: String(p.name ?? ''), protocol: String(p.protocol ?? '') })),
        workloadSelector: stringLabels(objOf(spec.workloadSelector).labels),
      };
      const exportTo = stringsOf(spec.exportTo);
      for (const host of stringsOf(spec.hosts)) {
        const scopes = exportTo.length === 0 || exportTo.includes('*') ? ['*'] : exportTo.map((e) => (e === '.' ? ns : e));
        for (const scope of scopes) this.put(scope, toFqdn(ns, host), entry);
      }
    }
    for (const svc of services) {
      const ns = namespaceOf(svc);
      const entry: MeshHost = {
        source: svc,
        ports: listOf(specOf(svc).ports).map(objOf).map((p) => ({ number: typeof p.port === 'number' ? p.port : 0, name: String(p.name ?? ''), protocol: String(p.protocol ?? '') })),
        workloadSelector: {},
      };
      const annotation = stringEntry(svc.metadata.annotations, 'networking.istio.io/exportTo');
      const scopes = annotation === undefined || annotation === '' ? ['*'] : annotation.split(',').map((s) => s.trim()).map((s) => (s === '.' ? ns : s));
      for (const scope of scopes) this.put(scope, toFqdn(ns, svc.metadata.name), entry);
    }
  }

  /** The host `host` names from `sourceNamespace` (an object exported to `exportTo`), or undefined. */
  lookup(sourceNamespace: string, exportTo: readonly string[], host: string): MeshHost | undefined {
    const fqdn = toFqdn(sourceNamespace, host);
    const everywhere = this.byScopedHost.get(`*/${fqdn}`);
    if (everywhere) return everywhere;
    const scopes = exportTo.length === 0 ? [sourceNamespace] : exportTo.map((e) => (e === '.' ? sourceNamespace : e));
    for (const scope of scopes) {
      const found = this.byScopedHost.get(`${scope}/${fqdn}`);
      if (found) return found;
    }
    // Wildcard ServiceEntry hosts visible in the source namespace cover the host by suffix.
    const bare = host.startsWith('*') ? host.slice(1) : host;
    for (const { scope, suffix, entry } of this.wildcards.values()) {
      if (scope !== '*' && scope !== sourceNamespace) continue;
      if (bare.endsWith(suffix)) return entry;
    }
    return undefined;
  }

  private put(scope: string, host: string, entry: MeshHost): void {
    const key = `${scope}/${host}`;
    this.byScopedHost.set(key, entry);
    // Split as the key would be read back: scope up to its first slash, the host after it.
    const slash = key.indexOf('/');
    const keyHost = key.slice(slash + 1);
    if (keyHost.startsWith('*')) this.wildcards.set(key, { scope: key.slice(0, slash), suffix: keyHost.slice(1), entry });
  }
}
