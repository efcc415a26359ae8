import { CodeInfo } from '../code-info';
import { Severity } from '../finding';

/** One message type of `istioctl analyze`: Istio's code, name and level; the template is our summary. */
export interface MessageType {
  /** Istio's code, e.g. `IST0101`. */
  readonly code: string;
  /** Istio's message name, e.g. `ReferencedResourceNotFound`. */
  readonly name: string;
  /** Istio's level for the message. */
  readonly level: Severity;
  /** What the message says, in our words (findings carry a specific sentence). */
  readonly template: string;
}

function msg(code: string, name: string, level: Severity, template: string): MessageType {
  return { code, name, level, template };
}

/**
 * The messages of `istioctl analyze` this engine reports, in one table (codes, names and levels
 * as in Istio's pkg/config/analysis/msg/messages.yaml), keyed by Istio's message name.
 */
export const IST = {
  Deprecated: msg('IST0002', 'Deprecated', 'warning', 'deprecated: %s'),
  ReferencedResourceNotFound: msg('IST0101', 'ReferencedResourceNotFound', 'error', 'referenced %s %q does not exist'),
  NamespaceNotInjected: msg('IST0102', 'NamespaceNotInjected', 'info', 'namespace %s has no injection label; label it istio-injection=enabled or =disabled'),
  PodMissingProxy: msg('IST0103', 'PodMissingProxy', 'warning', 'pod %s should have an Istio proxy but has none; restart or redeploy it'),
  MisplacedAnnotation: msg('IST0107', 'MisplacedAnnotation', 'warning', 'annotation %s belongs on %s'),
  UnknownAnnotation: msg('IST0108', 'UnknownAnnotation', 'warning', 'annotation %s is not an Istio annotation'),
  ConflictingMeshGatewayVirtualServiceHosts: msg('IST0109', 'ConflictingMeshGatewayVirtualServiceHosts', 'error', 'mesh VirtualServices %s all define host %s'),
  ConflictingSidecarWorkloadSelectors: msg('IST0110', 'ConflictingSidecarWorkloadSelectors', 'error', 'Sidecars %v in %q select the same pod %q'),
  MultipleSidecarsWithoutWorkloadSelectors: msg('IST0111', 'MultipleSidecarsWithoutWorkloadSelectors', 'error', 'Sidecars %v in %q have no workload selector'),
  VirtualServiceDestinationPortSelectorRequired: msg('IST0112', 'VirtualServiceDestinationPortSelectorRequired', 'error', 'destination %q has several ports %v; name one'),
  DeploymentAssociatedToMultipleServices: msg('IST0116', 'DeploymentAssociatedToMultipleServices', 'warning', 'deployment %s is behind services using port %d with different protocols %v'),
  PortNameIsNotUnderNamingConvention: msg('IST0118', 'PortNameIsNotUnderNamingConvention', 'info', 'port %s (port %d, targetPort %s) does not follow <protocol>[-<suffix>]'),
  NamespaceMultipleInjectionLabels: msg('IST0123', 'NamespaceMultipleInjectionLabels', 'warning', 'namespace carries several injection labels %v'),
  InvalidAnnotation: msg('IST0125', 'InvalidAnnotation', 'warning', 'annotation %s has an invalid value: %s'),
  NoMatchingWorkloadsFound: msg('IST0127', 'NoMatchingWorkloadsFound', 'warning', 'no workload carries labels %s'),
  NoServerCertificateVerificationDestinationLevel: msg('IST0128', 'NoServerCertificateVerificationDestinationLevel', 'warning', 'DestinationRule %s/%s uses TLS %s without caCertificates for %s'),
  NoServerCertificateVerificationPortLevel: msg('IST0129', 'NoServerCertificateVerificationPortLevel', 'warning', 'DestinationRule %s/%s uses TLS %s without caCertificates for %s port %s'),
  VirtualServiceUnreachableRule: msg('IST0130', 'VirtualServiceUnreachableRule', 'warning', 'rule %v is never used (%s)'),
  VirtualServiceIneffectiveMatch: msg('IST0131', 'VirtualServiceIneffectiveMatch', 'info', 'match %v of rule %v repeats an earlier match (rule %v)'),
  VirtualServiceHostNotFoundInGateway: msg('IST0132', 'VirtualServiceHostNotFoundInGateway', 'warning', 'hosts %v of VirtualService %s are not served by Gateway %s'),
  ServiceEntryAddressesRequired: msg('IST0134', 'ServiceEntryAddressesRequired', 'warning', 'this ServiceEntry protocol needs addresses'),
  DeprecatedAnnotation: msg('IST0135', 'DeprecatedAnnotation', 'info', 'annotation %q is deprecated%s'),
  AlphaAnnotation: msg('IST0136', 'AlphaAnnotation', 'info', 'annotation %q belongs to an alpha feature'),
  DeploymentConflictingPorts: msg('IST0137', 'DeploymentConflictingPorts', 'warning', 'deployment %s is behind services %v using targetPort %q with different ports %v'),
  GatewayDuplicateCertificate: msg('IST0138', 'GatewayDuplicateCertificate', 'warning', 'gateways %v share a certificate'),
  InvalidWebhook: msg('IST0139', 'InvalidWebhook', 'error', '%v'),
  IngressRouteRulesNotAffected: msg('IST0140', 'IngressRouteRulesNotAffected', 'warning', 'subsets of VirtualService %s do not apply to requests through gateway %s'),
  InvalidApplicationUID: msg('IST0144', 'InvalidApplicationUID', 'warning', 'UID 1337 is the sidecar proxy\'s'),
  ConflictingGateways: msg('IST0145', 'ConflictingGateways', 'error', 'gateways %s conflict (selector %s, port %s, hosts %v)'),
  ImageAutoWithoutInjectionWarning: msg('IST0146', 'ImageAutoWithoutInjectionWarning', 'warning', '%s %s uses image: auto but no injection applies'),
  ImageAutoWithoutInjectionError: msg('IST0147', 'ImageAutoWithoutInjectionError', 'error', '%s %s uses image: auto but no injection applies'),
  NamespaceInjectionEnabledByDefault: msg('IST0148', 'NamespaceInjectionEnabledByDefault', 'info', 'namespace is injected because enableNamespacesByDefault is true'),
  JwtClaimBasedRoutingWithoutRequestAuthN: msg('IST0149', 'JwtClaimBasedRoutingWithoutRequestAuthN', 'error', 'JWT claim routing (%s) on gateway %s pod %s without a RequestAuthentication'),
  ExternalNameServiceTypeInvalidPortName: msg('IST0150', 'ExternalNameServiceTypeInvalidPortName', 'warning', 'ExternalName service port named for TCP'),
  EnvoyFilterUsesRelativeOperation: msg('IST0151', 'EnvoyFilterUsesRelativeOperation', 'warning', 'relative patch operation without priority'),
  EnvoyFilterUsesReplaceOperationIncorrectly: msg('IST0152', 'EnvoyFilterUsesReplaceOperationIncorrectly', 'error', 'REPLACE applies only to HTTP_FILTER and NETWORK_FILTER'),
  EnvoyFilterUsesAddOperationIncorrectly: msg('IST0153', 'EnvoyFilterUsesAddOperationIncorrectly', 'error', 'ADD is ignored on ROUTE_CONFIGURATION and HTTP_ROUTE'),
  EnvoyFilterUsesRemoveOperationIncorrectly: msg('IST0154', 'EnvoyFilterUsesRemoveOperationIncorrectly', 'error', 'REMOVE is ignored on ROUTE_CONFIGURATION and HTTP_ROUTE'),
  EnvoyFilterUsesRelativeOperationWithProxyVersion: msg('IST0155', 'EnvoyFilterUsesRelativeOperationWithProxyVersion', 'warning', 'relative patch operation with proxyVersion and without priority'),
  InvalidTelemetryProvider: msg('IST0157', 'InvalidTelemetryProvider', 'warning', 'Telemetry %v in %q has empty providers'),
  PodsIstioProxyImageMismatchInNamespace: msg('IST0158', 'PodsIstioProxyImageMismatchInNamespace', 'warning', 'proxy images of pods %v differ from the injected image'),
  ConflictingTelemetryWorkloadSelectors: msg('IST0159', 'ConflictingTelemetryWorkloadSelectors', 'error', 'Telemetries %v in %q select the same pod %q'),
  MultipleTelemetriesWithoutWorkloadSelectors: msg('IST0160', 'MultipleTelemetriesWithoutWorkloadSelectors', 'error', 'Telemetries %v in %q have no workload selector'),
  InvalidGatewayCredential: msg('IST0161', 'InvalidGatewayCredential', 'error', 'the credential of Gateway %s in %s is invalid'),
  GatewayPortNotDefinedOnService: msg('IST0162', 'GatewayPortNotDefinedOnService', 'warning', 'gateway port %d is not on the Service of its pods (%s)'),
  InvalidExternalControlPlaneConfig: msg('IST0163', 'InvalidExternalControlPlaneConfig', 'warning', 'webhook %s address %s does not reach the external control plane'),
  ExternalControlPlaneAddressIsNotAHostname: msg('IST0164', 'ExternalControlPlaneAddressIsNotAHostname', 'info', 'webhook %s reaches the external control plane by IP address %s'),
  ReferencedInternalGateway: msg('IST0165', 'ReferencedInternalGateway', 'warning', 'VirtualService %s references generated Gateway %s'),
  IneffectiveSelector: msg('IST0166', 'IneffectiveSelector', 'warning', 'selector has no effect on Kubernetes Gateway %s; use targetRef'),
  IneffectivePolicy: msg('IST0167', 'IneffectivePolicy', 'warning', 'the policy has no effect: %s'),
  NegativeConditionStatus: msg('IST0171', 'NegativeConditionStatus', 'warning', 'negative condition type=%s reason=%s message=%s'),
  DestinationRuleSubsetNotSelectPods: msg('IST0173', 'DestinationRuleSubsetNotSelectPods', 'error', 'subset %s selects no pod'),
  UnknownDestinationRuleHost: msg('IST0174', 'UnknownDestinationRuleHost', 'warning', 'host %s matches no service'),
  JwksUriFetchUnrestricted: msg('IST0175', 'JwksUriFetchUnrestricted', 'warning', 'BLOCKED_CIDRS_IN_JWKS_URIS is unset while %d RequestAuthentications exist (%s)'),
  GatewayAPICRDVersionBelowMinimum: msg('IST0176', 'GatewayAPICRDVersionBelowMinimum', 'warning', 'Gateway API CRD %q at %q is older than %q'),
  ConflictingServiceEntryProtocol: msg('IST0177', 'ConflictingServiceEntryProtocol', 'warning', 'ServiceEntries %s give host %q port %d different protocols (%s)'),
} satisfies Record<string, MessageType>;

