import { ambientAuthorizationPolicyAnalyzer } from './ambient/authorization-policies';
import { l7RouteAnalyzer } from './ambient/l7-routes';
import { sidecarConflictAnalyzer } from './ambient/sidecar-conflict';
import { waypointListenerAnalyzer } from './ambient/waypoint-listeners';
import { waypointAnalyzer } from './ambient/waypoints';
import { Analyzer } from './analyzer';
import { annotationsAnalyzer } from './annotations/annotations';
import { blockedCidrsAnalyzer } from './authn/blocked-cidrs';
import { authorizationPoliciesAnalyzer } from './authz/authorization-policies';
import { conditionAnalyzer } from './conditions/conditions';
import { applicationUidAnalyzer } from './deployment/application-uid';
import { serviceAssociationAnalyzer } from './deployment/services';
import { deprecationAnalyzer } from './deprecation/deprecation';
import { caCertificateAnalyzer } from './destinationrule/ca-certificates';
import { podNotSelectedAnalyzer } from './destinationrule/subset';
import { envoyPatchAnalyzer } from './envoyfilter/envoy-patch';
import { externalControlPlaneAnalyzer } from './externalcontrolplane/external-control-plane';
import { gatewayCertificateAnalyzer } from './gateway/certificate';
import { conflictingGatewayAnalyzer } from './gateway/conflicting-gateway';
import { ingressGatewayPortAnalyzer } from './gateway/ingress-gateway-port';
import { gatewaySecretAnalyzer } from './gateway/secret';
import { backendRefAnalyzer } from './gatewayapi/backend-refs';
import { certificateRefAnalyzer } from './gatewayapi/certificate-refs';
import { parentRefAnalyzer } from './gatewayapi/parent-refs';
import { http2SettingsAnalyzer } from './grpc/http2-settings';
import { portAppProtocolAnalyzer } from './grpc/port-app-protocol';
import { retriesOnNonIdempotentAnalyzer } from './grpc/retries-non-idempotent';
import { routeWeightsAnalyzer } from './grpc/weights';
import { imageAutoAnalyzer } from './injection/image-auto';
import { injectionAnalyzer } from './injection/injection';
import { proxyImageAnalyzer } from './injection/proxy-image';
import { crdVersionAnalyzer } from './k8sgateway/crd-version';
import { k8sGatewaySelectorAnalyzer } from './k8sgateway/selector';
import { drainGraceAnalyzer } from './lifecycle/drain-grace';
import { keepalivePingsAnalyzer } from './lifecycle/keepalive-pings';
import { serverClosesFirstAnalyzer } from './lifecycle/server-closes-first';
import { streamRouteTimeoutAnalyzer } from './lifecycle/stream-route-timeout';
import { portNameAnalyzer } from './service/port-name';
import { conflictingServiceEntryProtocolAnalyzer } from './serviceentry/conflicting-protocols';
import { protocolAddressesAnalyzer } from './serviceentry/protocol-addresses';
import { sidecarSelectorAnalyzer } from './sidecar/selector';
import { telemetryDefaultSelectorAnalyzer } from './telemetry/default-selector';
import { telemetryProviderAnalyzer } from './telemetry/providers';
import { telemetrySelectorAnalyzer } from './telemetry/selector';
import { conflictingMeshGatewayHostsAnalyzer } from './virtualservice/conflicting-mesh-gateway-hosts';
import { destinationHostAnalyzer } from './virtualservice/destination-hosts';
import { virtualServiceDestinationRuleAnalyzer } from './virtualservice/destination-rules';
import { virtualServiceGatewayAnalyzer } from './virtualservice/gateways';
import { ingressSubsetsAnalyzer } from './virtualservice/ingress-subsets';
import { jwtClaimRouteAnalyzer } from './virtualservice/jwt-claim-route';
import { unreachableRulesAnalyzer } from './virtualservice/unreachable-rules';
import { webhookAnalyzer } from './webhook/webhook';

/** Every analyzer, Istio's (sorted by package, as in Istio's all.go) and then ours. */
export const ALL_ANALYZERS: readonly Analyzer[] = [
  annotationsAnalyzer,
  blockedCidrsAnalyzer,
  authorizationPoliciesAnalyzer,
  conditionAnalyzer,
  serviceAssociationAnalyzer,
  applicationUidAnalyzer,
  deprecationAnalyzer,
  caCertificateAnalyzer,
  podNotSelectedAnalyzer,
  envoyPatchAnalyzer,
  externalControlPlaneAnalyzer,
  gatewayCertificateAnalyzer,
  conflictingGatewayAnalyzer,
  ingressGatewayPortAnalyzer,
  gatewaySecretAnalyzer,
  injectionAnalyzer,
  proxyImageAnalyzer,
  imageAutoAnalyzer,
  k8sGatewaySelectorAnalyzer,
  crdVersionAnalyzer,
  portNameAnalyzer,
  protocolAddressesAnalyzer,
  sidecarSelectorAnalyzer,
  conflictingServiceEntryProtocolAnalyzer,
  telemetryDefaultSelectorAnalyzer,
  telemetryProviderAnalyzer,
  telemetrySelectorAnalyzer,
  conflictingMeshGatewayHostsAnalyzer,
  destinationHostAnalyzer,
  virtualServiceDestinationRuleAnalyzer,
  virtualServiceGatewayAnalyzer,
  ingressSubsetsAnalyzer,
  jwtClaimRouteAnalyzer,
  webhookAnalyzer,
  unreachableRulesAnalyzer,
  // Ours, for gRPC on Istio.
  routeWeightsAnalyzer,
  retriesOnNonIdempotentAnalyzer,
  http2SettingsAnalyzer,
  portAppProtocolAnalyzer,
  serverClosesFirstAnalyzer,
  drainGraceAnalyzer,
  streamRouteTimeoutAnalyzer,
  keepalivePingsAnalyzer,
  // Ours, for the Gateway API and ambient mode (istioctl analyze has no such checks).
  parentRefAnalyzer,
  backendRefAnalyzer,
  certificateRefAnalyzer,
  waypointAnalyzer,
  waypointListenerAnalyzer,
  l7RouteAnalyzer,
  ambientAuthorizationPolicyAnalyzer,
  sidecarConflictAnalyzer,
];
