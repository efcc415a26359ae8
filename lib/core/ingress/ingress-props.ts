/** How the gateway terminates TLS. */
export enum IngressTlsMode {
  /** Server-side TLS: clients verify the gateway. */
  SIMPLE = 'SIMPLE',
  /** Mutual TLS: the gateway also verifies client certificates against the CA in the credential. */
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
   * Name of the Kubernetes TLS Secret (`tls.crt`/`tls.key`, plus `ca.crt` or a `<name>-cacert`
   * Secret for MUTUAL) in the gateway workload's namespace.
   */
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
}

/** gRPC-Web for browser clients: CORS for the allowed origins. */
export interface GrpcWebProps {
  /** Origins allowed to call, exactly as browsers send them, e.g. `https://app.example.com`. */
  readonly allowOrigins: string[];
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
