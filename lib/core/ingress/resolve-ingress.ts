import { GrpcIngressOptions, IngressTlsMode, IngressTlsProps, IssuerKind, TlsProtocolVersion } from './ingress-props';
import { PropChecker } from '../checks';
import { hostsOverlap, wildcardDomainProblem } from '../hosts';
import { RoutingApi } from '../mesh-mode';
import { MeshServiceModel } from '../mesh-service-model';
import { checkPropsShape } from '../props-shape';
import { INGRESS_SHAPE } from '../props-shapes';
import { isRecord, objectProp } from '../shape-checks';
import { refuseWhatGatewayApiCannotExpress } from './gateway-api/ingress-refusals';

/** An ingress with defaults applied and every prop checked. */
export interface IngressModel {
  readonly constructPath: string;
  /** The service's routing API, which the ingress follows. */
  readonly routingApi: RoutingApi;
  readonly hosts: readonly string[];
  readonly gatewayName: string;
  readonly gatewayNamespace: string;
  readonly selector: Readonly<Record<string, string>>;
  readonly port: number;
  readonly tls: {
    readonly mode: IngressTlsMode;
    readonly credentialName: string;
    /** Where the credential Secret (and the client CA) lives. */
    readonly credentialNamespace: string;
    readonly minProtocolVersion: TlsProtocolVersion;
    /** MUTUAL only: where the client CA lives. */
    readonly clientCaCredentialName?: string;
    /** MUTUAL only: client SANs to pin. */
    readonly subjectAltNames?: readonly string[];
  };
  readonly httpRedirect: boolean;
  readonly grpcWebOrigins?: readonly string[];
  readonly certificate?: { readonly issuerName: string; readonly issuerKind: IssuerKind };
  /** Name of the VirtualService (ISTIO) or GRPCRoute (GATEWAY_API) bound to the gateway. */
  readonly virtualServiceName: string;
}

