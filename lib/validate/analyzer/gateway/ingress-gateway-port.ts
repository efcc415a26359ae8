import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { formatLabels, labelsMatch, listOf, namespaceOf, objOf, specOf } from '../objects';

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
        report(IST.ReferencedResourceNotFound, gw, `selector ${formatLabels(selector)} matches no gateway pod; use the labels of your ingress gateway (e.g. istio=ingressgateway)`, 'spec.selector');
        continue;
      }
      // The default ingress gateway is assumed, not seen: its Service is not in the input.
      if (workloads.every((w) => w.assumed)) continue;
      const ports = new Set<number>();
      for (const svc of index.of('Service')) {
        const svcSelector = objOf(specOf(svc).selector);
        if (Object.keys(svcSelector).length === 0) continue;
        if (!workloads.some((w) => w.namespace === namespaceOf(svc) && labelsMatch(svcSelector, w.labels))) continue;
        for (const p of listOf(specOf(svc).ports)) {
          if (typeof objOf(p).port === 'number') ports.add(p.port);
          if (typeof objOf(p).targetPort === 'number') ports.add(p.targetPort);
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
