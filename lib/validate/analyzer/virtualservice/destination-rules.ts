import { destinationsOf } from './util';
import { hostCovers } from '../../../core/hosts';
import { Analyzer } from '../analyzer';
import { MeshIndex } from '../mesh-index';
import { IST } from '../messages';
import { fqdn, listOf, namespaceOf, objOf, specOf } from '../objects';

/** IST0101: a destination subset no DestinationRule for that host defines. */
export const virtualServiceDestinationRuleAnalyzer: Analyzer = {
  name: 'virtualservice.DestinationRuleAnalyzer',
  inputs: ['VirtualService', 'DestinationRule'],
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) {
      const ns = namespaceOf(vs);
      for (const { destination, path } of destinationsOf(vs)) {
        if (typeof destination.host !== 'string' || typeof destination.subset !== 'string') continue;
        if (subsetDefined(index, fqdn(destination.host, ns), destination.subset)) continue;
        report(IST.ReferencedResourceNotFound, vs,
          `subset ${destination.subset} of host ${destination.host} is not defined by any DestinationRule; add it to the DestinationRule's subsets`, `${path}.subset`);
      }
    }
  },
};

function subsetDefined(index: MeshIndex, host: string, subset: string): boolean {
  return index.destinationRulesFor(host).some((dr) => {
    const spec = specOf(dr);
    const drHost = fqdn(String(spec.host ?? ''), namespaceOf(dr));
    return hostCovers(drHost, host) && listOf(spec.subsets).some((s) => objOf(s).name === subset);
  });
}
