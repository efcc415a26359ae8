import * as gatewayapi from '../../../../imports/gateway.networking.k8s.io';
import { MeshServiceModel } from '../../mesh-service-model';
import { backendRefsOf } from '../../render/gateway-api/backend-refs';
import { RoutingOptions } from '../../render/istio/virtual-service';
import { objectMeta } from '../../render/labels';
import { ingressApplyOrder } from '../ingress-apply-order';
import { IngressModel } from '../resolve-ingress';
import { gatewayParentRefs } from './listeners';

/**
 * The GRPCRoute bound to the Gateway's HTTPS listeners for the ingress hosts, in the service's
 * namespace, sending every call to the service's backends: the same split as inside the mesh
 * (per-subset Services with the canary's weights).
 */
export function renderIngressGrpcRoute(service: MeshServiceModel, ingress: IngressModel, routing: RoutingOptions): gatewayapi.GrpcRouteProps {
  return {
    metadata: objectMeta(ingress.virtualServiceName, service.namespace, service.name, { annotations: ingressApplyOrder(service, routing) }),
    spec: {
      parentRefs: gatewayParentRefs(ingress, 'https'),
      hostnames: [...ingress.hosts],
      rules: [{ name: 'ingress', backendRefs: backendRefsOf(service, routing.destinations) }],
    },
  };
}
