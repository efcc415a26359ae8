import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, objOf } from '../objects';

const GATEWAY_API_NEGATIVE = ['Accepted', 'Programmed', 'ResolvedRefs'];

/** Condition types whose `False` status Istio reports, by kind (and API group for the Gateway API). */
const NEGATIVE: readonly { readonly kind: string; readonly group?: string; readonly types: readonly string[]; readonly routeParents?: boolean }[] = [
  { kind: 'Service', group: '', types: ['istio.io/WaypointBound'] },
  { kind: 'ServiceEntry', group: 'networking.istio.io', types: ['istio.io/WaypointBound'] },
  { kind: 'WorkloadEntry', group: 'networking.istio.io', types: ['istio.io/WaypointBound'] },
  { kind: 'AuthorizationPolicy', group: 'security.istio.io', types: ['ZtunnelAccepted', 'WaypointAccepted'] },
  { kind: 'Gateway', group: 'gateway.networking.k8s.io', types: GATEWAY_API_NEGATIVE },
  { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io', types: GATEWAY_API_NEGATIVE, routeParents: true },
  { kind: 'GRPCRoute', group: 'gateway.networking.k8s.io', types: GATEWAY_API_NEGATIVE, routeParents: true },
];

/** IST0171: status conditions that say a resource was not accepted or bound (as written back by the cluster). */
export const conditionAnalyzer: Analyzer = {
  name: 'conditions.ConditionAnalyzer',
  inputs: ['Service', 'ServiceEntry', 'WorkloadEntry', 'AuthorizationPolicy', 'Gateway', 'HTTPRoute', 'GRPCRoute'],
  analyze({ index, report }) {
    for (const rule of NEGATIVE) {
      for (const o of index.of(rule.kind)) {
        if (groupOf(o) !== rule.group) continue;
        const status = objOf((o as any).status);
        const conditions = rule.routeParents ? listOf(status.parents).flatMap((p) => listOf(objOf(p).conditions)) : listOf(status.conditions);
        conditions.map(objOf).forEach((c) => {
          const negative = rule.types.includes(String(c.type)) && c.status === 'False';
          const partial = rule.kind === 'AuthorizationPolicy' && c.type === 'WaypointAccepted' && c.reason === 'PartiallyInvalid';
          if (!negative && !partial) return;
          report(IST.NegativeConditionStatus, o, `status condition ${String(c.type)} is ${String(c.status)} (reason ${String(c.reason ?? '')}: ${String(c.message ?? '')})`, 'status.conditions');
        });
      }
    }
  },
};

function groupOf(o: KubeObject): string {
  return o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
}
