import { CodeInfo } from '../code-info';

/** Our own cross-object checks, for gRPC on Istio, where `istioctl analyze` has none. */
export const ANALYZER_CODES = {
  WEIGHTS_NOT_100: { code: 'IGR3001', severity: 'warning', title: 'route weights do not add up to 100 (Istio scales them silently, so the split is not what the numbers say)' },
  RETRIES_ON_NON_IDEMPOTENT: { code: 'IGR3002', severity: 'error', title: 'retries on a gRPC method declared non-idempotent (a retry can run it twice)' },
  HTTP2_SETTINGS_ON_NON_HTTP2_PORT: { code: 'IGR3003', severity: 'warning', title: 'HTTP/2 pool settings for a host whose Service port Istio does not treat as HTTP/2 (they are ignored)' },
  GRPC_PORT_APP_PROTOCOL_MISMATCH: { code: 'IGR3004', severity: 'warning', title: 'a Service port named for gRPC/HTTP2 whose appProtocol says otherwise (appProtocol wins)' },
} satisfies Record<string, CodeInfo>;

/** Istio's analyzer codes this engine reports, with Istio's severity. */
export const IST = {
  REFERENCED_RESOURCE_NOT_FOUND: { code: 'IST0101', severity: 'error' },
  CONFLICTING_MESH_GATEWAY_HOSTS: { code: 'IST0109', severity: 'error' },
  DESTINATION_PORT_SELECTOR_REQUIRED: { code: 'IST0112', severity: 'error' },
  PORT_NAME_CONVENTION: { code: 'IST0118', severity: 'info' },
  NO_MATCHING_WORKLOADS: { code: 'IST0127', severity: 'warning' },
  NO_SERVER_CERT_VERIFICATION_DESTINATION: { code: 'IST0128', severity: 'warning' },
  NO_SERVER_CERT_VERIFICATION_PORT: { code: 'IST0129', severity: 'warning' },
  UNREACHABLE_RULE: { code: 'IST0130', severity: 'warning' },
  INEFFECTIVE_MATCH: { code: 'IST0131', severity: 'info' },
  HOST_NOT_FOUND_IN_GATEWAY: { code: 'IST0132', severity: 'warning' },
  DUPLICATE_CERTIFICATE: { code: 'IST0138', severity: 'warning' },
  INGRESS_ROUTE_RULES_NOT_AFFECTED: { code: 'IST0140', severity: 'warning' },
  CONFLICTING_GATEWAYS: { code: 'IST0145', severity: 'error' },
  JWT_CLAIM_ROUTING_WITHOUT_REQUEST_AUTHN: { code: 'IST0149', severity: 'error' },
  EXTERNAL_NAME_INVALID_PORT_NAME: { code: 'IST0150', severity: 'warning' },
  TELEMETRY_ACCESS_LOG_NO_PROVIDER: { code: 'IST0157', severity: 'warning' },
  MULTIPLE_TELEMETRIES_WITHOUT_SELECTOR: { code: 'IST0160', severity: 'error' },
  GATEWAY_PORT_NOT_ON_SERVICE: { code: 'IST0162', severity: 'warning' },
  SUBSET_SELECTS_NO_PODS: { code: 'IST0173', severity: 'error' },
  UNKNOWN_DESTINATION_RULE_HOST: { code: 'IST0174', severity: 'warning' },
  DEPRECATED: { code: 'IST0002', severity: 'warning' },
} as const;
