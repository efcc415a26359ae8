import { routeMeetsListener } from './hostnames';
import { GatewayApiIndex, gatewayApiIndex } from './index';
import { describeListener, kindRefusal, listenersOf, namespaceRefusal } from './listeners';
import { isGatewayApi, keyOf, ObjectRef, refOf, ROUTE_KINDS } from './refs';
import { GATEWAY_API_GROUP } from '../../../core/gateway-api-group';
import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { IGR, MessageType } from '../messages';
import { listOf, namespaceOf, objOf, specOf, stringsOf } from '../objects';

/** Route kinds a Service parent (GAMMA, mesh traffic) takes in Istio. */
const MESH_ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute']);

/**
 * IGR3201-IGR3205: route parentRefs that attach to nothing. A Gateway parent must be in the
 * input and have a listener that the sectionName/port select, that carries the route kind,
 * admits the route's namespace and shares a hostname with the route; a Service parent (GAMMA)
 * must be in the input and have the port. Other parent kinds belong to other implementations.
 */
export const parentRefAnalyzer: Analyzer = {
  name: 'gatewayapi.ParentRefAnalyzer',
  inputs: [...ROUTE_KINDS, 'Gateway', 'Service', 'Namespace'],
  analyze(ctx) {
    const index = gatewayApiIndex(ctx.index);
    for (const kind of ROUTE_KINDS) {
      for (const route of ctx.index.of(kind)) {
        if (!isGatewayApi(route)) continue;
        listOf(specOf(route).parentRefs).forEach((raw, i) => {
          const ref = refOf(raw, route, GATEWAY_API_GROUP, 'Gateway');
          const path = `spec.parentRefs[${i}]`;
          if (ref.group === GATEWAY_API_GROUP && ref.kind === 'Gateway') checkGatewayParent(ctx, index, route, ref, objOf(raw), path);
          else if (ref.group === '' && ref.kind === 'Service') checkServiceParent(ctx, index, route, ref, objOf(raw), path);
        });
      }
    }
  },
};

function notFound(ctx: AnalysisContext, route: KubeObject, ref: ObjectRef, path: string): void {
  report(ctx, route, IGR.GATEWAY_API_PARENT_NOT_FOUND,
    `parent ${ref.kind} ${keyOf(ref.namespace, ref.name)} is not in the input, so the route attaches to nothing; check the name and namespace${ref.explicitNamespace ? '' : ' (a parentRef without namespace means the route\'s own)'}`,
    path, ctx.workloadsComplete ? 'error' : 'warning');
}

function report(ctx: AnalysisContext, route: KubeObject, message: MessageType, text: string, path: string, level?: 'error' | 'warning'): void {
  ctx.report(message, route, text, path, level);
}

function checkGatewayParent(
  ctx: AnalysisContext, index: GatewayApiIndex, route: KubeObject, ref: ObjectRef, raw: Record<string, any>, path: string,
): void {
  const gateway = index.gateways.get(keyOf(ref.namespace, ref.name));
  if (!gateway) return notFound(ctx, route, ref, path);
  const name = keyOf(ref.namespace, ref.name);
  const listeners = listenersOf(specOf(gateway));
  const section = typeof raw.sectionName === 'string' ? raw.sectionName : undefined;
  const port = typeof raw.port === 'number' ? raw.port : undefined;
  const selected = listeners.filter((l) => (section === undefined || l.name === section) && (port === undefined || l.port === port));
  if (selected.length === 0) {
    const wanted = [section !== undefined ? `sectionName ${section}` : '', port !== undefined ? `port ${port}` : ''].filter(Boolean).join(' and ');
    return report(ctx, route, IGR.GATEWAY_API_PARENT_LISTENER_NOT_FOUND,
      `${wanted || 'the parentRef'} matches no listener of Gateway ${name} (listeners: ${listeners.map(describeListener).join(', ') || 'none'}); name an existing listener`,
      `${path}.${section !== undefined ? 'sectionName' : 'port'}`);
  }
  const kind = route.kind;
  const byKind = selected.filter((l) => kindRefusal(l, kind) === undefined);
  if (byKind.length === 0) {
    return report(ctx, route, IGR.GATEWAY_API_ROUTE_KIND_NOT_ALLOWED,
      `no listener of Gateway ${name} that the parentRef selects takes a ${kind}: ${selected.map((l) => `${describeListener(l)}: ${kindRefusal(l, kind)}`).join('; ')}; attach it to a listener of a protocol that carries ${kind}${kind === 'GRPCRoute' ? ' (HTTP or HTTPS)' : ''}`,
      path);
  }
  const routeNs = namespaceOf(route);
  const byNamespace = byKind.filter((l) => namespaceRefusal(index, l, ref.namespace, routeNs) === undefined);
  if (byNamespace.length === 0) {
    return report(ctx, route, IGR.GATEWAY_API_ROUTE_NAMESPACE_NOT_ALLOWED,
      `no listener of Gateway ${name} that the parentRef selects admits routes from namespace ${routeNs}: ${byKind.map((l) => `${describeListener(l)}: ${namespaceRefusal(index, l, ref.namespace, routeNs)}`).join('; ')}; widen the listener's allowedRoutes.namespaces or move the route`,
      path);
  }
  const hostnames = stringsOf(specOf(route).hostnames);
  if (!byNamespace.some((l) => routeMeetsListener(hostnames, l.hostname))) {
    report(ctx, route, IGR.GATEWAY_API_HOSTNAMES_DISJOINT,
      `none of the route's hostnames (${hostnames.join(', ')}) meets the hostname of a listener of Gateway ${name} it may attach to (${byNamespace.map((l) => `${l.name}: ${l.hostname}`).join(', ')}), so it attaches to none; add a matching hostname`,
      'spec.hostnames');
  }
}

function checkServiceParent(
  ctx: AnalysisContext, index: GatewayApiIndex, route: KubeObject, ref: ObjectRef, raw: Record<string, any>, path: string,
): void {
  const service = index.services.get(keyOf(ref.namespace, ref.name));
  if (!service) return notFound(ctx, route, ref, path);
  if (!MESH_ROUTE_KINDS.has(route.kind)) {
    return report(ctx, route, IGR.GATEWAY_API_ROUTE_KIND_NOT_ALLOWED,
      `a Service parent (mesh routing) takes ${[...MESH_ROUTE_KINDS].join(', ')}, not ${route.kind}; attach it to a Gateway`, path);
  }
  if (typeof raw.port !== 'number') return;
  const ports = listOf(specOf(service).ports).map((p) => objOf(p).port).filter((p): p is number => typeof p === 'number');
  if (!ports.includes(raw.port)) {
    report(ctx, route, IGR.GATEWAY_API_PARENT_LISTENER_NOT_FOUND,
      `port ${raw.port} is not a port of Service ${keyOf(ref.namespace, ref.name)} (ports: ${ports.join(', ') || 'none'}), so the route applies to no traffic; use one of its ports`, `${path}.port`);
  }
}
