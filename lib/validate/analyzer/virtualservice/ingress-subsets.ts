import { appliesToMesh, destinationsOf, gatewaysOf } from './util';
import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { MeshIndex } from '../mesh-index';
import { IST } from '../messages';
import { fqdn, listOf, namespaceOf, specOf } from '../objects';

/** IST0140: a gateway route without subset to a host whose mesh VirtualService pins subsets. */
export const ingressSubsetsAnalyzer: Analyzer = {
  name: 'virtualservice.IngressRouteRulesAnalyzer',
  inputs: ['VirtualService'],
  analyze({ index, report }) {
    const pinned = subsetPinningVirtualServices(index);
    for (const vs of index.of('VirtualService')) checkGatewayRoutes(pinned, vs, report);
  },
};

/** Mesh VirtualServices that pin subsets, by the FQDN of the host they route. */
function subsetPinningVirtualServices(index: MeshIndex): Map<string, KubeObject> {
  const pinned = new Map<string, KubeObject>();
  for (const vs of index.of('VirtualService')) {
    if (!appliesToMesh(vs)) continue;
    const ns = namespaceOf(vs);
    const hosts = new Set(listOf(specOf(vs).hosts).map((h) => fqdn(String(h), ns)));
    for (const d of destinationsOf(vs)) {
      const host = fqdn(String(d.destination.host), ns);
      if (d.destination.subset !== undefined && hosts.has(host) && !pinned.has(host)) pinned.set(host, vs);
    }
  }
  return pinned;
}

function checkGatewayRoutes(pinned: Map<string, KubeObject>, vs: KubeObject, report: AnalysisContext['report']): void {
  const gateways = gatewaysOf(vs);
  if (gateways.length === 0 || gateways.includes('mesh')) return;
  const ns = namespaceOf(vs);
  for (const { destination, path, mirror } of destinationsOf(vs)) {
    if (mirror || destination.subset !== undefined || typeof destination.host !== 'string') continue;
    const meshVs = pinned.get(fqdn(destination.host, ns));
    if (meshVs && meshVs !== vs) {
      report(IST.IngressRouteRulesNotAffected, vs, `the subsets of VirtualService ${namespaceOf(meshVs)}/${meshVs.metadata.name} do not apply to requests through the gateway; route to the subsets here too`, path);
    }
  }
}

