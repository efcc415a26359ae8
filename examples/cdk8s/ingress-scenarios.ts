import { App, Chart } from 'cdk8s';
import { GrpcMeshServiceProps, RoutingApi } from '../../lib';
import { GrpcIngressOptions, IngressTlsMode, IssuerKind, TlsProtocolVersion } from '../../lib/core/ingress/ingress-props';
import { GrpcIngress } from '../../lib/grpc-ingress';
import { GrpcMeshService } from '../../lib/grpc-mesh-service';

/** A service and the ingress that exposes it; the same data feeds cdk8s, Pulumi and the parity tests. */
export interface IngressScenario {
  readonly id: string;
  readonly title: string;
  readonly service: GrpcMeshServiceProps;
  readonly ingress: GrpcIngressOptions;
}

/** The seed article's ingress, done correctly, and a fuller variant. */
export const INGRESS_SCENARIOS: readonly IngressScenario[] = [
  {
    id: 'ingress-tls',
    title: 'Ingress with TLS: HTTPS server (not GRPC) terminating with credentialName in istio-system, VirtualService bound as istio-system/grpc-gateway',
    service: { name: 'grpc-service', namespace: 'public', selector: { app: 'grpc-server' } },
    ingress: {
      hosts: ['grpc.example.com'],
      gatewayName: 'grpc-gateway',
      tls: { credentialName: 'grpc-tls-cert' },
    },
  },
  {
    id: 'ingress-mutual-partners',
    title: 'Mutual TLS for partners: client certificates checked against their own CA (not the server certificate\'s), SANs pinned, HTTP redirect, certificate from cert-manager',
    service: { name: 'orders', namespace: 'shop', selector: { app: 'orders' } },
    ingress: {
      hosts: ['orders.example.com'],
      tls: {
        credentialName: 'orders-example-com',
        mode: IngressTlsMode.MUTUAL,
        clientCaCredentialName: 'orders-example-com-cacert',
        subjectAltNames: ['billing.partner.example'],
        minProtocolVersion: TlsProtocolVersion.TLSV1_3,
      },
      httpRedirect: true,
      certificate: { issuerName: 'letsencrypt', issuerKind: IssuerKind.CLUSTER_ISSUER },
    },
  },
  {
    id: 'ingress-grpc-web',
    title: 'gRPC-Web for the browser app on its own SIMPLE TLS host (browsers hold no client certificates)',
    service: { name: 'storefront', namespace: 'shop', selector: { app: 'storefront' } },
    ingress: {
      hosts: ['storefront.example.com'],
      tls: { credentialName: 'storefront-example-com' },
      grpcWeb: { allowOrigins: ['https://shop.example.com'] },
      certificate: { issuerName: 'letsencrypt' },
    },
  },
  {
    id: 'gateway-api-ingress',
    title: 'Gateway API ingress: a Gateway of class istio with its own proxy in the edge namespace, a GRPCRoute from the service namespace only, client certificates checked against the partners\' CA, a 301 redirect route, the certificate Secret in a certs namespace opened to the Gateway by a ReferenceGrant',
    service: { name: 'billing', namespace: 'payments', selector: { app: 'billing' }, routingApi: RoutingApi.GATEWAY_API },
    ingress: {
      hosts: ['billing.example.com'],
      gatewayNamespace: 'edge',
      tls: {
        credentialName: 'billing-example-com',
        credentialNamespace: 'certs',
        mode: IngressTlsMode.MUTUAL,
        clientCaCredentialName: 'billing-partners-ca',
      },
      httpRedirect: true,
      certificate: { issuerName: 'letsencrypt' },
    },
  },
];

/** One chart per ingress scenario. */
export function buildIngressScenarios(app: App): void {
  for (const scenario of INGRESS_SCENARIOS) {
    const chart = new Chart(app, scenario.id);
    const service = new GrpcMeshService(chart, scenario.service.name, scenario.service);
    new GrpcIngress(chart, `${scenario.service.name}-ingress`, { service, ...scenario.ingress });
  }
}
