/* eslint-disable @typescript-eslint/no-require-imports -- each analyzer module loads on first use (see AnalyzerEntry) */
import { Analyzer } from './analyzer';

/**
 * An analyzer known by its name and input kinds before its module is loaded: the runner loads
 * only the analyzers one of whose input kinds is in the input, so a small lint does not load
 * (nor compile) the checks of kinds it never reads.
 */
export interface AnalyzerEntry {
  /** The analyzer's `name`. */
  readonly name: string;
  /** The analyzer's `inputs`. */
  readonly inputs: readonly string[];
  /** The analyzer itself, its module loaded on the first call and the analyzer kept after. */
  load(): Analyzer;
}

/** Keeps the analyzer once loaded: a later call must not `require` again (a test runner may forbid it by then). */
function kept(entry: AnalyzerEntry): AnalyzerEntry {
  let analyzer: Analyzer | undefined;
  return { name: entry.name, inputs: entry.inputs, load: () => (analyzer ??= entry.load()) };
}

/**
 * Every analyzer, Istio's (sorted by package, as in Istio's all.go) and then ours, by name and
 * inputs; a test keeps each entry equal to its module's analyzer.
 */
export const ANALYZER_CATALOG: readonly AnalyzerEntry[] = ([
  { name: 'annotations.K8sAnalyzer', inputs: ['Namespace', 'Service', 'Pod', 'Deployment'], load: () => (require('./annotations/annotations') as typeof import('./annotations/annotations')).annotationsAnalyzer },
  { name: 'authn.BlockedCIDRsAnalyzer', inputs: ['RequestAuthentication', 'Deployment'], load: () => (require('./authn/blocked-cidrs') as typeof import('./authn/blocked-cidrs')).blockedCidrsAnalyzer },
  { name: 'auth.AuthorizationPoliciesAnalyzer', inputs: ['AuthorizationPolicy', 'Namespace', 'Pod'], load: () => (require('./authz/authorization-policies') as typeof import('./authz/authorization-policies')).authorizationPoliciesAnalyzer },
  { name: 'conditions.ConditionAnalyzer', inputs: ['Service', 'ServiceEntry', 'WorkloadEntry', 'AuthorizationPolicy', 'Gateway', 'HTTPRoute', 'GRPCRoute'], load: () => (require('./conditions/conditions') as typeof import('./conditions/conditions')).conditionAnalyzer },
  { name: 'deployment.MultiServiceAnalyzer', inputs: ['Service', 'Deployment', 'Namespace'], load: () => (require('./deployment/services') as typeof import('./deployment/services')).serviceAssociationAnalyzer },
  { name: 'applicationUID.Analyzer', inputs: ['Pod', 'Deployment'], load: () => (require('./deployment/application-uid') as typeof import('./deployment/application-uid')).applicationUidAnalyzer },
  { name: 'deprecation.DeprecationAnalyzer', inputs: ['VirtualService', 'Sidecar', 'CustomResourceDefinition'], load: () => (require('./deprecation/deprecation') as typeof import('./deprecation/deprecation')).deprecationAnalyzer },
  { name: 'destinationrule.CaCertificateAnalyzer', inputs: ['DestinationRule'], load: () => (require('./destinationrule/ca-certificates') as typeof import('./destinationrule/ca-certificates')).caCertificateAnalyzer },
  { name: 'destinationrule.SubsetSelectPodAnalyzer', inputs: ['DestinationRule', 'Pod', 'Service', 'ServiceEntry', 'Node'], load: () => (require('./destinationrule/subset') as typeof import('./destinationrule/subset')).podNotSelectedAnalyzer },
  { name: 'envoyfilter.EnvoyPatchAnalyzer', inputs: ['EnvoyFilter'], load: () => (require('./envoyfilter/envoy-patch') as typeof import('./envoyfilter/envoy-patch')).envoyPatchAnalyzer },
  { name: 'externalcontrolplane.ExternalControlPlaneAnalyzer', inputs: ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'], load: () => (require('./externalcontrolplane/external-control-plane') as typeof import('./externalcontrolplane/external-control-plane')).externalControlPlaneAnalyzer },
  { name: 'gateway.CertificateAnalyzer', inputs: ['Gateway'], load: () => (require('./gateway/certificate') as typeof import('./gateway/certificate')).gatewayCertificateAnalyzer },
  { name: 'gateway.ConflictingGatewayAnalyzer', inputs: ['Gateway', 'Pod'], load: () => (require('./gateway/conflicting-gateway') as typeof import('./gateway/conflicting-gateway')).conflictingGatewayAnalyzer },
  { name: 'gateway.IngressGatewayPortAnalyzer', inputs: ['Gateway', 'Pod', 'Service'], load: () => (require('./gateway/ingress-gateway-port') as typeof import('./gateway/ingress-gateway-port')).ingressGatewayPortAnalyzer },
  { name: 'gateway.SecretAnalyzer', inputs: ['Gateway', 'Pod', 'Secret'], load: () => (require('./gateway/secret') as typeof import('./gateway/secret')).gatewaySecretAnalyzer },
  { name: 'injection.Analyzer', inputs: ['Namespace', 'Pod', 'ConfigMap'], load: () => (require('./injection/injection') as typeof import('./injection/injection')).injectionAnalyzer },
  { name: 'injection.ImageAnalyzer', inputs: ['Namespace', 'Pod', 'ConfigMap', 'MeshConfig', 'ProxyConfig'], load: () => (require('./injection/proxy-image') as typeof import('./injection/proxy-image')).proxyImageAnalyzer },
  { name: 'injection.ImageAutoAnalyzer', inputs: ['Namespace', 'Pod', 'Deployment', 'MutatingWebhookConfiguration'], load: () => (require('./injection/image-auto') as typeof import('./injection/image-auto')).imageAutoAnalyzer },
  { name: 'k8sgateway.SelectorAnalyzer', inputs: ['AuthorizationPolicy', 'RequestAuthentication', 'Telemetry', 'WasmPlugin', 'Pod'], load: () => (require('./k8sgateway/selector') as typeof import('./k8sgateway/selector')).k8sGatewaySelectorAnalyzer },
  { name: 'k8sgateway.CRDVersionAnalyzer', inputs: ['CustomResourceDefinition'], load: () => (require('./k8sgateway/crd-version') as typeof import('./k8sgateway/crd-version')).crdVersionAnalyzer },
  { name: 'service.PortNameAnalyzer', inputs: ['Service'], load: () => (require('./service/port-name') as typeof import('./service/port-name')).portNameAnalyzer },
  { name: 'serviceentry.Analyzer', inputs: ['ServiceEntry', 'MeshConfig'], load: () => (require('./serviceentry/protocol-addresses') as typeof import('./serviceentry/protocol-addresses')).protocolAddressesAnalyzer },
  { name: 'sidecar.SelectorAnalyzer', inputs: ['Sidecar', 'Pod', 'Namespace'], load: () => (require('./sidecar/selector') as typeof import('./sidecar/selector')).sidecarSelectorAnalyzer },
  { name: 'serviceentry.ConflictingServiceEntryProtocolAnalyzer', inputs: ['ServiceEntry'], load: () => (require('./serviceentry/conflicting-protocols') as typeof import('./serviceentry/conflicting-protocols')).conflictingServiceEntryProtocolAnalyzer },
  { name: 'telemetry.DefaultSelectorAnalyzer', inputs: ['Telemetry'], load: () => (require('./telemetry/default-selector') as typeof import('./telemetry/default-selector')).telemetryDefaultSelectorAnalyzer },
  { name: 'telemetry.ProviderAnalyzer', inputs: ['Telemetry', 'MeshConfig'], load: () => (require('./telemetry/providers') as typeof import('./telemetry/providers')).telemetryProviderAnalyzer },
  { name: 'telemetry.SelectorAnalyzer', inputs: ['Telemetry', 'Pod'], load: () => (require('./telemetry/selector') as typeof import('./telemetry/selector')).telemetrySelectorAnalyzer },
  { name: 'virtualservice.ConflictingMeshGatewayHostsAnalyzer', inputs: ['VirtualService'], load: () => (require('./virtualservice/conflicting-mesh-gateway-hosts') as typeof import('./virtualservice/conflicting-mesh-gateway-hosts')).conflictingMeshGatewayHostsAnalyzer },
  { name: 'virtualservice.DestinationHostAnalyzer', inputs: ['ServiceEntry', 'VirtualService', 'Service'], load: () => (require('./virtualservice/destination-hosts') as typeof import('./virtualservice/destination-hosts')).destinationHostAnalyzer },
  { name: 'virtualservice.DestinationRuleAnalyzer', inputs: ['VirtualService', 'DestinationRule'], load: () => (require('./virtualservice/destination-rules') as typeof import('./virtualservice/destination-rules')).virtualServiceDestinationRuleAnalyzer },
  { name: 'virtualservice.GatewayAnalyzer', inputs: ['Gateway', 'VirtualService'], load: () => (require('./virtualservice/gateways') as typeof import('./virtualservice/gateways')).virtualServiceGatewayAnalyzer },
  { name: 'virtualservice.DestinationHostAnalyzer', inputs: ['VirtualService'], load: () => (require('./virtualservice/ingress-subsets') as typeof import('./virtualservice/ingress-subsets')).ingressSubsetsAnalyzer },
  { name: 'virtualservice.JWTClaimRouteAnalyzer', inputs: ['VirtualService', 'Gateway', 'RequestAuthentication', 'Pod'], load: () => (require('./virtualservice/jwt-claim-route') as typeof import('./virtualservice/jwt-claim-route')).jwtClaimRouteAnalyzer },
  { name: 'webhook.Analyzer', inputs: ['MutatingWebhookConfiguration', 'Service'], load: () => (require('./webhook/webhook') as typeof import('./webhook/webhook')).webhookAnalyzer },
  { name: 'schema.ValidationAnalyzer.VirtualService', inputs: ['VirtualService'], load: () => (require('./virtualservice/unreachable-rules') as typeof import('./virtualservice/unreachable-rules')).unreachableRulesAnalyzer },
  // Ours, for gRPC on Istio.
  { name: 'grpc.RouteWeightsAnalyzer', inputs: ['VirtualService'], load: () => (require('./grpc/weights') as typeof import('./grpc/weights')).routeWeightsAnalyzer },
  { name: 'grpc.RetriesOnNonIdempotentAnalyzer', inputs: ['VirtualService'], load: () => (require('./grpc/retries-non-idempotent') as typeof import('./grpc/retries-non-idempotent')).retriesOnNonIdempotentAnalyzer },
  { name: 'grpc.Http2SettingsAnalyzer', inputs: ['DestinationRule', 'Service'], load: () => (require('./grpc/http2-settings') as typeof import('./grpc/http2-settings')).http2SettingsAnalyzer },
  { name: 'grpc.PortAppProtocolAnalyzer', inputs: ['Service'], load: () => (require('./grpc/port-app-protocol') as typeof import('./grpc/port-app-protocol')).portAppProtocolAnalyzer },
  { name: 'lifecycle.ServerClosesFirstAnalyzer', inputs: ['DestinationRule', 'Service'], load: () => (require('./lifecycle/server-closes-first') as typeof import('./lifecycle/server-closes-first')).serverClosesFirstAnalyzer },
  { name: 'lifecycle.DrainGraceAnalyzer', inputs: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'], load: () => (require('./lifecycle/drain-grace') as typeof import('./lifecycle/drain-grace')).drainGraceAnalyzer },
  { name: 'lifecycle.StreamRouteTimeoutAnalyzer', inputs: ['VirtualService'], load: () => (require('./lifecycle/stream-route-timeout') as typeof import('./lifecycle/stream-route-timeout')).streamRouteTimeoutAnalyzer },
  { name: 'lifecycle.KeepalivePingsAnalyzer', inputs: ['DestinationRule', 'Service'], load: () => (require('./lifecycle/keepalive-pings') as typeof import('./lifecycle/keepalive-pings')).keepalivePingsAnalyzer },
  // Ours, for the Gateway API and ambient mode (istioctl analyze has no such checks).
  { name: 'gatewayapi.ParentRefAnalyzer', inputs: ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'Gateway', 'Service', 'Namespace'], load: () => (require('./gatewayapi/parent-refs') as typeof import('./gatewayapi/parent-refs')).parentRefAnalyzer },
  { name: 'gatewayapi.BackendRefAnalyzer', inputs: ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'Service', 'ReferenceGrant'], load: () => (require('./gatewayapi/backend-refs') as typeof import('./gatewayapi/backend-refs')).backendRefAnalyzer },
  { name: 'gatewayapi.CertificateRefAnalyzer', inputs: ['Gateway', 'Secret', 'ReferenceGrant'], load: () => (require('./gatewayapi/certificate-refs') as typeof import('./gatewayapi/certificate-refs')).certificateRefAnalyzer },
  { name: 'ambient.WaypointAnalyzer', inputs: ['Namespace', 'Service', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Gateway', 'GatewayClass'], load: () => (require('./ambient/waypoints') as typeof import('./ambient/waypoints')).waypointAnalyzer },
  { name: 'ambient.WaypointListenerAnalyzer', inputs: ['Gateway'], load: () => (require('./ambient/waypoint-listeners') as typeof import('./ambient/waypoint-listeners')).waypointListenerAnalyzer },
  { name: 'ambient.L7RouteAnalyzer', inputs: ['VirtualService', 'GRPCRoute', 'HTTPRoute', 'Service', 'Namespace', 'Pod', 'Deployment', 'Gateway'], load: () => (require('./ambient/l7-routes') as typeof import('./ambient/l7-routes')).l7RouteAnalyzer },
  { name: 'ambient.AuthorizationPolicyAnalyzer', inputs: ['AuthorizationPolicy', 'Service', 'Namespace', 'Pod', 'Deployment', 'Gateway'], load: () => (require('./ambient/authorization-policies') as typeof import('./ambient/authorization-policies')).ambientAuthorizationPolicyAnalyzer },
  { name: 'ambient.SidecarConflictAnalyzer', inputs: ['Namespace', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'], load: () => (require('./ambient/sidecar-conflict') as typeof import('./ambient/sidecar-conflict')).sidecarConflictAnalyzer },
] as AnalyzerEntry[]).map(kept);
