import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { Workload } from '../mesh-index';
import { IST } from '../messages';
import { formatLabels, namespaceOf, objOf, specOf, stringLabels } from '../objects';
import { holdsPods, reportOverlaps } from '../telemetry/selector';

/** The pod annotation and namespace label of Istio's ambient mode. */
const AMBIENT_REDIRECTION = 'ambient.istio.io/redirection';

/**
 * IST0101: a Sidecar workloadSelector matching no pod of its namespace; IST0110: pods several
 * Sidecars select; IST0111: several Sidecars without selector in a namespace; IST0167: Sidecars
 * for ambient pods or namespaces, which have no sidecar to configure.
 */
export const sidecarSelectorAnalyzer: Analyzer = {
  name: 'sidecar.SelectorAnalyzer',
  inputs: ['Sidecar', 'Pod', 'Namespace'],
  analyze({ index, report, workloadsComplete }) {
    const byPod = new Map<Workload, KubeObject[]>();
    const namespaceWide = new Map<string, KubeObject[]>();
    const ineffective = new Set<KubeObject>();
    for (const sc of index.of('Sidecar')) {
      const selector = stringLabels(objOf(specOf(sc).workloadSelector).labels);
      const ns = namespaceOf(sc);
      if (Object.keys(selector).length === 0) {
        namespaceWide.set(ns, [...(namespaceWide.get(ns) ?? []), sc]);
        continue;
      }
      const pods = index.selected(selector, ns);
      if (pods.length === 0 && (workloadsComplete || holdsPods(index, ns))) report(IST.ReferencedResourceNotFound, sc, `workloadSelector ${formatLabels(selector)} matches no pod in ${ns}`, 'spec.workloadSelector');
      for (const p of pods) byPod.set(p, [...(byPod.get(p) ?? []), sc]);
    }
    const ambientPods = new Map<Workload, KubeObject[]>();
    for (const [pod, list] of byPod) {
      if (pod.annotations[AMBIENT_REDIRECTION] !== 'enabled') continue;
      ambientPods.set(pod, list);
      byPod.delete(pod);
      for (const sc of list) {
        if (ineffective.has(sc)) continue;
        ineffective.add(sc);
        report(IST.IneffectivePolicy, sc, 'the selected workload runs in ambient mode, without a sidecar, so this Sidecar has no effect', 'spec.workloadSelector');
      }
    }
    reportOverlaps(byPod, (sc, names, pod) => report(IST.ConflictingSidecarWorkloadSelectors, sc,
      `Sidecars ${names} all select pod ${pod}; Istio applies one of them unpredictably; make the selectors disjoint`, 'spec.workloadSelector'));
    for (const [ns, list] of namespaceWide) {
      const namespace = index.namespaceObject(ns);
      if (namespace && namespaceInAmbient(stringLabels(namespace.metadata.labels))) {
        for (const sc of list) {
          if (ineffective.has(sc)) continue;
          ineffective.add(sc);
          report(IST.IneffectivePolicy, sc, `namespace ${ns} runs in ambient mode, without sidecars, so this Sidecar has no effect`, 'metadata.namespace');
        }
        continue;
      }
      if (list.length < 2) continue;
      const names = list.map((s) => s.metadata.name).sort().join(', ');
      for (const sc of list) report(IST.MultipleSidecarsWithoutWorkloadSelectors, sc, `Sidecars ${names} in ${ns} have no workloadSelector; Istio applies only one; merge them`, 'spec');
    }
  },
};

function namespaceInAmbient(labels: Readonly<Record<string, string>>): boolean {
  if (labels['istio-injection'] === 'enabled' || labels['istio.io/rev']) return false;
  return labels['istio.io/dataplane-mode'] === 'ambient';
}
