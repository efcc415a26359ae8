import { gatewayKey, gatewaysOf } from './util';
import { hostsOverlap } from '../../../core/hosts';
import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, namespaceOf, objOf, specOf, stringsOf } from '../objects';

/** IST0101/IST0132: gateways that do not exist, and hosts a bound gateway does not serve. */
export const virtualServiceGatewayAnalyzer: Analyzer = {
  name: 'virtualservice.GatewayAnalyzer',
  inputs: ['VirtualService', 'Gateway'],
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) {
      const ns = namespaceOf(vs);
      const hosts = stringsOf(specOf(vs).hosts);
      gatewaysOf(vs).forEach((ref, i) => {
        if (ref === 'mesh') return;
        const key = gatewayKey(ref, ns);
        const gateway = index.gateways.get(key);
        if (!gateway) {
          report(IST.ReferencedResourceNotFound, vs, `gateway ${key} not found; reference it as <namespace>/<name>`, `spec.gateways[${i}]`);
        }
        const served = gateway ? serverHosts(gateway, ns) : [];
        hosts.forEach((host, j) => {
          if (served.some((s) => hostsOverlap(s, host))) return;
          report(IST.VirtualServiceHostNotFoundInGateway, vs,
            `host ${host} is not served by gateway ${key}${served.length ? ` (it serves ${served.join(', ')})` : ''}; add the host to a gateway server`, `spec.hosts[${j}]`);
        });
      });
    }
  },
};

/** The hosts a gateway's servers accept from VirtualServices in `vsNamespace`. */
function serverHosts(gateway: KubeObject, vsNamespace: string): string[] {
  const gwNamespace = namespaceOf(gateway);
  return listOf(specOf(gateway).servers).flatMap((s) => listOf(objOf(s).hosts)).flatMap((raw) => {
    const [scope, host] = String(raw).includes('/') ? String(raw).split('/', 2) : ['*', String(raw)];
    const visible = scope === '*' || (scope === '.' ? gwNamespace === vsNamespace : scope === vsNamespace);
    return visible ? [host] : [];
  });
}
