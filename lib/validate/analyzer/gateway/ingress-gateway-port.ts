import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { reportNoGatewayPod } from './no-gateway-pod';
import { labelsMatch, listOf, namespaceOf, objOf, specOf } from '../objects';

/** IST0101/IST0162: gateway selectors with no pods, and server ports the gateway Service lacks. */
export const ingressGatewayPortAnalyzer: Analyzer = {
  name: 'gateway.IngressGatewayPortAnalyzer',
  inputs: ['Gateway', 'Pod', 'Service'],
  analyze({ index, report }) {
    for (const gw of index.gateways.values()) {
      const spec = specOf(gw);
      const selector = objOf(spec.selector);
      const workloads = index.gatewayWorkloads(selector);
      if (workloads.length === 0) {
        reportNoGatewayPod(report, gw, selector);
        continue;
      }
      const ports = new Set<number>();
      for (const svc of index.of('Service')) {
        const svcSelector = objOf(specOf(svc).selector);
        if (Object.keys(svcSelector).length === 0) continue;
        if (!workloads.some((w) => w.namespace === namespaceOf(svc) && labelsMatch(svcSelector, w.labels))) continue;
        for (const p of listOf(specOf(svc).ports).map(objOf)) {
          // Istio counts TCP ports only; an unset protocol is TCP once the API server defaults it.
          if (p.protocol !== undefined && p.protocol !== 'TCP') continue;
          const target = targetNumber(p.targetPort);
          if (typeof p.port === 'number') ports.add(p.port);
          if (target !== undefined) ports.add(target);
        }
      }
      listOf(spec.servers).forEach((s, i) => {
        const number = objOf(objOf(s).port).number;
        if (typeof number !== 'number' || ports.has(number)) return;
        report(IST.GatewayPortNotDefinedOnService, gw,
          `port ${number} is neither a port nor a targetPort of the Service in front of the gateway pods, so no traffic reaches it; use one of ${[...ports].join(', ') || 'its ports'}`, `spec.servers[${i}].port.number`);
      });
    }
  },
};

/** A numeric targetPort (a number, or a string of digits); named ports resolve only on the pod. */
function targetNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
