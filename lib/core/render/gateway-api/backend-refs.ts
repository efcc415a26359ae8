import * as gatewayapi from '../../../../imports/gateway.networking.k8s.io';
import { MeshServiceModel } from '../../mesh-service-model';
import { RouteDestination } from '../istio/virtual-service';

/**
 * Gateway API has no subsets: each canary subset becomes a Service of its own selecting the
 * subset's pods, named `<service>-<subset>` (e.g. `users-stable`, `users-canary`), so the names
 * stay put while versions move through the subsets.
 */
export function subsetServiceName(serviceName: string, subset: string): string {
  return `${serviceName}-${subset}`;
}

/**
 * The backendRefs of a GRPCRoute rule for the service's destinations: the service itself when
 * there is no split, else one per-subset Service with its weight. Used by the mesh route (GAMMA)
 * and the ingress route alike, so both follow a canary the same way.
 */
export function backendRefsOf(model: Pick<MeshServiceModel, 'name' | 'port'>, destinations: readonly RouteDestination[] | undefined): gatewayapi.GrpcRouteSpecRulesBackendRefs[] {
  if (!destinations?.length) return [{ name: model.name, port: model.port }];
  return destinations.map((d) => ({
    name: d.subset === undefined ? model.name : subsetServiceName(model.name, d.subset),
    port: model.port,
    ...(d.weight !== undefined ? { weight: d.weight } : {}),
  }));
}
