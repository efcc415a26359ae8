import { gatewayApiIngressManifests, renderGatewayApiIngress } from './gateway-api/render-gateway-api-ingress';
import { ingressManifests, renderIngress } from './render-ingress';
import { IngressModel } from './resolve-ingress';
import { KubeObject } from '../kube-object';
import { RoutingApi } from '../mesh-mode';
import { MeshServiceModel } from '../mesh-service-model';
import { RoutingOptions } from '../render/istio/virtual-service';

/** The ingress manifests for the routing API the ingress follows (its service's). */
export function ingressObjects(service: MeshServiceModel, ingress: IngressModel, routing: RoutingOptions = {}): KubeObject[] {
  return ingress.routingApi === RoutingApi.GATEWAY_API
    ? gatewayApiIngressManifests(renderGatewayApiIngress(service, ingress, routing))
    : ingressManifests(renderIngress(service, ingress, routing));
}
