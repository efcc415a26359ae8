import { gatewayApiIndex } from './index';
import { isGatewayApi, keyOf, refOf, ROUTE_KINDS } from './refs';
import { GATEWAY_API_GROUP } from '../../../core/gateway-api-group';
import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { IGR } from '../messages';
import { listOf, namespaceOf, objOf, specOf } from '../objects';

/** A backendRef of a route and where it is written. */
interface BackendAt {
  readonly raw: Record<string, any>;
  readonly path: string;
}

/** The backendRefs of a rule and of its mirror filters (which also reach a Service). */
function backendsOf(rule: Record<string, any>, rulePath: string): BackendAt[] {
  const out: BackendAt[] = [];
  listOf(rule.backendRefs).forEach((b, j) => out.push({ raw: objOf(b), path: `${rulePath}.backendRefs[${j}]` }));
  listOf(rule.filters).forEach((f, k) => {
    const mirror = objOf(objOf(f).requestMirror).backendRef;
    if (mirror !== undefined) out.push({ raw: objOf(mirror), path: `${rulePath}.filters[${k}].requestMirror.backendRef` });
  });
  return out;
}

/**
 * IGR3206/IGR3207: route backendRefs to a Service the input does not hold, or to a port it does
 * not have; IGR3209: a backendRef into another namespace without a ReferenceGrant there (the
 * backend is refused); IGR3208: a rule whose backends all weigh 0. Backends of other kinds
 * (ServiceImport, Istio's Hostname, ...) are not judged.
 */
export const backendRefAnalyzer: Analyzer = {
  name: 'gatewayapi.BackendRefAnalyzer',
  inputs: [...ROUTE_KINDS, 'Service', 'ReferenceGrant'],
  analyze(ctx) {
    const index = gatewayApiIndex(ctx.index);
    for (const kind of ROUTE_KINDS) {
      for (const route of ctx.index.of(kind)) {
        if (!isGatewayApi(route)) continue;
        listOf(specOf(route).rules).forEach((rawRule, i) => {
          const rule = objOf(rawRule);
          const rulePath = `spec.rules[${i}]`;
          for (const backend of backendsOf(rule, rulePath)) checkBackend(route, backend);
          const weights = listOf(rule.backendRefs).map((b) => objOf(b).weight ?? 1);
          if (weights.length > 0 && weights.every((w) => w === 0)) {
            ctx.report(IGR.GATEWAY_API_ZERO_WEIGHTS, route,
              `every backendRef of rule ${i} has weight 0, so the rule sends no traffic and its requests get HTTP 500; give one backend a weight above 0 or remove the rule`, `${rulePath}.backendRefs`);
          }
        });
      }
    }

    function checkBackend(route: KubeObject, { raw, path }: BackendAt): void {
      const ref = refOf(raw, route, '', 'Service');
      if (ref.group !== '' || ref.kind !== 'Service') return;
      const routeNs = namespaceOf(route);
      const name = keyOf(ref.namespace, ref.name);
      if (ref.namespace !== routeNs && !index.granted(GATEWAY_API_GROUP, route.kind, routeNs, ref)) {
        ctx.report(IGR.GATEWAY_API_REFERENCE_NOT_GRANTED, route,
          `backend Service ${name} is in another namespace and no ReferenceGrant in ${ref.namespace} lets ${route.kind}s of ${routeNs} refer to it, so the backend is refused; add a ReferenceGrant in ${ref.namespace} (from: ${route.kind} in ${routeNs}, to: Service)`,
          `${path}.namespace`);
      }
      const service = index.services.get(name);
      if (!service) {
        const effect = path.endsWith('requestMirror.backendRef') ? 'mirrored copies of requests reach nothing' : 'requests routed to it get HTTP 500';
        ctx.report(IGR.GATEWAY_API_BACKEND_NOT_FOUND, route,
          `backend Service ${name} is not in the input; ${effect} (check the name and namespace)`, `${path}.name`, ctx.workloadsComplete ? 'error' : 'warning');
        return;
      }
      if (typeof raw.port !== 'number') return;
      const ports = listOf(specOf(service).ports).map((p) => objOf(p).port).filter((p): p is number => typeof p === 'number');
      if (!ports.includes(raw.port)) {
        ctx.report(IGR.GATEWAY_API_BACKEND_PORT_NOT_FOUND, route,
          `port ${raw.port} is not a port of Service ${name} (ports: ${ports.join(', ') || 'none'}); requests routed there fail; use one of its ports`, `${path}.port`);
      }
    }
  },
};
