import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { fqdn, formatLabels, labelsMatch, listOf, namespaceOf, objOf, specOf } from '../objects';

/** IST0174/IST0173: unknown hosts, and subsets that select none of the service's known pods. */
export const podNotSelectedAnalyzer: Analyzer = {
  name: 'destinationrule.PodNotSelectedAnalyzer',
  inputs: ['DestinationRule', 'Service', 'ServiceEntry', 'Pod'],
  analyze({ index, report }) {
    for (const dr of index.of('DestinationRule')) {
      const spec = specOf(dr);
      const host = typeof spec.host === 'string' ? spec.host : '';
      if (!host || host.includes('*')) continue;
      const ns = namespaceOf(dr);
      if (!index.hostKnown(host, ns)) {
        report(IST.UnknownDestinationRuleHost, dr, `host ${host} matches no Service or ServiceEntry (${fqdn(host, ns)}), so this DestinationRule applies to nothing`, 'spec.host');
        continue;
      }
      const service = index.service(host, ns);
      const selector = objOf(objOf((service as any)?.spec).selector);
      if (!service || Object.keys(selector).length === 0) continue;
      const pods = index.selected(selector, namespaceOf(service));
      // Without any of the service's pods in the input, nothing can be said about its subsets.
      if (pods.length === 0) continue;
      listOf(spec.subsets).forEach((s, i) => {
        const labels = objOf(objOf(s).labels);
        if (pods.some((p) => labelsMatch(labels, p.labels))) return;
        report(IST.DestinationRuleSubsetNotSelectPods, dr,
          `subset ${String(objOf(s).name)} (${formatLabels(labels)}) selects none of the pods of ${host}; traffic routed to it fails with "no healthy upstream" (UH); create pods with these labels (e.g. GrpcCanary canaryWorkload) or fix the subset labels`,
          `spec.subsets[${i}].labels`);
      });
    }
  },
};
