import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext } from '../analyzer';
import { IST } from '../messages';
import { formatLabels } from '../objects';

/**
 * IST0101 on a Gateway whose selector matches no gateway pod. Istio's port and secret analyzers
 * both report it, in the same words, so the runner's de-duplication leaves one when both run.
 */
export function reportNoGatewayPod(report: AnalysisContext['report'], gateway: KubeObject, selector: Record<string, unknown>): void {
  report(IST.ReferencedResourceNotFound, gateway, `selector ${formatLabels(selector)} matches no gateway pod; use the labels of your ingress gateway (e.g. istio=ingressgateway)`, 'spec.selector');
}
