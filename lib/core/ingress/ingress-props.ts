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
  /** Name of the Kubernetes TLS Secret (`tls.crt`/`tls.key`) in the gateway workload's namespace. */
  readonly credentialName: string;
  /**
   * SIMPLE or MUTUAL.
   * @default IngressTlsMode.SIMPLE
   */
  readonly mode?: IngressTlsMode;
  /**
   * Lowest TLS version accepted.
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
   * Secret.
   * @default - none; an error for MUTUAL
   */
  readonly clientCaCredentialName?: string;
  /**
   * For MUTUAL: accept only client certificates carrying one of these subject alternative names
   * (e.g. `spiffe://partner.example/ns/billing/sa/client` or `partner.example.com`).
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

/** How a GrpcIngress exposes a GrpcMeshService through the Istio ingress gateway. */
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
   * Name of the Gateway.
   * @default "<service>-gateway"
   */
  readonly gatewayName?: string;
  /**
   * Namespace of the ingress gateway workload. The Gateway and the TLS Secret live there:
   * Istio reads `credentialName` from the gateway pods' namespace.
   * @default "istio-system"
   */
  readonly gatewayNamespace?: string;
  /**
   * Labels of the ingress gateway pods.
   * @default { istio: "ingressgateway" }
   */
  readonly selector?: { [key: string]: string };
  /**
   * HTTPS port of the gateway.
   * @default 443
   */
  readonly port?: number;
  /**
   * Also listen on port 80 and redirect to HTTPS.
   * @default false
   */
  readonly httpRedirect?: boolean;
  /**
   * Accept gRPC-Web from browsers (CORS for these origins).
   * @default - gRPC only
   */
  readonly grpcWeb?: GrpcWebProps;
  /**
   * Emit a cert-manager Certificate that writes the credential Secret.
   * @default - the Secret is provided some other way
   */
  readonly certificate?: IngressCertificateProps;
}
