import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { namespaceOf, specOf } from '../objects';

/** IST0160: several Telemetries without a selector in one namespace (Istio counts those with no `selector` field). */
export const telemetryDefaultSelectorAnalyzer: Analyzer = {
  name: 'telemetry.DefaultSelectorAnalyzer',
  inputs: ['Telemetry'],
  analyze({ index, report }) {
    const byNamespace = new Map<string, KubeObject[]>();
    for (const tel of index.of('Telemetry')) {
      const selector = specOf(tel).selector;
      if (selector !== undefined && selector !== null) continue;
      byNamespace.set(namespaceOf(tel), [...(byNamespace.get(namespaceOf(tel)) ?? []), tel]);
    }
    for (const [ns, list] of byNamespace) {
      if (list.length < 2) continue;
      const names = list.map((t) => t.metadata.name).sort().join(', ');
      for (const tel of list) {
        report(IST.MultipleTelemetriesWithoutWorkloadSelectors, tel, `Telemetries ${names} in ${ns} have no selector; Istio applies only one; merge them`, 'spec');
      }
    }
  },
};
