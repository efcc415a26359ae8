import { ambientIndex, TrafficKind, WaypointBinding } from './membership';
import { AMBIENT_LABELS, WAYPOINT_GATEWAY_CLASS } from '../../../core/ambient/ambient-labels';
import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { IGR } from '../messages';
import { namespaceOf, stringEntry } from '../objects';

/**
 * IGR3303: an istio.io/use-waypoint label naming a Gateway the input does not hold;
 * IGR3304: a waypoint whose istio.io/waypoint-for does not take the object's traffic;
 * IGR3305: a waypoint whose HBONE listener does not admit the object's namespace. Judged on
 * Namespaces, Services and workloads that carry the label (a Service also through its
 * Namespace's label, as istiod reports it on the Service).
 */
export const waypointAnalyzer: Analyzer = {
  name: 'ambient.WaypointAnalyzer',
  inputs: ['Namespace', 'Service', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Gateway', 'GatewayClass'],
  analyze(ctx) {
    const ambient = ambientIndex(ctx.index);
    for (const ns of ctx.index.of('Namespace')) {
      if (ns.apiVersion !== 'v1' || !has(ns)) continue;
      // Only absence and attachment are the Namespace's own problems; the traffic type depends on who inherits it.
      const binding = ambient.bind(ns.metadata.labels, ns.metadata.name, 'service');
      if (binding.problem !== 'traffic-type') reportBinding(ctx, ns, binding, 'service');
    }
    for (const svc of ambient.gw.services.values()) {
      const binding = ambient.serviceWaypoint(svc);
      // A Namespace's missing waypoint is reported once, on the Namespace.
      if (binding.from === 'object' || binding.problem === 'traffic-type') reportBinding(ctx, svc, binding, 'service');
    }
    for (const w of ctx.index.workloads) {
      if (!w.object || w.assumed || w.labels[AMBIENT_LABELS.useWaypoint] === undefined) continue;
      reportBinding(ctx, w.object, ambient.workloadWaypoint(w), 'workload', w.object.kind === 'Pod' ? 'metadata.labels' : 'spec.template.metadata.labels');
    }
  },
};

function has(o: KubeObject): boolean {
  return stringEntry(o.metadata.labels, AMBIENT_LABELS.useWaypoint) !== undefined;
}

function reportBinding(ctx: AnalysisContext, o: KubeObject, b: WaypointBinding, traffic: TrafficKind, path = 'metadata.labels'): void {
  const at = `${path}.${AMBIENT_LABELS.useWaypoint}`;
  const via = b.from === 'namespace' ? ` (named by Namespace ${namespaceOf(o)})` : '';
  switch (b.problem) {
    case 'not-found':
      ctx.report(IGR.AMBIENT_WAYPOINT_NOT_FOUND, o,
        `${AMBIENT_LABELS.useWaypoint} names waypoint ${b.name}${via}, which is not in the input, so no waypoint serves this ${o.kind} and its L7 policies and routes are not applied; deploy the waypoint (a Gateway of class ${WAYPOINT_GATEWAY_CLASS}) or fix the name`,
        at, ctx.workloadsComplete ? 'error' : 'warning');
      return;
    case 'attachment':
      ctx.report(IGR.AMBIENT_WAYPOINT_ATTACHMENT_DENIED, o, `${b.why}${via}, so istiod does not bind it; allow the namespace in the waypoint's HBONE listener (allowedRoutes.namespaces) or use a waypoint of this namespace`, at);
      return;
    case 'traffic-type':
      ctx.report(IGR.AMBIENT_WAYPOINT_TRAFFIC_TYPE, o,
        `${b.why}${via}, so istiod does not bind this ${o.kind} to it; label the waypoint istio.io/waypoint-for: ${traffic} (or all), or use another waypoint`, at);
      return;
    default:
  }
}
