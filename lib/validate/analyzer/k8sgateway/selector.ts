import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { labelsMatch, namespaceOf, objOf, specOf, stringLabels } from '../objects';

/** The label Gateway API implementations put on the pods of a Gateway. */
const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

/** IST0166: policies that select the pods of a Kubernetes Gateway by label instead of targetRef (selectors are ignored there). */
export const k8sGatewaySelectorAnalyzer: Analyzer = {
  name: 'k8sgateway.SelectorAnalyzer',
  inputs: ['AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'WasmPlugin', 'Pod'],
  analyze({ index, report }) {
    const gatewayPods = index.of('Pod').filter((p) => p.apiVersion === 'v1' && stringLabels(p.metadata.labels)[GATEWAY_NAME_LABEL] !== undefined);
    if (gatewayPods.length === 0) return;
    for (const kind of ['AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'WasmPlugin']) {
      for (const policy of index.of(kind)) {
        const spec = specOf(policy);
        if ((spec.targetRef !== undefined && spec.targetRef !== null) || spec.selector === undefined || spec.selector === null) continue;
        const selector = objOf(objOf(spec.selector).matchLabels);
        for (const pod of gatewayPods) {
          const labels = stringLabels(pod.metadata.labels);
          if (namespaceOf(pod) !== namespaceOf(policy) || !labelsMatch(selector, labels)) continue;
          report(IST.IneffectiveSelector, policy,
            `the selector picks pods of Kubernetes Gateway ${labels[GATEWAY_NAME_LABEL]}, where selectors have no effect; use targetRef (kind: Gateway, name: ${labels[GATEWAY_NAME_LABEL]})`, 'spec.selector');
        }
      }
    }
  },
};
