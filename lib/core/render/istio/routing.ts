import * as istio from '../../../../imports/networking.istio.io';
import { ApplyOrder } from '../../apply-order';
import { MeshServiceModel } from '../../mesh-service-model';
import { withAnnotations } from '../annotate';
import { destinationRuleMetadata, renderDestinationRule, SubsetModel } from './destination-rule';
import { renderVirtualService, RoutingOptions, virtualServiceMetadata } from './virtual-service';

/** The routing objects on Istio's API: the DestinationRule with subsets and the VirtualService. */
export interface IstioRouting {
  readonly destinationRule: istio.DestinationRuleProps;
  readonly virtualService: istio.VirtualServiceProps;
}

/** Renders routing as a VirtualService (routes, splits to subsets, mirrors) and its DestinationRule. */
export function renderIstioRouting(
  model: MeshServiceModel, subsets: readonly SubsetModel[], routing: RoutingOptions, order: ApplyOrder,
): IstioRouting {
  return {
    destinationRule: withAnnotations(renderDestinationRule(model, subsets), order.destinationRule),
    virtualService: withAnnotations(renderVirtualService(model, routing), order.virtualService),
  };
}

/** The `metadata` of each object renderIstioRouting renders with the same routing and order, without the specs. */
export function istioRoutingMetadata(model: MeshServiceModel, routing: RoutingOptions, order: ApplyOrder) {
  return {
    destinationRule: withAnnotations({ metadata: destinationRuleMetadata(model) }, order.destinationRule).metadata,
    virtualService: withAnnotations({ metadata: virtualServiceMetadata(model, routing) }, order.virtualService).metadata,
  };
}
