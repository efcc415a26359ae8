import { destinationsOf } from './util';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { fqdn, listOf, namespaceOf, objOf, specOf } from '../objects';

/** IST0101/IST0112: destination hosts and ports that do not exist, or a port left out where several exist. */
export const destinationHostAnalyzer: Analyzer = {
  name: 'virtualservice.DestinationHostAnalyzer',
  inputs: ['VirtualService', 'Service', 'ServiceEntry'],
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) {
      const ns = namespaceOf(vs);
      for (const { destination, path } of destinationsOf(vs)) {
        const host = typeof destination.host === 'string' ? destination.host : '';
        if (!host || host.includes('*')) continue;
        if (!index.hostKnown(host, ns)) {
          report(IST.ReferencedResourceNotFound, vs, `destination host ${host} matches no Service or ServiceEntry; check the name and namespace (${fqdn(host, ns)})`, `${path}.host`);
          continue;
        }
        const service = index.service(host, ns);
        if (!service) continue;
        const ports = listOf(specOf(service).ports).map((p) => objOf(p).port);
        const port = objOf(destination.port).number;
        if (port !== undefined && !ports.includes(port)) {
          report(IST.ReferencedResourceNotFound, vs, `destination ${host}:${port} not found: the Service exposes port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}`, `${path}.port.number`);
        } else if (port === undefined && ports.length > 1) {
          report(IST.VirtualServiceDestinationPortSelectorRequired, vs, `the Service ${host} exposes ${ports.length} ports (${ports.join(', ')}), so the destination must name one in port.number`, path);
        }
      }
    }
  },
};
