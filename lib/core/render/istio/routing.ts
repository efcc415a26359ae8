import * as istio from '../../../../imports/networking.istio.io';
import { ApplyOrder } from '../../apply-order';
import { MeshServiceModel } from '../../mesh-service-model';
import { withAnnotations } from '../annotate';
import { renderDestinationRule, SubsetModel } from './destination-rule';
import { renderVirtualService, RoutingOptions } from './virtual-service';

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
