import { CodeInfo } from '../code-info';

/**
 * The codes `istioctl analyze` gives what Istio's validation functions (the admission webhook)
 * refuse or warn about: SchemaValidationError and SchemaWarning.
 */
export const ISTIO_WEBHOOK_CODES = { ERROR: 'IST0106', WARNING: 'IST0133' } as const;

/**
 * The groups of the admission-webhook rules (what Istio's validating webhook refuses or warns
 * about). Findings carry IST0106/IST0133 as istioctl does; these identifiers only group the rules.
 */
export const WEBHOOK_CODES = {
  VIRTUAL_SERVICE_HOSTS: { code: 'IGR2001', severity: 'error', title: 'VirtualService hosts, gateways or delegation are not accepted' },
  HTTP_ROUTE: { code: 'IGR2002', severity: 'error', title: 'an HTTP route has no action, or conflicting actions (route, redirect, delegate, directResponse)' },
  ROUTE_MATCH: { code: 'IGR2003', severity: 'error', title: 'a route match is empty, malformed or not allowed here (e.g. JWT claims on the mesh)' },
  ROUTE_DESTINATION: { code: 'IGR2004', severity: 'error', title: 'a route destination or its weight is invalid' },
  RETRIES: { code: 'IGR2005', severity: 'error', title: 'a retry policy Istio rejects (unknown retryOn condition, attempts 0 with other fields, ...)' },
  DURATION: { code: 'IGR2006', severity: 'error', title: 'a duration Istio rejects: below 1ms or not a whole number of milliseconds' },
  DESTINATION_RULE: { code: 'IGR2007', severity: 'error', title: 'DestinationRule host or subsets are invalid' },
  CONNECTION_POOL: { code: 'IGR2008', severity: 'error', title: 'connection pool settings Istio rejects' },
  LOAD_BALANCER: { code: 'IGR2009', severity: 'error', title: 'load balancer settings Istio rejects' },
  OUTLIER_DETECTION: { code: 'IGR2010', severity: 'error', title: 'outlier detection settings Istio rejects' },
  CLIENT_TLS: { code: 'IGR2011', severity: 'error', title: 'DestinationRule TLS settings Istio rejects' },
  GATEWAY_SERVER: { code: 'IGR2012', severity: 'error', title: 'Gateway server port, protocol or hosts Istio rejects' },
  GATEWAY_TLS: { code: 'IGR2013', severity: 'error', title: 'Gateway server TLS settings Istio rejects (e.g. TLS on a GRPC/HTTP2/HTTP port, SIMPLE without a certificate)' },
  AUTHORIZATION_POLICY: { code: 'IGR2014', severity: 'error', title: 'AuthorizationPolicy action, provider, rules or conditions Istio rejects' },
  PEER_AUTHENTICATION: { code: 'IGR2015', severity: 'warning', title: 'PeerAuthentication that Istio accepts with a warning' },
  TELEMETRY: { code: 'IGR2016', severity: 'error', title: 'Telemetry target or settings Istio rejects' },
  PERCENTAGE: { code: 'IGR2017', severity: 'error', title: 'a percentage outside 0-100' },
  EXPORT_TO: { code: 'IGR2019', severity: 'error', title: 'exportTo entries Istio rejects (duplicates, ~ outside ServiceEntries, * with others)' },
  WORKLOAD_SELECTOR: { code: 'IGR2020', severity: 'error', title: 'a workload selector Istio rejects (empty key, wildcard) or warns about (no labels)' },
  SERVICE_ENTRY: { code: 'IGR2021', severity: 'error', title: 'ServiceEntry hosts, addresses, ports, endpoints or resolution Istio rejects' },
  POLICY_TARGET: { code: 'IGR2022', severity: 'error', title: 'a policy selector or targetRef Istio rejects' },
  REQUEST_AUTHENTICATION: { code: 'IGR2023', severity: 'error', title: 'RequestAuthentication JWT rules Istio rejects' },
  SIDECAR: { code: 'IGR2024', severity: 'error', title: 'Sidecar egress, ingress or outbound traffic policy Istio rejects' },
  ENVOY_FILTER: { code: 'IGR2025', severity: 'error', title: 'EnvoyFilter patches Istio rejects (missing applyTo, patch, operation or value; a match of another class)' },
  PROXY_CONFIG: { code: 'IGR2026', severity: 'error', title: 'ProxyConfig selector or concurrency Istio rejects' },
  WASM_PLUGIN: { code: 'IGR2027', severity: 'error', title: 'WasmPlugin URL, sha256, env or match ports Istio rejects' },
  WORKLOAD_GROUP: { code: 'IGR2028', severity: 'error', title: 'WorkloadGroup template, labels or readiness probe Istio rejects' },
  METADATA: { code: 'IGR2029', severity: 'error', title: 'annotations Istio refuses on any of its kinds (istio.io/dry-run outside an ALLOW/DENY AuthorizationPolicy, internal annotations)' },
  GATEWAY_TLS_WARNING: { code: 'IGR2018', severity: 'warning', title: 'Gateway TLS settings Istio accepts with a warning' },
} satisfies Record<string, CodeInfo>;
