import { ingressApplyOrder } from './ingress-apply-order';
import { renderIngressCertificate } from './render-certificate';
import { IngressModel } from './resolve-ingress';
import * as certManager from '../../../imports/cert-manager.io';
import * as istio from '../../../imports/networking.istio.io';
import { KubeObject } from '../kube-object';
import { MeshServiceModel } from '../mesh-service-model';
import { GRPC_CONTENT_TYPE_PREFIX, routeDestinations, RoutingOptions } from '../render/istio/virtual-service';
import { objectMeta } from '../render/labels';

export { ingressApplyOrder } from './ingress-apply-order';

/** Everything an ingress renders, as the imported `*Props` of each object. */
export interface IngressRendering {
  readonly gateway: istio.GatewayProps;
  readonly virtualService: istio.VirtualServiceProps;
  readonly certificate?: certManager.CertificateProps;
}

/** Request headers gRPC-Web clients send, and response headers they must be allowed to read. */
const GRPC_WEB_REQUEST_HEADERS = ['content-type', 'x-grpc-web', 'x-user-agent', 'grpc-timeout', 'authorization'];
const GRPC_WEB_EXPOSED_HEADERS = ['grpc-status', 'grpc-message', 'grpc-status-details-bin'];

/**
 * The Gateway (HTTPS with TLS termination: Istio refuses TLS settings on GRPC/HTTP2 servers, and
 * gRPC still flows as HTTP/2 behind HTTPS), the VirtualService bound to it, and optionally the
 * cert-manager Certificate that fills the credential Secret. `routing` is the service's own
 * (e.g. a canary's weighted subsets).
 */
export function renderIngress(service: MeshServiceModel, ingress: IngressModel, routing: RoutingOptions = {}): IngressRendering {
  const servers: istio.GatewaySpecServers[] = [{
    port: { number: ingress.port, name: 'https', protocol: 'HTTPS' },
    hosts: [...ingress.hosts],
    tls: {
      mode: ingress.tls.mode as unknown as istio.GatewaySpecServersTlsMode,
      credentialName: ingress.tls.credentialName,
      minProtocolVersion: ingress.tls.minProtocolVersion as unknown as istio.GatewaySpecServersTlsMinProtocolVersion,
      ...(ingress.tls.clientCaCredentialName ? { caCertCredentialName: ingress.tls.clientCaCredentialName } : {}),
      ...(ingress.tls.subjectAltNames ? { subjectAltNames: [...ingress.tls.subjectAltNames] } : {}),
    },
  }];
  if (ingress.httpRedirect) {
    servers.push({ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: [...ingress.hosts], tls: { httpsRedirect: true } });
  }
  const catchAll = service.routes[service.routes.length - 1];
  const web = ingress.grpcWebOrigins;
  const certificate = renderIngressCertificate(service, ingress);
  return {
    gateway: {
      metadata: objectMeta(ingress.gatewayName, ingress.gatewayNamespace, service.name),
      spec: { selector: { ...ingress.selector }, servers },
    },
    virtualService: {
      metadata: objectMeta(ingress.virtualServiceName, service.namespace, service.name, { annotations: ingressApplyOrder(service, routing) }),
      spec: {
        hosts: [...ingress.hosts],
        gateways: [`${ingress.gatewayNamespace}/${ingress.gatewayName}`],
        http: [{
          name: 'ingress',
          // Browsers' CORS preflights carry no gRPC content type, so gRPC-Web routes every request.
          ...(web ? {} : { match: [{ headers: { 'content-type': { prefix: GRPC_CONTENT_TYPE_PREFIX } } }] }),
          // The same split as inside the mesh: a canary's weights apply to gateway traffic too.
          route: routeDestinations(service, routing.destinations),
          ...(catchAll?.timeout ? { timeout: catchAll.timeout } : {}),
          ...(catchAll ? { retries: { ...catchAll.retries } } : {}),
          ...(web ? {
            corsPolicy: {
              allowOrigins: web.map((exact) => ({ exact })),
              allowMethods: ['POST', 'GET', 'OPTIONS'],
              allowHeaders: GRPC_WEB_REQUEST_HEADERS,
              exposeHeaders: GRPC_WEB_EXPOSED_HEADERS,
              maxAge: '24h',
            },
          } : {}),
        }],
      },
    },
    ...(certificate ? { certificate } : {}),
  };
}

/** The manifests of an ingress, through the imported classes' converters (same for cdk8s and Pulumi). */
export function ingressManifests(rendering: IngressRendering): KubeObject[] {
  return [
    istio.Gateway.manifest(rendering.gateway),
    istio.VirtualService.manifest(rendering.virtualService),
    ...(rendering.certificate ? [certManager.Certificate.manifest(rendering.certificate)] : []),
  ];
}
