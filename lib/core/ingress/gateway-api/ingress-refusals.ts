import { PropChecker } from '../../checks';
import { MeshServiceModel } from '../../mesh-service-model';
import { GrpcIngressOptions, TlsProtocolVersion } from '../ingress-props';

/** GRPCRoute and HTTPRoute `hostnames` hold at most 16 names (v1.6.1 CRDs), and each host is a listener. */
export const MAX_GATEWAY_API_HOSTS = 16;

/** The alternative every refusal names: Istio's own Gateway and VirtualService express all of it. */
const USE_ISTIO = 'or set routingApi: RoutingApi.ISTIO on the service, whose ingress (Istio Gateway + VirtualService) supports it';

/**
 * Ingress props that a Gateway API Gateway and GRPCRoute, as Istio implements them
 * (pilot/pkg/config/kube/gateway/conversion.go), cannot express: each is refused with the reason
 * rather than dropped.
 */
export function refuseWhatGatewayApiCannotExpress(check: PropChecker, service: MeshServiceModel, options: GrpcIngressOptions): void {
  if (Array.isArray(options.hosts) && options.hosts.length > MAX_GATEWAY_API_HOSTS) {
    check.fail('hosts', `${options.hosts.length} hosts`,
      `a route's hostnames hold at most ${MAX_GATEWAY_API_HOSTS} names, so the API server would refuse the GRPCRoute`,
      `split the hosts over several GrpcIngress constructs of up to ${MAX_GATEWAY_API_HOSTS} each, ${USE_ISTIO}`);
  }
  if (options.selector !== undefined) {
    check.fail('selector', options.selector,
      'a Gateway API Gateway cannot select existing gateway pods: Istio deploys a proxy of its own for each Gateway (Deployment <gatewayName>-istio)',
      `remove selector (gatewayName and gatewayNamespace name the Gateway and where its proxy runs), ${USE_ISTIO}`);
  }
  if (options.grpcWeb !== undefined) {
    check.fail('grpcWeb', options.grpcWeb.allowOrigins,
      'gRPC-Web needs a CORS policy, and GRPCRoute has no CORS filter (an HTTPRoute on the same hostname would compete with the GRPCRoute in an implementation-defined order)',
      `serve browsers through a service on RoutingApi.ISTIO, ${USE_ISTIO}`);
  }
  const tls = options.tls;
  if (tls.minProtocolVersion !== undefined && tls.minProtocolVersion !== TlsProtocolVersion.TLSV1_2) {
    check.fail('tls.minProtocolVersion', tls.minProtocolVersion,
      'a Gateway API listener has no TLS version field, and Istio sets none from it: the listener accepts TLS 1.2 and up (Envoy\'s minimum, or meshConfig.tlsDefaults.minProtocolVersion)',
      `remove tls.minProtocolVersion and set meshConfig.tlsDefaults.minProtocolVersion: TLSV1_3 mesh-wide, ${USE_ISTIO}`);
  }
  if (tls.subjectAltNames !== undefined) {
    check.fail('tls.subjectAltNames', tls.subjectAltNames,
      'Gateway API frontend validation trusts a CA but cannot pin client subject alternative names, and Istio has no option for it',
      `remove tls.subjectAltNames (every certificate the client CA signs gets in), ${USE_ISTIO}`);
  }
  const catchAll = service.routes[service.routes.length - 1];
  if (catchAll?.timeout !== undefined) {
    check.fail('service.timeout', catchAll.timeout,
      'the gateway route would carry the service\'s timeout, and GRPCRoute has no timeout field in the standard channel',
      `remove the service timeout (clients set gRPC deadlines), ${USE_ISTIO}`);
  }
}
