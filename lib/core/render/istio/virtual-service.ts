import { faultOf, faultRoutes } from './fault-routes';
import * as istio from '../../../../imports/networking.istio.io';
import { NON_IDEMPOTENT_METHODS_ANNOTATION, RETRIES_ON_NON_IDEMPOTENT_ACCEPTED_ANNOTATION } from '../../annotations';
import { MeshServiceModel, meshObjectNames, RouteModel } from '../../mesh-service-model';
import { ServiceProtocol } from '../../mesh-service-props';
import { Idempotency } from '../../method';
import { objectMeta } from '../labels';
import { virtualServiceLifecycleAnnotations } from '../lifecycle';

/** Where a route sends its calls: the service port, optionally a subset, with a weight. */
export interface RouteDestination {
  readonly subset?: string;
  readonly weight?: number;
}

/** A header-matched route of a canary, before the weighted ones. */
export interface HeaderRouteOption {
  readonly header: string;
  readonly exact: string;
  readonly subset: string;
  /** Appended to each route name: the header, `-2`, `-3`... when one header is matched on several values. */
  readonly suffix: string;
}

/** How the service's routes spread traffic; a canary supplies weighted subsets. */
export interface RoutingOptions {
  /**
   * Destinations of every route.
   * @default - the service host and port, no subset
   */
  readonly destinations?: readonly RouteDestination[];
  /**
   * Routes placed before all others (e.g. header-matched canary routes).
   * @default - none
   */
  readonly leadingRoutes?: readonly istio.VirtualServiceSpecHttp[];
  /**
   * The header-matched routes, API-neutral (what `leadingRoutes` renders for Istio): calls with
   * header `header` equal to `exact` go to `subset`; `suffix` keeps route names unique.
   * @default - none
   */
  readonly headerRoutes?: readonly HeaderRouteOption[];
  /**
   * Mirror (shadow) a share of every route's calls to a subset; responses are discarded.
   * @default - no mirroring
   */
  readonly mirror?: { readonly subset: string; readonly percent: number };
  /**
   * Extra annotations for the VirtualService.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
}

/** The gRPC content type every gRPC request carries (`application/grpc`, `application/grpc+proto`, ...). */
export const GRPC_CONTENT_TYPE_PREFIX = 'application/grpc';

/** The HTTP match of a route: exact path for a method, gRPC content type for the service-wide route. */
export function routeMatch(model: MeshServiceModel, route: RouteModel): istio.VirtualServiceSpecHttpMatch[] | undefined {
  if (route.methodPath) return [{ uri: { exact: route.methodPath } }];
  if (model.protocol === ServiceProtocol.GRPC) return [{ headers: { 'content-type': { prefix: GRPC_CONTENT_TYPE_PREFIX } } }];
  return undefined;
}

/** Renders the destinations of a route, always naming the port so multi-port services stay unambiguous. */
export function routeDestinations(model: MeshServiceModel, destinations: readonly RouteDestination[] = [{}]): istio.VirtualServiceSpecHttpRoute[] {
  return destinations.map((d) => ({
    destination: {
      host: model.fqdn,
      ...(d.subset ? { subset: d.subset } : {}),
      port: { number: model.port },
    },
    ...(d.weight !== undefined ? { weight: d.weight } : {}),
  }));
}

/**
 * The one VirtualService that owns the service host: per-method routes (exact path), then the
 * service-wide gRPC route, each with its timeout and an explicit retry policy.
 */
export function renderVirtualService(model: MeshServiceModel, options: RoutingOptions = {}): istio.VirtualServiceProps {
  const http: istio.VirtualServiceSpecHttp[] = [
    ...faultRoutes(model, options.destinations),
    ...(options.leadingRoutes ?? []),
    ...model.routes.map((route) => {
      const match = routeMatch(model, route);
      return {
        name: route.name,
        ...(match ? { match } : {}),
        route: routeDestinations(model, options.destinations),
        ...(route.timeout ? { timeout: route.timeout } : {}),
        retries: { ...route.retries },
        ...mirrorOf(model, options),
        ...faultOf(model, route),
      };
    }),
  ];
  return { metadata: virtualServiceMetadata(model, options), spec: { hosts: [model.fqdn], http } };
}

/** The `metadata` of the service's VirtualService: of the routing options, only `annotations` reach it. */
export function virtualServiceMetadata(model: MeshServiceModel, options: Pick<RoutingOptions, 'annotations'> = {}) {
  return objectMeta(meshObjectNames(model).virtualService, model.namespace, model.name, {
    annotations: { ...nonIdempotentAnnotation(model), ...virtualServiceLifecycleAnnotations(model), ...options.annotations },
  });
}

/** The mirror fields of a route, when the options ask for mirroring. */
export function mirrorOf(model: MeshServiceModel, options: RoutingOptions): Pick<istio.VirtualServiceSpecHttp, 'mirror' | 'mirrorPercentage' | 'mirrors'> {
  const mirrors = model.mirrors ?? [];
  if (mirrors.length) {
    // Istio refuses mirror and mirrors on one route, so a canary's mirror joins the list.
    const own = options.mirror;
    const port = { number: model.port };
    const canary = own ? [{ destination: { host: model.fqdn, subset: own.subset, port }, percentage: { value: own.percent } }] : [];
    return {
      mirrors: [...mirrors, ...canary].map((m) => ({
        destination: { ...m.destination, ...(m.destination.port ? { port: { ...m.destination.port } } : {}) },
        percentage: { ...m.percentage },
      })),
    };
  }
  if (!options.mirror) return {};
  return {
    mirror: { host: model.fqdn, subset: options.mirror.subset, port: { number: model.port } },
    mirrorPercentage: { value: options.mirror.percent },
  };
}

/** Names the methods that must not be retried (declared non-idempotent, or undeclared) so lint can guard them. */
function nonIdempotentAnnotation(model: MeshServiceModel): Record<string, string> {
  const paths = model.routes
    .filter((r) => r.methodPath && r.idempotency !== Idempotency.IDEMPOTENT && r.idempotency !== Idempotency.NO_SIDE_EFFECTS)
    .map((r) => r.methodPath!);
  if (!paths.length) return {};
  return {
    [NON_IDEMPOTENT_METHODS_ANNOTATION]: paths.join(','),
    ...(model.retriesOnNonIdempotentAccepted ? { [RETRIES_ON_NON_IDEMPOTENT_ACCEPTED_ANNOTATION]: 'true' } : {}),
  };
}
