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
    // A mesh's routes name a few host and subset pairs many times over: each is looked up once.
    const defined = new Map<string, Map<string, boolean>>();
    for (const vs of index.of('VirtualService')) {
      const ns = namespaceOf(vs);
      for (const ref of destinationsOf(vs)) {
        const destination = ref.destination;
        if (typeof destination.host !== 'string' || typeof destination.subset !== 'string') continue;
        const host = fqdn(destination.host, ns);
        let ofHost = defined.get(host);
        if (!ofHost) defined.set(host, ofHost = new Map());
        let found = ofHost.get(destination.subset);
        if (found === undefined) ofHost.set(destination.subset, found = subsetDefined(index, host, destination.subset));
        if (found) continue;
        report(IST.ReferencedResourceNotFound, vs,
          `subset ${destination.subset} of host ${destination.host} is not defined by any DestinationRule; add it to the DestinationRule's subsets`, `${ref.path}.subset`);
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