/** Resolves and checks ingress options for a service. */
export function resolveIngress(constructPath: string, service: MeshServiceModel, options: GrpcIngressOptions): IngressModel {
  const check = new PropChecker(constructPath);
  checkPropsShape(constructPath, options, INGRESS_SHAPE);
  if (!isRecord(options)) check.fail('props', options, 'props are required', 'pass at least { service, hosts, tls }');
  objectProp(check, 'tls', options.tls, '{ credentialName: "grpc-example-com" }');
  objectProp(check, 'grpcWeb', options.grpcWeb, '{ allowOrigins: ["https://app.example.com"] }');
  objectProp(check, 'certificate', options.certificate, '{ issuerName: "letsencrypt" }');
  const hosts = options.hosts ?? [];
  if (!Array.isArray(hosts) || hosts.length === 0) check.fail('hosts', hosts, 'at least one external host name is required', 'list the names clients dial, e.g. ["grpc.example.com"]');
  hosts.forEach((host, i) => {
    if (typeof host !== 'string') check.fail(`hosts[${i}]`, host, 'must be a host name', 'e.g. "grpc.example.com"');
    if (host === '*') check.fail(`hosts[${i}]`, host, 'a bare "*" would send every host the gateway serves to this service', 'name the hosts, e.g. "grpc.example.com"');
    if (host.includes('*') && !options.allowWildcardHosts) check.fail(`hosts[${i}]`, host, 'is a wildcard host', 'name the hosts, or set allowWildcardHosts: true if every subdomain should reach this service');
    const problem = wildcardDomainProblem(host);
    if (problem) check.fail(`hosts[${i}]`, host, problem, 'use a DNS name such as "grpc.example.com"');
    if (hosts.indexOf(host) !== i) check.fail(`hosts[${i}]`, host, 'is listed twice', 'list each host once');
    const covering = hosts.slice(0, i).find((other) => hostsOverlap(other, host));
    if (covering) check.fail(`hosts[${i}]`, host, `overlaps "${covering}" (Istio refuses overlapping hosts in one VirtualService)`, 'keep either the wildcard or the names it covers');
  });
  const gatewayNamespace = check.dnsLabel('gatewayNamespace', options.gatewayNamespace ?? 'istio-system', 63);
  const gatewayName = check.dnsLabel('gatewayName', options.gatewayName ?? `${service.name}-gateway`, 63);
  const selector = check.labels('selector', options.selector ?? { istio: 'ingressgateway' });
  if (Object.keys(selector).length === 0) check.fail('selector', selector, 'an empty selector would bind the Gateway to every gateway pod', 'use the labels of your ingress gateway pods, e.g. { istio: "ingressgateway" }');
  const port = check.integer('port', options.port ?? 443, 1, 65535);
  const tls = options.tls;
  if (!tls || typeof tls.credentialName !== 'string' || tls.credentialName === '') {
    check.fail('tls.credentialName', tls?.credentialName, 'TLS termination needs the name of the Secret holding the certificate (Istio rejects SIMPLE/MUTUAL without one)', 'set tls.credentialName, e.g. "grpc-example-com-tls", or add certificate to have cert-manager create it');
  }
  check.dnsLabel('tls.credentialName', tls.credentialName, 253);
  const credentialNamespace = resolveCredentialNamespace(check, service, tls, gatewayNamespace);
  if (options.httpRedirect && port === 80) check.fail('port', port, 'port 80 is taken by the HTTP redirect server', 'use 443 for HTTPS');
  const origins = options.grpcWeb?.allowOrigins;
  if (options.grpcWeb && (!Array.isArray(origins) || origins.length === 0)) check.fail('grpcWeb.allowOrigins', origins, 'gRPC-Web needs the browser origins allowed to call', 'list origins like "https://app.example.com"');
  (origins ?? []).forEach((o, i) => {
    if (!/^https?:\/\/[^/\s]+$/.test(o)) check.fail(`grpcWeb.allowOrigins[${i}]`, o, 'is not an origin (scheme and host, no path)', 'use e.g. "https://app.example.com"');
  });
  const mutual = resolveMutualTls(check, tls, options);
  if (options.certificate && !options.certificate.issuerName) {
    check.fail('certificate.issuerName', options.certificate.issuerName, 'cert-manager needs the issuer that signs the certificate', 'name your ClusterIssuer, e.g. "letsencrypt"');
  }
  if (service.mode.routingApi === RoutingApi.GATEWAY_API) refuseWhatGatewayApiCannotExpress(check, service, options);
  return {
    constructPath,
    routingApi: service.mode.routingApi,
    hosts: [...hosts],
    gatewayName,
    gatewayNamespace,
    selector,
    port,
    tls: {
      mode: tls.mode ?? IngressTlsMode.SIMPLE,
      credentialName: tls.credentialName,
      credentialNamespace,
      minProtocolVersion: tls.minProtocolVersion ?? TlsProtocolVersion.TLSV1_2,
      ...mutual,
    },
    httpRedirect: options.httpRedirect === true,
    ...(origins ? { grpcWebOrigins: [...origins] } : {}),
    ...(options.certificate ? {
      certificate: { issuerName: options.certificate.issuerName, issuerKind: options.certificate.issuerKind ?? IssuerKind.CLUSTER_ISSUER },
    } : {}),
    virtualServiceName: `${service.name}-ingress`,
  };
}

/**
 * The Secret's namespace: anywhere with Gateway API (a ReferenceGrant lets the Gateway read it),
 * only the gateway's own with Istio's Gateway, which reads credentials from its pods' namespace.
 */
function resolveCredentialNamespace(check: PropChecker, service: MeshServiceModel, tls: IngressTlsProps, gatewayNamespace: string): string {
  if (tls.credentialNamespace === undefined) return gatewayNamespace;
  const namespace = check.dnsLabel('tls.credentialNamespace', tls.credentialNamespace, 63);
  if (namespace !== gatewayNamespace && service.mode.routingApi === RoutingApi.ISTIO) {
    check.fail('tls.credentialNamespace', namespace,
      `Istio's Gateway reads credentialName only from the gateway pods' namespace (${gatewayNamespace})`,
      `create the Secret in ${gatewayNamespace} and remove tls.credentialNamespace, or set routingApi: RoutingApi.GATEWAY_API on the service (a ReferenceGrant then allows the cross-namespace reference)`);
  }
  return namespace;
}

