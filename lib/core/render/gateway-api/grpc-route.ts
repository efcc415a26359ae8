import * as gatewayapi from '../../../../imports/gateway.networking.k8s.io';
import { MeshServiceModel, meshObjectNames, RouteModel } from '../../mesh-service-model';
import { RoutingOptions } from '../istio/virtual-service';
import { objectMeta } from '../labels';
import { virtualServiceLifecycleAnnotations } from '../lifecycle';
import { backendRefsOf } from './backend-refs';
import { mirrorFilters, mirrorTargets } from './mirror-filters';
import { uniqueRuleNames } from './rule-names';

/** The method match of a route (`/pkg.Service/Method` -> service and method, Exact); none for the service-wide route. */
export function methodMatchOf(route: RouteModel): gatewayapi.GrpcRouteSpecRulesMatchesMethod | undefined {
  if (!route.methodPath) return undefined;
  const [service, method] = route.methodPath.slice(1).split('/');
  return { type: gatewayapi.GrpcRouteSpecRulesMatchesMethodType.EXACT, service, method };
}

/**
 * The GRPCRoute (GAMMA) that owns the service's mesh traffic: its parent is the Service itself,
 * one rule per declared method (Exact service and method match), the service-wide rule last
 * (no match: every other call), each sending calls to the service or, with a canary, to the
 * weighted per-subset Services. Header routes come first, one rule per route and header
 * (Gateway API ranks a rule by how specific its match is, so each keeps its method match).
 * Timeouts and retries have no field here: the props that set them are refused before this runs.
 */
export function renderGrpcRoute(model: MeshServiceModel, options: RoutingOptions = {}): gatewayapi.GrpcRouteProps {
  const headerRules = (options.headerRoutes ?? []).flatMap((h) => model.routes.map((route) => {
    const method = methodMatchOf(route);
    const headers = [{ type: gatewayapi.GrpcRouteSpecRulesMatchesHeadersType.EXACT, name: h.header, value: h.exact }];
    return {
      routeName: `${route.name}-${h.suffix}`,
      rule: { matches: [{ ...(method ? { method } : {}), headers }], backendRefs: backendRefsOf(model, [{ subset: h.subset }]) },
    };
  }));
  const filters = mirrorFilters(mirrorTargets(model, options.mirror));
  const routeRules = model.routes.map((route) => {
    const method = methodMatchOf(route);
    return {
      routeName: route.name,
      rule: {
        ...(method ? { matches: [{ method }] } : {}),
        ...(filters.length ? { filters } : {}),
        backendRefs: backendRefsOf(model, options.destinations),
      },
    };
  });
  const all = [...headerRules, ...routeRules];
  const names = uniqueRuleNames(all.map((r) => r.routeName));
  return {
    metadata: grpcRouteMetadata(model, options),
    spec: {
      parentRefs: [{ group: '', kind: 'Service', name: model.name, port: model.port }],
      rules: all.map((r, i) => ({ name: names[i], ...r.rule })),
    },
  };
}

/** The `metadata` of the service's GRPCRoute: of the routing options, only `annotations` reach it. */
export function grpcRouteMetadata(model: MeshServiceModel, options: Pick<RoutingOptions, 'annotations'> = {}) {
  return objectMeta(meshObjectNames(model).virtualService, model.namespace, model.name, {
    annotations: { ...virtualServiceLifecycleAnnotations(model), ...options.annotations },
  });
}
