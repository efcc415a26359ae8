import { RouteDestination, routeDestinations, routeMatch } from './virtual-service';
import * as istio from '../../../../imports/networking.istio.io';
import { MeshServiceModel, RouteModel } from '../../mesh-service-model';

/** The `fault` of a route: the fault itself when it is not header-scoped and names this route. */
export function faultOf(model: MeshServiceModel, route: RouteModel): Pick<istio.VirtualServiceSpecHttp, 'fault'> {
  const fault = model.fault;
  if (!fault || fault.header || !fault.routeNames.includes(route.name)) return {};
  return { fault: renderFault(model) };
}

/**
 * Header-scoped faults: each affected route repeated, first of all, with the header added to its
 * match and the fault set, so only test calls see faults and keep their method's timeout and retries.
 */
export function faultRoutes(model: MeshServiceModel, destinations?: readonly RouteDestination[]): istio.VirtualServiceSpecHttp[] {
  const fault = model.fault;
  if (!fault?.header) return [];
  const header = { [fault.header.name]: { exact: fault.header.exact } };
  return model.routes.filter((r) => fault.routeNames.includes(r.name)).map((route) => ({
    name: `${route.name}-fault`,
    match: (routeMatch(model, route) ?? [{}]).map((m) => ({ ...m, headers: { ...m.headers, ...header } })),
    route: routeDestinations(model, destinations),
    ...(route.timeout ? { timeout: route.timeout } : {}),
    retries: { ...route.retries },
    fault: renderFault(model),
  }));
}

function renderFault(model: MeshServiceModel): istio.VirtualServiceSpecHttpFault {
  const fault = model.fault!;
  return {
    ...(fault.abort ? { abort: { grpcStatus: fault.abort.grpcStatus, percentage: { ...fault.abort.percentage } } } : {}),
    ...(fault.delay ? { delay: { fixedDelay: fault.delay.fixedDelay, percentage: { ...fault.delay.percentage } } } : {}),
  };
}
