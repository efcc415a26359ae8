import { GrpcIngressOptions, IngressTlsMode, IssuerKind, TlsProtocolVersion } from './ingress-props';
import { PropChecker } from '../checks';
import { hostsOverlap, wildcardDomainProblem } from '../hosts';
import { MeshServiceModel } from '../mesh-service-model';
import { checkPropsShape } from '../props-shape';
import { INGRESS_SHAPE } from '../props-shapes';

/** An ingress with defaults applied and every prop checked. */
export interface IngressModel {
  readonly constructPath: string;
  readonly hosts: readonly string[];
  readonly gatewayName: string;
  readonly gatewayNamespace: string;
  readonly selector: Readonly<Record<string, string>>;
  readonly port: number;
  readonly tls: { readonly mode: IngressTlsMode; readonly credentialName: string; readonly minProtocolVersion: TlsProtocolVersion };
  readonly httpRedirect: boolean;
  readonly grpcWebOrigins?: readonly string[];
  readonly certificate?: { readonly issuerName: string; readonly issuerKind: IssuerKind };
  /** Name of the VirtualService bound to the gateway. */
  readonly virtualServiceName: string;
}

/** Resolves and checks ingress options for a service. */
export function resolveIngress(constructPath: string, service: MeshServiceModel, options: GrpcIngressOptions): IngressModel {
  const check = new PropChecker(constructPath);
  checkPropsShape(constructPath, options, INGRESS_SHAPE);
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
  if (options.httpRedirect && port === 80) check.fail('port', port, 'port 80 is taken by the HTTP redirect server', 'use 443 for HTTPS');
  const origins = options.grpcWeb?.allowOrigins;
  if (options.grpcWeb && (!Array.isArray(origins) || origins.length === 0)) check.fail('grpcWeb.allowOrigins', origins, 'gRPC-Web needs the browser origins allowed to call', 'list origins like "https://app.example.com"');
  (origins ?? []).forEach((o, i) => {
    if (!/^https?:\/\/[^/\s]+$/.test(o)) check.fail(`grpcWeb.allowOrigins[${i}]`, o, 'is not an origin (scheme and host, no path)', 'use e.g. "https://app.example.com"');
  });
  if (options.certificate && !options.certificate.issuerName) {
    check.fail('certificate.issuerName', options.certificate.issuerName, 'cert-manager needs the issuer that signs the certificate', 'name your ClusterIssuer, e.g. "letsencrypt"');
  }
  return {
    constructPath,
    hosts: [...hosts],
    gatewayName,
    gatewayNamespace,
    selector,
    port,
    tls: {
      mode: tls.mode ?? IngressTlsMode.SIMPLE,
      credentialName: tls.credentialName,
      minProtocolVersion: tls.minProtocolVersion ?? TlsProtocolVersion.TLSV1_2,
    },
    httpRedirect: options.httpRedirect === true,
    ...(origins ? { grpcWebOrigins: [...origins] } : {}),
    ...(options.certificate ? {
      certificate: { issuerName: options.certificate.issuerName, issuerKind: options.certificate.issuerKind ?? IssuerKind.CLUSTER_ISSUER },
    } : {}),
    virtualServiceName: `${service.name}-ingress`,
  };
}
