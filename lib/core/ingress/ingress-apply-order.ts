import { applyOrder } from '../apply-order';
import { MeshServiceModel } from '../mesh-service-model';
import { RoutingOptions } from '../render/istio/virtual-service';

/**
 * The gateway's route (VirtualService or GRPCRoute) sends traffic to the same subsets as the
 * service's own, so it gets the same sync wave: after the DestinationRule when subsets are
 * added, before it when removed.
 */
export function ingressApplyOrder(service: MeshServiceModel, routing: RoutingOptions): Record<string, string> {
  return applyOrder(service.subsetChange, (routing.destinations ?? []).some((d) => d.subset !== undefined)).virtualService;
}
