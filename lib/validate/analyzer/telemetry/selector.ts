import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { MeshIndex, Workload } from '../mesh-index';
import { IST } from '../messages';
import { formatLabels, namespaceOf, objOf, specOf } from '../objects';

/** IST0101/IST0159: a Telemetry selector matching no pod of its namespace, and pods selected by several. */
export const telemetrySelectorAnalyzer: Analyzer = {
  name: 'telemetry.SelectorAnalyzer',
  inputs: ['Telemetry', 'Pod'],
  analyze({ index, report, workloadsComplete }) {
    const byPod = new Map<Workload, KubeObject[]>();
    for (const tel of index.of('Telemetry')) {
      const selector = objOf(objOf(specOf(tel).selector).matchLabels);
      if (Object.keys(selector).length === 0) continue;
      const pods = index.selected(selector, namespaceOf(tel));
      // Without the workloads in the input, judge only namespaces whose pods it holds.
      if (pods.length === 0 && (workloadsComplete || holdsPods(index, namespaceOf(tel)))) {
        report(IST.ReferencedResourceNotFound, tel, `selector ${formatLabels(selector)} matches no pod in ${namespaceOf(tel)}`, 'spec.selector');
      }
      for (const p of pods) byPod.set(p, [...(byPod.get(p) ?? []), tel]);
    }
    reportOverlaps(byPod, (tel, names, pod) => report(IST.ConflictingTelemetryWorkloadSelectors, tel,
      `Telemetries ${names} all select pod ${pod}; Istio applies one of them unpredictably; make the selectors disjoint`, 'spec.selector'));
  },
};

/** Reports, once per resource, the pods several resources select. */
export function reportOverlaps(byPod: Map<Workload, KubeObject[]>, emit: (o: KubeObject, names: string, pod: string) => void): void {
  const reported = new Set<KubeObject>();
  for (const [pod, list] of byPod) {
    if (list.length < 2) continue;
    const names = list.map((o) => o.metadata.name).sort().join(', ');
    for (const o of list) {
      if (reported.has(o)) continue;
      reported.add(o);
      emit(o, names, `${pod.namespace}/${pod.object?.metadata.name ?? '<assumed>'}`);
    }
  }
}

/** Whether the input holds pods (not Istio's assumed ones) in `namespace`. */
export function holdsPods(index: MeshIndex, namespace: string): boolean {
  return index.selected({}, namespace).some((w) => !w.assumed);
}
