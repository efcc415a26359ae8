import type { k8s } from 'cdk8s-plus-28';
import { grpcRouteMetadata, renderGrpcRoute } from './grpc-route';
import { renderSubsetDestinationRules, renderSubsetServices } from './subset-services';
import * as gatewayapi from '../../../../imports/gateway.networking.k8s.io';
import * as istio from '../../../../imports/networking.istio.io';
import { ApplyOrder } from '../../apply-order';
import { MeshServiceModel } from '../../mesh-service-model';
import { withAnnotations } from '../annotate';
import { destinationRuleMetadata, renderDestinationRule, SubsetModel } from '../istio/destination-rule';
import { RoutingOptions } from '../istio/virtual-service';

/** The routing objects on Gateway API, plus the DestinationRules carrying what it has no field for. */
export interface GatewayApiRouting {
  /** The service host's policy (no subsets: Gateway API routes never name one). */
  readonly destinationRule: istio.DestinationRuleProps;
  readonly grpcRoute: gatewayapi.GrpcRouteProps;
  readonly subsetServices: k8s.KubeServiceProps[];
  readonly subsetDestinationRules: istio.DestinationRuleProps[];
}

/**
 * Renders routing as a GRPCRoute with the Service as parent. The per-subset Services and their
 * DestinationRules are applied with the main DestinationRule (the apply order's first step when
 * adding subsets), the GRPCRoute that sends calls to them with the VirtualService's step.
 */
export function renderGatewayApiRouting(
  model: MeshServiceModel, subsets: readonly SubsetModel[], routing: RoutingOptions, order: ApplyOrder,
): GatewayApiRouting {
  const first = <T extends { metadata?: { annotations?: Record<string, string> } }>(props: T) => withAnnotations(props, order.destinationRule);
  return {
    destinationRule: first(renderDestinationRule(model)),
    grpcRoute: withAnnotations(renderGrpcRoute(model, routing), order.virtualService),
    subsetServices: renderSubsetServices(model, subsets).map(first),
    subsetDestinationRules: renderSubsetDestinationRules(model, subsets).map(first),
  };
}

/**
 * The `metadata` of the DestinationRule and GRPCRoute renderGatewayApiRouting renders with the
 * same routing and order, without the specs (the per-subset objects are left out).
 */
export function gatewayApiRoutingMetadata(model: MeshServiceModel, routing: RoutingOptions, order: ApplyOrder) {
  return {
    destinationRule: withAnnotations({ metadata: destinationRuleMetadata(model) }, order.destinationRule).metadata,
    grpcRoute: withAnnotations({ metadata: grpcRouteMetadata(model, routing) }, order.virtualService).metadata,
  };
}
