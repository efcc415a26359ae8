import * as fc from 'fast-check';
import { KubeObject } from '../lib/core/kube-object';
import { listOf, namespaceOf, objOf, specOf, stringLabels, stringsOf } from '../lib/validate/analyzer/objects';
import { MeshHost, MeshHosts, toFqdn } from '../lib/validate/analyzer/service-hosts';

/** The host lookup as first written: a miss scans every entry for wildcard hosts. */
class ScanningHosts {
  private readonly byScopedHost = new Map<string, MeshHost>();

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
        for (const scope of scopes) this.byScopedHost.set(`${scope}/${toFqdn(ns, host)}`, entry);
      }
    }
    for (const svc of services) {
      const ns = namespaceOf(svc);
      const entry: MeshHost = {
        source: svc,
        ports: listOf(specOf(svc).ports).map(objOf).map((p) => ({ number: typeof p.port === 'number' ? p.port : 0, name: String(p.name ?? ''), protocol: String(p.protocol ?? '') })),
        workloadSelector: {},
      };
      const annotation = stringLabels(svc.metadata.annotations)['networking.istio.io/exportTo'];
      const scopes = annotation === undefined || annotation === '' ? ['*'] : annotation.split(',').map((s) => s.trim()).map((s) => (s === '.' ? ns : s));
      for (const scope of scopes) this.byScopedHost.set(`${scope}/${toFqdn(ns, svc.metadata.name)}`, entry);
    }
  }

  lookup(sourceNamespace: string, exportTo: readonly string[], host: string): MeshHost | undefined {
    const fqdn = toFqdn(sourceNamespace, host);
    const everywhere = this.byScopedHost.get(`*/${fqdn}`);
    if (everywhere) return everywhere;
    const scopes = exportTo.length === 0 ? [sourceNamespace] : exportTo.map((e) => (e === '.' ? sourceNamespace : e));
    for (const scope of scopes) {
      const found = this.byScopedHost.get(`${scope}/${fqdn}`);
      if (found) return found;
    }
    const bare = host.startsWith('*') ? host.slice(1) : host;
    for (const [key, entry] of this.byScopedHost) {
      const slash = key.indexOf('/');
      const scope = key.slice(0, slash);
      const seHost = key.slice(slash + 1);
      if (!seHost.startsWith('*') || (scope !== '*' && scope !== sourceNamespace)) continue;
      if (bare.endsWith(seHost.slice(1))) return entry;
    }
    return undefined;
  }
}

// Hosts, wildcards and scopes that collide, slashes in scopes among them.
const host = fc.constantFrom('a', 'a.ns', 'a.ns.svc.cluster.local', '*.ns.svc.cluster.local', '*.svc.cluster.local', '*', '*a', 'b.example.com', '*.example.com');
const scope = fc.constantFrom('.', '*', 'ns', 'other', 'ns/x', 'a/*');
const ns = fc.constantFrom('ns', 'other', 'ns/x');
const serviceEntry = fc.record({ ns, hosts: fc.array(host, { maxLength: 3 }), exportTo: fc.array(scope, { maxLength: 2 }), n: fc.nat(9) })
  .map(({ ns: namespace, hosts, exportTo, n }) => ({ apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: `se${n}`, namespace }, spec: { hosts, exportTo, ports: [{ number: n }] } }) as KubeObject);
const service = fc.record({ ns, name: host, exportTo: fc.option(fc.constantFrom('', '.', 'ns, other', '*', 'ns/x'), { nil: undefined }) })
  .map(({ ns: namespace, name, exportTo }) => ({
    apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, ...(exportTo !== undefined ? { annotations: { 'networking.istio.io/exportTo': exportTo } } : {}) }, spec: { ports: [{ port: 80 }] },
  }) as KubeObject);

describe('MeshHosts.lookup', () => {
  it('finds what scanning every entry for wildcards finds', () => {
    const queries = fc.array(fc.tuple(ns, fc.array(scope, { maxLength: 2 }), host), { maxLength: 6 });
    fc.assert(fc.property(fc.array(serviceEntry, { maxLength: 5 }), fc.array(service, { maxLength: 4 }), queries, (entries, services, asked) => {
      const indexed = new MeshHosts(entries, services);
      const scanning = new ScanningHosts(entries, services);
      for (const [from, exportTo, h] of asked) {
        const found = indexed.lookup(from, exportTo, h);
        const expected = scanning.lookup(from, exportTo, h);
        expect(found?.source).toBe(expected?.source);
        expect(found).toEqual(expected);
      }
    }), { numRuns: 3000 });
  });
});
