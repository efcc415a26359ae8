import { destinationsOf } from './util';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { namespaceOf, objOf, specOf, stringsOf } from '../objects';
import { toFqdn } from '../service-hosts';

/**
 * IST0101/IST0112: destination hosts no Service or ServiceEntry visible to the VirtualService
 * defines, ports the host does not have, or no port where the host has several.
 */
export const destinationHostAnalyzer: Analyzer = {
  name: 'virtualservice.DestinationHostAnalyzer',
  inputs: ['ServiceEntry', 'VirtualService', 'Service'],
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) {
      const ns = namespaceOf(vs);
      const exportTo = stringsOf(specOf(vs).exportTo);
      for (const ref of destinationsOf(vs)) {
        // The path is read only for a finding: writing it out is most of a destination's cost.
        const { destination, mirror } = ref;
        const host = typeof destination.host === 'string' ? destination.host : '';
        const found = index.hosts.lookup(ns, exportTo, host);
        if (!found) {
          report(IST.ReferencedResourceNotFound, vs,
            `${mirror ? 'mirror' : 'destination'} host ${host} matches no Service or ServiceEntry visible here (${toFqdn(ns, host)}); check the name, namespace and exportTo`, `${ref.path}.host`);
          continue;
        }
        const numbers = found.ports.map((p) => p.number);
        if (destination.port === undefined || destination.port === null) {
          if (numbers.length > 1) {
            report(IST.VirtualServiceDestinationPortSelectorRequired, vs, `${host} exposes ${numbers.length} ports (${numbers.join(', ')}), so the destination must name one in port.number`, ref.path);
          }
          continue;
        }
        const port = typeof objOf(destination.port).number === 'number' ? destination.port.number : 0;
        if (!numbers.includes(port)) {
          report(IST.ReferencedResourceNotFound, vs, `destination ${host}:${port} not found: the host exposes port${numbers.length === 1 ? '' : 's'} ${numbers.join(', ') || 'none'}`, `${ref.path}.port.number`);
        }
      }
    }
  },
};
