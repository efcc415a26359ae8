import { appliesToMesh } from './util';
import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { fqdn, listOf, namespaceOf, specOf } from '../objects';

/** IST0109: two mesh VirtualServices for the same host (Istio uses only one, unpredictably). */
export const conflictingMeshGatewayHostsAnalyzer: Analyzer = {
  name: 'virtualservice.ConflictingMeshGatewayHostsAnalyzer',
  inputs: ['VirtualService'],
  analyze({ index, report }) {
    const owners = new Map<string, { vs: KubeObject; path: string }[]>();
    for (const vs of index.of('VirtualService')) {
      if (!appliesToMesh(vs)) continue;
      const spec = specOf(vs);
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
        report(IST.ConflictingMeshGatewayVirtualServiceHosts, o.vs,
          `VirtualServices ${names.join(', ')} all define host ${key.split('|')[1]} for the mesh; Istio uses one of them; merge their routes into one VirtualService`, o.path);
      }
    }
  },
};
