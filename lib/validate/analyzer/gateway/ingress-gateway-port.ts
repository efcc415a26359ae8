import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { SelectorIndex } from '../label-index';
import { IST } from '../messages';
import { reportNoGatewayPod } from './no-gateway-pod';
import { listOf, namespaceOf, objOf, specOf } from '../objects';

/** IST0101/IST0162: gateway selectors with no pods, and server ports the gateway Service lacks. */
export const ingressGatewayPortAnalyzer: Analyzer = {
  name: 'gateway.IngressGatewayPortAnalyzer',
  inputs: ['Gateway', 'Pod', 'Service'],
  analyze({ index, report }) {
    const services = new ServicesBySelector(index.of('Service'));
    for (const gw of index.gateways.values()) {
      const spec = specOf(gw);
      const selector = objOf(spec.selector);
      const workloads = index.gatewayWorkloads(selector);
      if (workloads.length === 0) {
        reportNoGatewayPod(report, gw, selector);
        continue;
      }
      // The Services in front of any of the gateway's pods, in input order.
      const fronting = new Map<number, KubeObject>();
      for (const w of workloads) for (const s of services.in(w.namespace).selecting(w.labels)) fronting.set(s.order, s.svc);
      const ports = new Set<number>();
      for (const order of [...fronting.keys()].sort((a, b) => a - b)) {
        const svc = fronting.get(order)!;
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

/**
 * Services by selector, per namespace, with their input order: a gateway looks up only those its
 * pods satisfy. Gateway pods live in few namespaces, so each namespace is indexed on first use.
 */
class ServicesBySelector {
  private byNamespace?: Map<string, { svc: KubeObject; order: number }[]>;
  private readonly indexes = new Map<string, SelectorIndex<{ svc: KubeObject; order: number }>>();

  constructor(private readonly services: readonly KubeObject[]) {}

  /** The Services of `namespace` that have a selector. */
  in(namespace: string): SelectorIndex<{ svc: KubeObject; order: number }> {
    let local = this.indexes.get(namespace);
    if (local) return local;
    if (!this.byNamespace) {
      this.byNamespace = new Map();
      this.services.forEach((svc, order) => {
        const list = this.byNamespace!.get(namespaceOf(svc));
        if (list) list.push({ svc, order });
        else this.byNamespace!.set(namespaceOf(svc), [{ svc, order }]);
      });
    }
    local = new SelectorIndex();
    for (const entry of this.byNamespace.get(namespace) ?? []) {
      const selector = objOf(specOf(entry.svc).selector);
      if (Object.keys(selector).length > 0) local.add(entry, selector);
    }
    this.indexes.set(namespace, local);
    return local;
  }
}

/** A numeric targetPort (a number, or a string of digits); named ports resolve only on the pod. */
function targetNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
