import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, objOf, specOf, stringEntry } from '../objects';

/** The UID the sidecar proxy runs as; Istio's traffic capture exempts it. */
const PROXY_UID = 1337;

/** IST0144: an application Pod or Deployment running as UID 1337, whose traffic would bypass the proxy. */
export const applicationUidAnalyzer: Analyzer = {
  name: 'applicationUID.Analyzer',
  inputs: ['Pod', 'Deployment'],
  analyze({ index, report }) {
    for (const pod of index.of('Pod')) if (pod.apiVersion === 'v1') check(pod, specOf(pod), 'spec', report);
    for (const d of index.of('Deployment')) {
      if (d.apiVersion.startsWith('apps/')) check(d, objOf(objOf(specOf(d).template).spec), 'spec.template.spec', report);
    }
  },
};

function check(o: KubeObject, podSpec: Record<string, any>, path: string, report: AnalysisContext['report']): void {
  // Istio's own control plane and gateways are exempt.
  if (stringEntry(o.metadata.labels, 'istio') !== undefined || stringEntry(o.metadata.labels, 'release') === 'istio') return;
  const text = 'UID 1337 is reserved for the sidecar proxy: traffic of a process running as it bypasses the proxy; run the application as another user';
  if (objOf(podSpec.securityContext).runAsUser === PROXY_UID) report(IST.InvalidApplicationUID, o, text, `${path}.securityContext.runAsUser`);
  listOf(podSpec.containers).map(objOf).forEach((c, i) => {
    if (c.name === 'istio-proxy' || c.name === 'istio-operator') return;
    if (objOf(c.securityContext).runAsUser === PROXY_UID) report(IST.InvalidApplicationUID, o, text, `${path}.containers[${i}].securityContext.runAsUser`);
  });
}