/** Our own cross-object checks, for gRPC on Istio, where `istioctl analyze` has none. */
export const ANALYZER_CODES = {
  WEIGHTS_NOT_100: { code: 'IGR3001', severity: 'warning', title: 'route weights do not add up to 100 (Istio scales them silently, so the split is not what the numbers say)' },
  RETRIES_ON_NON_IDEMPOTENT: { code: 'IGR3002', severity: 'error', title: 'retries on a gRPC method declared non-idempotent (a retry can run it twice)' },
  HTTP2_SETTINGS_ON_NON_HTTP2_PORT: { code: 'IGR3003', severity: 'warning', title: 'HTTP/2 pool settings for a host whose Service port Istio does not treat as HTTP/2 (they are ignored)' },
  GRPC_PORT_APP_PROTOCOL_MISMATCH: { code: 'IGR3004', severity: 'warning', title: 'a Service port named for gRPC/HTTP2 whose appProtocol says otherwise (appProtocol wins)' },
  // Connection lifecycle of long-lived streams (lib/validate/analyzer/lifecycle).
  SERVER_CLOSES_CONNECTIONS_FIRST: { code: 'IGR3101', severity: 'warning', title: 'the gRPC server closes connections before the client pool does (idle limit or max connection age at or below the pool idle timeout, without graceful drain): UC/UR flags' },
  DRAIN_OUTLASTS_GRACE_PERIOD: { code: 'IGR3102', severity: 'warning', title: 'a preStop sleep or fixed sidecar drain that does not end within terminationGracePeriodSeconds (the kubelet kills streams mid-drain)' },
  ROUTE_TIMEOUT_CUTS_STREAMS: { code: 'IGR3103', severity: 'warning', title: 'a route timeout shorter than the declared lifetime of the streams it carries' },
  KEEPALIVE_PINGS_TOO_FREQUENT: { code: 'IGR3104', severity: 'warning', title: 'HTTP/2 keepalive pings more frequent than the gRPC server permits (GOAWAY too_many_pings)' },
  // Gateway API references (lib/validate/analyzer/gatewayapi); istioctl analyze has no such checks.
  GATEWAY_API_PARENT_NOT_FOUND: { code: 'IGR3201', severity: 'error', title: 'a route parentRef names a Gateway or Service the input does not hold (a warning with workloads: partial)' },
  GATEWAY_API_PARENT_LISTENER_NOT_FOUND: { code: 'IGR3202', severity: 'error', title: 'a route parentRef sectionName or port matches no listener of the Gateway, or no port of the Service' },
  GATEWAY_API_ROUTE_KIND_NOT_ALLOWED: { code: 'IGR3203', severity: 'error', title: 'no listener the parentRef selects admits the route kind (listener protocol or allowedRoutes.kinds)' },
  GATEWAY_API_ROUTE_NAMESPACE_NOT_ALLOWED: { code: 'IGR3204', severity: 'error', title: 'no listener the parentRef selects admits routes from the route\'s namespace (allowedRoutes.namespaces)' },
  GATEWAY_API_HOSTNAMES_DISJOINT: { code: 'IGR3205', severity: 'error', title: 'no route hostname intersects the hostname of a listener the parentRef selects, so the route does not attach' },
  GATEWAY_API_BACKEND_NOT_FOUND: { code: 'IGR3206', severity: 'error', title: 'a route backendRef names a Service the input does not hold (a warning with workloads: partial)' },
  GATEWAY_API_BACKEND_PORT_NOT_FOUND: { code: 'IGR3207', severity: 'error', title: 'a route backendRef port is not a port of its Service' },
  GATEWAY_API_ZERO_WEIGHTS: { code: 'IGR3208', severity: 'warning', title: 'every backendRef of a route rule has weight 0, so the rule sends no traffic (requests fail with 500)' },
  GATEWAY_API_REFERENCE_NOT_GRANTED: { code: 'IGR3209', severity: 'error', title: 'a cross-namespace backendRef or certificateRef without a ReferenceGrant in the target namespace' },
  GATEWAY_API_CERTIFICATE_NOT_FOUND: { code: 'IGR3210', severity: 'error', title: 'a Gateway listener certificateRef names a Secret the input does not hold (not reported with workloads: partial)' },
  // Ambient mode (lib/validate/analyzer/ambient); istioctl analyze has no such checks.
  AMBIENT_L7_WITHOUT_WAYPOINT: { code: 'IGR3301', severity: 'error', title: 'L7 routing for an ambient Service that no waypoint serves (ztunnel ignores it)' },
  AMBIENT_L7_POLICY_AT_ZTUNNEL: { code: 'IGR3302', severity: 'error', title: 'a selector or namespace-wide AuthorizationPolicy with HTTP attributes or an action ztunnel does not support, on ambient pods' },
  AMBIENT_WAYPOINT_NOT_FOUND: { code: 'IGR3303', severity: 'error', title: 'istio.io/use-waypoint names a Gateway the input does not hold (a warning with workloads: partial)' },
  AMBIENT_WAYPOINT_TRAFFIC_TYPE: { code: 'IGR3304', severity: 'error', title: 'the waypoint\'s istio.io/waypoint-for does not take the traffic of the object that uses it (service or workload)' },
  AMBIENT_WAYPOINT_ATTACHMENT_DENIED: { code: 'IGR3305', severity: 'error', title: 'the waypoint\'s HBONE listener does not admit the namespace of the object that uses it (allowedRoutes.namespaces)' },
  AMBIENT_WITH_SIDECAR: { code: 'IGR3306', severity: 'warning', title: 'a pod both enrolled in ambient and injected with a sidecar: the sidecar wins and ztunnel leaves the pod out' },
  AMBIENT_POLICY_NOT_ENFORCED: { code: 'IGR3307', severity: 'error', title: 'an AuthorizationPolicy with targetRefs to an ambient Service or Gateway that no waypoint serves: nothing enforces it' },
  AMBIENT_WAYPOINT_LISTENER: { code: 'IGR3308', severity: 'warning', title: 'a listener of an istio-waypoint Gateway other than HBONE on 15008, which istiod does not accept (UnsupportedProtocol)' },
} satisfies Record<string, CodeInfo>;

/** Our codes in message form, so analyzers report both kinds the same way. */
export const IGR = Object.fromEntries(Object.entries(ANALYZER_CODES)
  .map(([key, info]) => [key, msg(info.code, key, info.severity, info.title)])) as Record<keyof typeof ANALYZER_CODES, MessageType>;
