import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { LabelIndex } from '../label-index';
import { MeshIndex, Workload } from '../mesh-index';
import { IST } from '../messages';
import { formatLabels, listOf, namespaceOf, objOf, specOf, stringLabels, stringsOf } from '../objects';

/** Node labels Istio copies onto a pod's labels for locality, and the node-name label. */
const REGION = 'topology.kubernetes.io/region';
const ZONE = 'topology.kubernetes.io/zone';
const SUBZONE = 'topology.istio.io/subzone';
const HOSTNAME = 'kubernetes.io/hostname';

/**
 * IST0174: a DestinationRule host no Service or ServiceEntry visible to it defines; IST0173: a
 * subset whose labels (with a ServiceEntry's workloadSelector) select no pod. Pods carry the
 * locality labels of their node (region, zone, subzone) and its name, as Istio adds them.
 */
export const podNotSelectedAnalyzer: Analyzer = {
  name: 'destinationrule.SubsetSelectPodAnalyzer',
  inputs: ['DestinationRule', 'Pod', 'Service', 'ServiceEntry', 'Node'],
  analyze({ index, report, workloadsComplete }) {
    const nodes = new Map<string, KubeObject>();
    for (const n of index.of('Node')) if (n.apiVersion === 'v1' && !nodes.has(n.metadata.name)) nodes.set(n.metadata.name, n);
    // Pods on a named node also carry its locality labels; without any, the mesh's index is the same.
    let pods: Pick<LabelIndex<Workload>, 'some'> = { some: (selector) => index.anySelected(selector) };
    if (index.workloads.some((w) => typeof w.podSpec.nodeName === 'string' && w.podSpec.nodeName)) {
      const augmented = new LabelIndex<Workload>();
      for (const w of index.workloads) augmented.add(w, augmentedLabels(w, nodes));
      pods = augmented;
    }
    for (const dr of index.of('DestinationRule')) {
      const spec = specOf(dr);
      const host = typeof spec.host === 'string' ? spec.host : '';
      const found = index.hosts.lookup(namespaceOf(dr), stringsOf(spec.exportTo), host);
      if (!found) {
        report(IST.UnknownDestinationRuleHost, dr, `host ${host} matches no Service or ServiceEntry visible here, so this DestinationRule applies to nothing`, 'spec.host');
        continue;
      }
      // Without the workloads in the input, judge only services whose pods it holds.
      if (!workloadsComplete && !hasPods(index, found.source, found.workloadSelector)) continue;
      listOf(spec.subsets).forEach((s, i) => {
        const selector = { ...found.workloadSelector, ...stringLabels(objOf(s).labels) };
        if (pods.some(selector)) return;
        report(IST.DestinationRuleSubsetNotSelectPods, dr,
          `subset ${String(objOf(s).name)} (${formatLabels(selector) || 'no labels'}) selects no pod; traffic routed to it fails with "no healthy upstream" (UH); create pods with these labels (e.g. GrpcCanary canaryWorkload) or fix the subset labels`,
          `spec.subsets[${i}].labels`);
      });
    }
  },
};

function augmentedLabels(w: Workload, nodes: ReadonlyMap<string, KubeObject>): Readonly<Record<string, string>> {
  const nodeName = typeof w.podSpec.nodeName === 'string' ? w.podSpec.nodeName : '';
  // The index only reads the labels: a pod on no named node is filed under its own, not a copy.
  if (!nodeName) return w.labels;
  const node = nodes.get(nodeName);
  const nodeLabels = node ? stringLabels(node.metadata.labels) : {};
  const out: Record<string, string> = { ...w.labels, [HOSTNAME]: nodeName };
  for (const key of [REGION, ZONE, SUBZONE]) if (nodeLabels[key]) out[key] = nodeLabels[key];
  return out;
}

function hasPods(index: MeshIndex, source: KubeObject, workloadSelector: Readonly<Record<string, string>>): boolean {
  const selector = source.kind === 'Service' ? stringLabels(specOf(source).selector) : workloadSelector;
  if (Object.keys(selector).length === 0) return false;
  return index.selected(selector, namespaceOf(source)).some((w) => !w.assumed);
}
