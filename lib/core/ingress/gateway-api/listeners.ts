import * as gatewayapi from '../../../../imports/gateway.networking.k8s.io';
import { GATEWAY_API_GROUP } from '../../gateway-api-group';
import { MeshServiceModel } from '../../mesh-service-model';
import { IngressModel } from '../resolve-ingress';


/** The protocols of the ingress Gateway's listeners: HTTPS for gRPC, HTTP for the redirect. */
export type ListenerKind = 'https' | 'http';

/**
 * One listener per host (a listener has a single hostname), named `https`/`http` for one host and
 * `https-1`, `https-2`, ... for several, so routes bind to them by sectionName.
 */
export function listenerNames(ingress: IngressModel, kind: ListenerKind): string[] {
  return ingress.hosts.map((_host, i) => (ingress.hosts.length === 1 ? kind : `${kind}-${i + 1}`));
}

/**
 * Routes of one kind from the service's namespace only: `Same` when the Gateway is in it, else a
 * selector on the namespace's `kubernetes.io/metadata.name` label (set by Kubernetes itself).
 */
export function allowedRoutes(service: MeshServiceModel, ingress: IngressModel, routeKind: 'GRPCRoute' | 'HTTPRoute'): gatewayapi.GatewaySpecListenersAllowedRoutes {
  const namespaces: gatewayapi.GatewaySpecListenersAllowedRoutesNamespaces = service.namespace === ingress.gatewayNamespace
    ? { from: gatewayapi.GatewaySpecListenersAllowedRoutesNamespacesFrom.SAME }
    : { from: gatewayapi.GatewaySpecListenersAllowedRoutesNamespacesFrom.SELECTOR, selector: { matchLabels: { 'kubernetes.io/metadata.name': service.namespace } } };
  return { namespaces, kinds: [{ group: GATEWAY_API_GROUP, kind: routeKind }] };
}

/** parentRefs binding a route to the ingress Gateway's listeners of one kind. */
export function gatewayParentRefs(ingress: IngressModel, kind: ListenerKind): gatewayapi.GrpcRouteSpecParentRefs[] {
  return listenerNames(ingress, kind).map((sectionName) => ({
    group: GATEWAY_API_GROUP,
    kind: 'Gateway',
    name: ingress.gatewayName,
    namespace: ingress.gatewayNamespace,
    sectionName,
  }));
}