/**
 * MUTUAL needs its own client CA (never the server Secret's `ca.crt`), may pin client SANs, and
 * is not put in front of browsers (gRPC-Web) without saying so; SIMPLE takes none of these.
 */
function resolveMutualTls(check: PropChecker, tls: IngressTlsProps, options: GrpcIngressOptions) {
  const mode = tls.mode ?? IngressTlsMode.SIMPLE;
  if (!Object.values(IngressTlsMode).includes(mode)) check.fail('tls.mode', mode, 'is not a TLS mode of this construct', `use one of ${Object.values(IngressTlsMode).join(', ')}`);
  const web = options.grpcWeb;
  if (web?.allowWithMutualTls !== undefined && typeof web.allowWithMutualTls !== 'boolean') {
    check.fail('grpcWeb.allowWithMutualTls', web.allowWithMutualTls, 'must be true or false', 'set true, or leave it out');
  }
  if (mode !== IngressTlsMode.MUTUAL) {
    for (const field of ['clientCaCredentialName', 'subjectAltNames'] as const) {
      if (tls[field] !== undefined) check.fail(`tls.${field}`, tls[field], `only applies to MUTUAL TLS; with ${mode} the gateway asks clients for no certificate`, `set tls.mode: IngressTlsMode.MUTUAL, or remove tls.${field}`);
    }
    if (web?.allowWithMutualTls) check.fail('grpcWeb.allowWithMutualTls', true, `the gateway server is ${mode}, not MUTUAL`, 'remove grpcWeb.allowWithMutualTls');
    return {};
  }
  const ca = tls.clientCaCredentialName;
  if (ca === undefined) {
    check.fail('tls.clientCaCredentialName', ca,
      `MUTUAL TLS without a client CA of its own would verify clients against ${tls.credentialName}'s ca.crt, the CA of the server certificate (with cert-manager and a public issuer, every holder of a certificate from that CA would get in)`,
      `name the Secret holding the CA that signs your clients' certificates, e.g. clientCaCredentialName: "${tls.credentialName}-cacert"`);
  }
  check.dnsLabel('tls.clientCaCredentialName', ca, 253);
  if (ca === tls.credentialName) {
    check.fail('tls.clientCaCredentialName', ca, 'is the server certificate Secret; its ca.crt is the CA of the server certificate, not of your clients', `use a separate Secret, e.g. "${tls.credentialName}-cacert"`);
  }
  const sans = tls.subjectAltNames;
  if (sans !== undefined) {
    if (!Array.isArray(sans) || sans.length === 0) {
      check.fail('tls.subjectAltNames', sans, 'must be a non-empty list (an empty list pins nothing)', 'list the SANs of the client certificates to accept, or leave subjectAltNames out');
    }
    sans.forEach((san, i) => {
      if (typeof san !== 'string' || san === '' || /\s/.test(san) || san.length > 253 * 2) {
        check.fail(`tls.subjectAltNames[${i}]`, san, 'is not a subject alternative name', 'use a DNS name, URI or SPIFFE ID, e.g. "partner.example.com"');
      }
      if (sans.indexOf(san) !== i) check.fail(`tls.subjectAltNames[${i}]`, san, 'is listed twice', 'list each name once');
    });
  }
  if (web && web.allowWithMutualTls !== true) {
    check.fail('grpcWeb', web.allowOrigins,
      'gRPC-Web serves browsers, and on a MUTUAL server every browser would need a client certificate the gateway accepts',
      'expose the browser hosts through their own GrpcIngress with SIMPLE TLS, or set grpcWeb.allowWithMutualTls: true if the browsers do hold client certificates');
  }
  return { clientCaCredentialName: ca, ...(sans ? { subjectAltNames: [...sans] } : {}) };
}
