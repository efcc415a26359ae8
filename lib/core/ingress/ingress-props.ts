/** How the gateway terminates TLS. */
export enum IngressTlsMode {
  /** Server-side TLS: clients verify the gateway. */
  SIMPLE = 'SIMPLE',
  /**
   * Mutual TLS: the gateway also verifies client certificates, against the CA named by
   * `clientCaCredentialName` (never the CA that came with the server certificate).
   */
  MUTUAL = 'MUTUAL',
}

/** Lowest TLS version the gateway accepts. */
export enum TlsProtocolVersion {
  /** TLS 1.2 */
  TLSV1_2 = 'TLSV1_2',
  /** TLS 1.3 */
  TLSV1_3 = 'TLSV1_3',
}

/** Which kind of cert-manager issuer signs the certificate. */
export enum IssuerKind {
  /** A cluster-wide issuer. */
  CLUSTER_ISSUER = 'ClusterIssuer',
  /** An issuer in the certificate's namespace. */
  ISSUER = 'Issuer',
}

/** TLS termination at the ingress gateway. */
export interface IngressTlsProps {
  /**
   * Name of the Kubernetes TLS Secret (`tls.crt`/`tls.key`), in `credentialNamespace`. On
   * RoutingApi.GATEWAY_API it is the listener's `certificateRefs`.
   */
  readonly credentialName: string;
  /**
   * Namespace of the `credentialName` Secret (and of the client CA for MUTUAL, and of the
   * cert-manager Certificate). With RoutingApi.ISTIO it must be the gateway namespace: Istio reads
   * `credentialName` from the gateway pods' namespace. With RoutingApi.GATEWAY_API another
   * namespace gets a ReferenceGrant there allowing the Gateway to read the Secret.
   * @default - the gateway namespace
   */
  readonly credentialNamespace?: string;
  /**
   * SIMPLE or MUTUAL.
   * @default IngressTlsMode.SIMPLE
   */
  readonly mode?: IngressTlsMode;
  /**
   * Lowest TLS version accepted. Gateway API has no field for it: with RoutingApi.GATEWAY_API only
   * TLSV1_2 (Envoy's own minimum) is accepted.
   * @default TlsProtocolVersion.TLSV1_2
   */
  readonly minProtocolVersion?: TlsProtocolVersion;
  /**
   * For MUTUAL (and required there): the Secret (key `ca.crt` or `cacert`) or ConfigMap in the
   * gateway workload's namespace holding the CA that signs client certificates, rendered as
   * `caCertCredentialName`. It must differ from `credentialName`: the server Secret's `ca.crt` is
   * the CA of the server certificate (a public CA when cert-manager uses Let's Encrypt), and
   * trusting it for clients would let anyone with a certificate from that CA in. Naming it
   * `<credentialName>-cacert` makes Istio versions without `caCertCredentialName` read the same
   * Secret. With RoutingApi.GATEWAY_API it is referenced as a Secret from the Gateway's
   * `tls.frontend.default.validation.caCertificateRefs`, in `credentialNamespace`.
   * @default - none; an error for MUTUAL
   */
  readonly clientCaCredentialName?: string;
  /**
   * For MUTUAL: accept only client certificates carrying one of these subject alternative names
   * (e.g. `spiffe://partner.example/ns/billing/sa/client` or `partner.example.com`). Refused with
   * RoutingApi.GATEWAY_API: Gateway API has no field for it.
   * @default - any client certificate the client CA signed
   */
  readonly subjectAltNames?: string[];
}

/** gRPC-Web for browser clients: CORS for the allowed origins. */
export interface GrpcWebProps {
  /** Origins allowed to call, exactly as browsers send them, e.g. `https://app.example.com`. */
  readonly allowOrigins: string[];
  /**
   * Serve gRPC-Web on a MUTUAL gateway server. Browsers then must present a client certificate
   * (installed on every user's machine), which is rarely what a web app wants; without this, the
   * combination is an error. Put browser hosts behind their own SIMPLE GrpcIngress instead.
   * @default false
   */
  readonly allowWithMutualTls?: boolean;
}

/** A cert-manager Certificate that fills the gateway's credential Secret. */
export interface IngressCertificateProps {
  /** Name of the cert-manager issuer. */
  readonly issuerName: string;
  /**
   * Kind of the issuer.
   * @default IssuerKind.CLUSTER_ISSUER
   */
  readonly issuerKind?: IssuerKind;
}

/**
 * How a GrpcIngress exposes a GrpcMeshService: through the Istio ingress gateway (Gateway +
 * VirtualService), or, when the service's routing API is RoutingApi.GATEWAY_API, through a
 * Gateway API Gateway and GRPCRoute.
 */
export interface GrpcIngressOptions {
  /** External host names clients use, e.g. `grpc.example.com`. */
  readonly hosts: string[];
  /** TLS termination; gRPC clients expect TLS on the public internet. */
  readonly tls: IngressTlsProps;
  /**
   * Allow wildcard hosts such as `*.example.com` (never a bare `*`).
   * @default false
   */
  readonly allowWildcardHosts?: boolean;
  /**
   * Name of the Gateway. With RoutingApi.GATEWAY_API Istio deploys a gateway of its own for it
   * (Deployment and Service `<gatewayName>-istio` in the gateway namespace).
   * @default "<service>-gateway"
   */
  readonly gatewayName?: string;
  /**
   * Namespace of the Gateway. With RoutingApi.ISTIO the ingress gateway workload runs there and
   * the TLS Secret lives there too (Istio reads `credentialName` from the gateway pods'
   * namespace); with RoutingApi.GATEWAY_API Istio deploys the Gateway's own proxy there.
   * @default "istio-system"
   */
  readonly gatewayNamespace?: string;
  /**
   * Labels of the ingress gateway pods. RoutingApi.ISTIO only: a Gateway API Gateway gets a
   * deployment of its own and cannot select existing gateway pods, so setting it is refused there.
   * @default { istio: "ingressgateway" }
   */
  readonly selector?: { [key: string]: string };
  /**
   * HTTPS port of the gateway.
   * @default 443
   */
  readonly port?: number;
  /**
   * Also listen on port 80 and redirect to HTTPS (301). With RoutingApi.GATEWAY_API: an HTTP
   * listener and an HTTPRoute with a RequestRedirect filter.
   * @default false
   */
  readonly httpRedirect?: boolean;
  /**
   * Accept gRPC-Web from browsers (CORS for these origins). RoutingApi.ISTIO only: GRPCRoute has
   * no CORS filter, so it is refused with RoutingApi.GATEWAY_API.
   * @default - gRPC only
   */
  readonly grpcWeb?: GrpcWebProps;
  /**
   * Emit a cert-manager Certificate that writes the credential Secret.
   * @default - the Secret is provided some other way
   */
  readonly certificate?: IngressCertificateProps;
}
