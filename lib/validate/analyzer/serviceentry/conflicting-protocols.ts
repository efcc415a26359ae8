import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, nameOf, namespaceOf, objOf, specOf, stringsOf } from '../objects';

/** IST0177: ServiceEntries visible in one namespace that give the same host and port different protocols. */
export const conflictingServiceEntryProtocolAnalyzer: Analyzer = {
  name: 'serviceentry.ConflictingServiceEntryProtocolAnalyzer',
  inputs: ['ServiceEntry'],
  analyze({ index, report }) {
    // scope|host|port -> (protocol, ServiceEntry) pairs; scope is a namespace or "*".
    const byKey = new Map<string, { scope: string; host: string; port: number; entries: { protocol: string; se: KubeObject }[] }>();
    for (const se of index.of('ServiceEntry')) {
      const spec = specOf(se);
      for (const scope of exportScopes(stringsOf(spec.exportTo), namespaceOf(se))) {
        for (const host of stringsOf(spec.hosts)) {
          for (const p of listOf(spec.ports).map(objOf)) {
            const port = typeof p.number === 'number' ? p.number : 0;
            const key = `${scope}|${host}|${port}`;
            const group = byKey.get(key) ?? { scope, host, port, entries: [] };
            group.entries.push({ protocol: typeof p.protocol === 'string' ? p.protocol : '', se });
            byKey.set(key, group);
          }
        }
      }
    }
    const reported = new Set<KubeObject>();
    for (const group of byKey.values()) {
      // What a namespace sees: its own entries and those exported everywhere.
      const entries = group.scope === '*' ? group.entries : [...group.entries, ...(byKey.get(`*|${group.host}|${group.port}`)?.entries ?? [])];
      const protocols = [...new Set(entries.map((e) => e.protocol.toUpperCase()))].sort();
      if (protocols.length < 2) continue;
      const names = [...new Set(entries.map((e) => nameOf(e.se)))].sort().join(', ');
      for (const { se } of entries) {
        if (reported.has(se)) continue;
        reported.add(se);
        report(IST.ConflictingServiceEntryProtocol, se,
          `ServiceEntries ${names} define host ${group.host} port ${group.port} with different protocols (${protocols.join(', ') || 'unset'}); the proxy can serve only one; use one protocol`, 'metadata.name');
      }
    }
  },
};

function exportScopes(exportTo: string[], namespace: string): Set<string> {
  if (exportTo.length === 0 || exportTo.includes('*')) return new Set(['*']);
  return new Set(exportTo.map((e) => (e === '.' ? namespace : e)));
}
