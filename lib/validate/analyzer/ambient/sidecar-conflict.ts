import { ambientIndex } from './membership';
import { Analyzer } from '../analyzer';
import { IGR } from '../messages';
import { objOf } from '../objects';

/**
 * IGR3306: pods labelled for ambient (their own istio.io/dataplane-mode=ambient, or their
 * Namespace's) that also get a sidecar. The sidecar wins: the injector does not look at the
 * ambient labels, and istio-cni leaves pods with an injected sidecar out of ambient, so ztunnel
 * never captures them. (Both labels on one Namespace are Istio's IST0123.)
 */
export const sidecarConflictAnalyzer: Analyzer = {
  name: 'ambient.SidecarConflictAnalyzer',
  inputs: ['Namespace', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'],
  analyze(ctx) {
    const ambient = ambientIndex(ctx.index);
    for (const w of ctx.index.workloads) {
      if (!w.object || w.assumed || objOf(w.podSpec).hostNetwork === true) continue;
      if (!ambient.workloadLabelledAmbient(w) || !ambient.workloadInjected(w)) continue;
      const why = w.labels['istio.io/dataplane-mode'] === 'ambient' ? 'its istio.io/dataplane-mode=ambient label' : `Namespace ${w.namespace}'s istio.io/dataplane-mode=ambient`;
      ctx.report(IGR.AMBIENT_WITH_SIDECAR, w.object,
        `these pods are enrolled in ambient by ${why} and also get an Istio sidecar; the sidecar wins (istio-cni leaves pods with a sidecar out of ambient, so ztunnel does not capture them); remove the sidecar injection (sidecar.istio.io/inject: "false") or the ambient label`,
        w.object.kind === 'Pod' ? 'metadata.labels' : 'spec.template.metadata.labels');
    }
  },
};
