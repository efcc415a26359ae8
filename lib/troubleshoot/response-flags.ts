/**
 * What kind of failure a response flag records, which decides where to look first.
 */
export type ResponseFlagCategory =
  /** The upstream (the gRPC server's pods or the connection to them) failed. */
  | 'upstream'
  /** No route, cluster or filter chain matched: a configuration problem. */
  | 'routing'
  /** A deadline or duration limit expired. */
  | 'timeout'
  /** The caller went away or sent something broken. */
  | 'downstream'
  /** A policy (fault injection, rate limit, external authorization) decided the outcome. */
  | 'policy'
  /** The proxy itself refused the work (overload, missing filter config). */
  | 'proxy'
  /** Not a failure: the flag only records what happened. */
  | 'informational';

/** One Envoy response flag, explained for a gRPC service on Istio. */
export interface ResponseFlagInfo {
  /** Short code as it appears in `%RESPONSE_FLAGS%`, e.g. `UO`. */
  readonly code: string;
  /** Long name as it appears in `%RESPONSE_FLAGS_LONG%`, e.g. `UpstreamOverflow`. */
  readonly longName: string;
  /** Whether Envoy sets the flag on HTTP streams only or on TCP connections too. */
  readonly scope: 'http' | 'http-and-tcp';
  /** The HTTP status Envoy documents for the flag, when it documents one. */
  readonly httpStatus?: number;
  /** Where the failure comes from. */
  readonly category: ResponseFlagCategory;
  /** What Envoy did. */
  readonly meaning: string;
  /** The usual causes when the service behind the proxy speaks gRPC. */
  readonly grpcRootCause: string;
  /** What a gRPC client usually observes. */
  readonly clientSees: string;
  /** Props of the istio-grpc constructs that address the cause (empty when none do). */
  readonly settings: readonly string[];
  /** What to check next, most useful first. */
  readonly checks: readonly string[];
}

const ENDPOINTS = 'istioctl proxy-config endpoint <client-pod> --cluster "outbound|<port>|<subset>|<fqdn>" (every subset needs HEALTHY endpoints)';
const CLUSTER = 'istioctl proxy-config cluster <client-pod> --fqdn <fqdn> -o json';
const UPSTREAM_STATS = 'kubectl exec <client-pod> -c istio-proxy -- pilot-agent request GET stats | grep "<fqdn>" | grep -E "overflow|cx_connect_fail|rq_timeout|rq_retry"';

/**
 * Every response flag Envoy documents (short and long names as in Envoy's `ResponseFlagUtils`),
 * in the order of Envoy's access-log documentation.
 */
export const RESPONSE_FLAGS: readonly ResponseFlagInfo[] = [
  {
    code: 'UH',
    longName: 'NoHealthyUpstream',
    scope: 'http-and-tcp',
    httpStatus: 503,
    category: 'upstream',
    meaning: 'The upstream cluster had no healthy endpoint to send the request to.',
    grpcRootCause: 'A DestinationRule subset whose labels select no ready pod (e.g. subset v2 selects version=v2 but the pods are labelled v2.0), a Service selector that matches no pod, every pod failing readiness, the workload scaled to zero, or outlier detection ejecting every endpoint.',
    clientSees: 'UNAVAILABLE (14): "no healthy upstream".',
    settings: ['workload.version (subset labels)', 'selector', 'workload.replicas', 'workload.grpcHealthProbe', 'outlierDetection.maxEjectionPercent'],
    checks: [ENDPOINTS, 'kubectl get pods -n <ns> -l <subset labels> (are the pods Ready?)', 'istioctl analyze -n <ns>'],
  },
  {
    code: 'UF',
    longName: 'UpstreamConnectionFailure',
    scope: 'http-and-tcp',
    httpStatus: 503,
    category: 'upstream',
    meaning: 'Envoy could not open a connection to the chosen endpoint.',
    grpcRootCause: 'Nothing listening on the target port (wrong targetPort, server crashed or still starting), a TLS mismatch between client sidecar and server (clientTlsMode DISABLE towards a STRICT mTLS workload, or a server that terminates TLS itself; the upstream transport failure reason names the TLS error), a NetworkPolicy dropping the traffic, or a connect timeout that is too short.',
    clientSees: 'UNAVAILABLE (14): "upstream connect error or disconnect/reset before headers".',
    settings: ['targetPort', 'clientTlsMode', 'connectionPool.connectTimeout', 'retries.retryOn (connect-failure; on by default)', 'outlierDetection.consecutiveGatewayErrors'],
    checks: ['the "UPSTREAM_TRANSPORT_FAILURE_REASON" field of the log line', 'kubectl get peerauthentication -A', ENDPOINTS],
  },
  {
    code: 'UO',
    longName: 'UpstreamOverflow',
    scope: 'http-and-tcp',
    httpStatus: 503,
    category: 'upstream',
    meaning: 'A circuit breaker tripped: a connection-pool limit was reached, so Envoy failed the request at once without sending it.',
    grpcRootCause: 'More concurrent requests than connectionPool.http2MaxRequests (each open stream of a streaming RPC holds one for its whole life), more connections than connectionPool.maxConnections, or more retries in flight than connectionPool.maxRetries. The limits apply per client sidecar, summed over all endpoints of the service.',
    clientSees: 'UNAVAILABLE (14) immediately, with response_code_details "upstream_reset_before_response_started{overflow}" or "overflow".',
    settings: ['connectionPool.http2MaxRequests', 'connectionPool.maxConnections', 'connectionPool.maxRetries', 'connectionPool.maxConcurrentStreams', 'workload.replicas'],
    checks: [UPSTREAM_STATS, `${CLUSTER} (circuitBreakers.thresholds)`],
  },
  {
    code: 'NR',
    longName: 'NoRouteFound',
    scope: 'http-and-tcp',
    httpStatus: 404,
    category: 'routing',
    meaning: 'No route matched the request (HTTP), or no filter chain matched the connection (TCP).',
    grpcRootCause: 'A VirtualService that only matches some methods and has no catch-all route, a :authority the VirtualService hosts do not list (clients dialling a pod IP, a short name from another namespace, or an extra port), a Gateway whose hosts do not match, or a Service port not named grpc/grpc-* so the listener treats gRPC as opaque TCP.',
    clientSees: 'UNIMPLEMENTED (12), since gRPC maps HTTP 404 to it.',
    settings: ['methods (a service-wide route is always rendered after the method routes)', 'protoService', 'portName', 'protocol'],
    checks: ['istioctl proxy-config route <client-pod> --name <port> -o json', 'istioctl x describe service <name> -n <ns>', 'istioctl analyze -n <ns>'],
  },
  {
    code: 'URX',
    longName: 'UpstreamRetryLimitExceeded',
    scope: 'http-and-tcp',
    category: 'upstream',
    meaning: 'The request was retried up to the route\'s retry limit (HTTP) or the maximum connect attempts (TCP), and the last attempt failed too.',
    grpcRootCause: 'Every attempt failed the same way (usually UNAVAILABLE from a crashing or overloaded server, or resets), so retries only multiplied the load. Look at the other flag on the same line (UF, UR, UC, UT) for the real cause.',
    clientSees: 'The status of the last attempt, usually UNAVAILABLE (14).',
    settings: ['retries.attempts', 'retries.retryOn', 'retries.perTryTimeout', 'connectionPool.maxRetries', 'outlierDetection'],
    checks: [UPSTREAM_STATS, 'istioctl proxy-config route <client-pod> --name <port> -o json (retryPolicy)'],
  },
  {
    code: 'NC',
    longName: 'NoClusterFound',
    scope: 'http-and-tcp',
    category: 'routing',
    meaning: 'The route named an upstream cluster that does not exist in the proxy.',
    grpcRootCause: 'A VirtualService route to a subset that no DestinationRule defines (istioctl analyze reports IST0101), a destination host with a typo, or a DestinationRule that has not reached this proxy yet (a Sidecar resource hiding it, or a push still in flight).',
    clientSees: 'UNAVAILABLE (14).',
    settings: ['workload.version (each routed subset must exist in the DestinationRule)'],
    checks: ['istioctl analyze -n <ns>', `${CLUSTER} (one cluster per subset)`, 'istioctl proxy-status'],
  },
  {
    code: 'DT',
    longName: 'DurationTimeout',
    scope: 'http-and-tcp',
    category: 'timeout',
    meaning: 'A request or connection ran longer than max_connection_duration or the TCP proxy\'s max_downstream_connection_duration.',
    grpcRootCause: 'Long-lived streaming RPCs cut by a connection duration limit set through an EnvoyFilter, ProxyConfig or a TCP route; with HTTP/2 every stream on the connection ends at once.',
    clientSees: 'UNAVAILABLE (14) on every stream of the connection; clients reconnect.',
    settings: ['methods[].streaming (streaming methods get no route timeout)'],
    checks: ['kubectl get envoyfilter -A', 'istioctl proxy-config listener <pod> -o json | grep -i max_connection_duration'],
  },
  {
    code: 'DC',
    longName: 'DownstreamConnectionTermination',
    scope: 'http',
    category: 'downstream',
    meaning: 'The caller\'s connection closed before the response was complete.',
    grpcRootCause: 'The client gave up: its deadline (grpc-timeout) expired, the call was cancelled, or the client pod shut down. Frequent DC with long durations means the server is slower than the clients\' deadlines.',
    clientSees: 'Its own DEADLINE_EXCEEDED (4) or CANCELLED (1); the response code is often 0.',
    settings: ['timeout', 'methods[].timeout (keep route timeouts at or below client deadlines)'],
    checks: ['the DURATION field next to the client deadline', 'server-side latency of the method'],
  },
  {
    code: 'LH',
    longName: 'FailedLocalHealthCheck',
    scope: 'http',
    httpStatus: 503,
    category: 'upstream',
    meaning: 'The local service failed Envoy\'s health check.',
    grpcRootCause: 'Rare with Istio sidecars, which do not health-check through Envoy by default; seen when an EnvoyFilter adds Envoy health checking and the gRPC server fails it.',
    clientSees: 'UNAVAILABLE (14).',
    settings: ['workload.grpcHealthProbe'],
    checks: ['kubectl get envoyfilter -A', 'kubectl describe pod <pod> -n <ns> (probe failures)'],
  },
  {
    code: 'UT',
    longName: 'UpstreamRequestTimeout',
    scope: 'http',
    httpStatus: 504,
    category: 'timeout',
    meaning: 'The upstream did not answer within the route timeout or the per-try timeout.',
    grpcRootCause: 'The route timeout (VirtualService timeout) or retries.perTryTimeout is shorter than the slow method, or attempts x perTryTimeout exceeds the route timeout so the last tries never run. Istio also lets the grpc-timeout header act as the route timeout, so a short client deadline ends here too.',
    clientSees: 'UNAVAILABLE (14) or DEADLINE_EXCEEDED (4), whichever deadline fires first.',
    settings: ['timeout', 'methods[].timeout', 'retries.perTryTimeout', 'retries.attempts', 'lifecycle.maxStreamDuration (streams)'],
    checks: ['istioctl proxy-config route <client-pod> --name <port> -o json (timeout, retryPolicy.perTryTimeout)', 'istio-grpc lint: IGR3103 (a route timeout shorter than the declared stream lifetime)', UPSTREAM_STATS],
  },
  {
    code: 'LR',
    longName: 'LocalReset',
    scope: 'http',
    httpStatus: 503,
    category: 'proxy',
    meaning: 'Envoy reset the stream itself.',
    grpcRootCause: 'The upstream HTTP/2 connection was torn down locally with streams in flight (connection idle timeout reached, connection limit recycling, listener drain after a config change), or a header or flow-control limit was exceeded.',
    clientSees: 'UNAVAILABLE (14) or INTERNAL (13).',
    settings: ['connectionPool.idleTimeout', 'connectionPool.maxRequestsPerConnection', 'retries.retryOn (reset-before-request; on by default)'],
    checks: ['the RESPONSE_CODE_DETAILS field', 'kubectl logs <pod> -c istio-proxy -n <ns> | grep -E "warning|error" (Envoy\'s own log lines)'],
  },
  {
    code: 'UR',
    longName: 'UpstreamRemoteReset',
    scope: 'http',
    httpStatus: 503,
    category: 'upstream',
    meaning: 'The upstream reset the stream (RST_STREAM or GOAWAY) before finishing the response.',
    grpcRootCause: 'Frequent UR usually means the gRPC server\'s max_connection_age (or max_connection_idle) closes connections while Envoy still sends requests on them: keep connectionPool.idleTimeout below the server\'s idle limit and recycle connections with maxRequestsPerConnection. Also: server refusing streams above its MAX_CONCURRENT_STREAMS, or the server crashing mid-call.',
    clientSees: 'UNAVAILABLE (14): "upstream connect error or disconnect/reset before headers. reset reason: remote reset".',
    settings: ['connectionPool.idleTimeout', 'connectionPool.maxRequestsPerConnection', 'connectionPool.maxConcurrentStreams', 'retries.retryOn (refused-stream, reset-before-request)', 'serverKeepalive (derives connectionPool.idleTimeout and maxConnectionDuration)', 'connectionPool.maxConnectionDuration'],
    checks: ['the server\'s keepalive settings (max_connection_age, max_connection_age_grace)', 'istio-grpc lint: IGR3101 (the server closes connections before the pool), IGR3104 (HTTP/2 pings the server refuses)', UPSTREAM_STATS],
  },
  {
    code: 'UC',
    longName: 'UpstreamConnectionTermination',
    scope: 'http',
    httpStatus: 503,
    category: 'upstream',
    meaning: 'The upstream closed the whole connection while the request was pending.',
    grpcRootCause: 'The server closed its TCP connection: pods terminating without draining (no preStop delay), max_connection_age_grace expiring on long calls, keepalive enforcement (GOAWAY "too_many_pings"), or a server idle timeout shorter than Envoy\'s pool idle timeout.',
    clientSees: 'UNAVAILABLE (14).',
    settings: ['connectionPool.idleTimeout', 'connectionPool.maxRequestsPerConnection', 'retries.retryOn (reset-before-request; on by default)', 'lifecycle (preStop delay, sidecar drain, grace period)', 'serverKeepalive', 'connectionPool.tcpKeepalive', 'connectionPool.http2Keepalive'],
    checks: ['kubectl get events -n <ns> (pod restarts during the failures)', 'istio-grpc lint: IGR3101 (server closes first), IGR3102 (drain longer than terminationGracePeriodSeconds), IGR3104 (GOAWAY too_many_pings)', UPSTREAM_STATS],
  },
  {
    code: 'DI',
    longName: 'DelayInjected',
    scope: 'http',
    category: 'informational',
    meaning: 'Fault injection delayed the request on purpose.',
    grpcRootCause: 'A VirtualService fault.delay (or an EnvoyFilter fault filter) applies to this route; expected during chaos tests, a bug otherwise.',
    clientSees: 'A slower call; DEADLINE_EXCEEDED (4) if the delay outlasts its deadline.',
    settings: [],
    checks: ['kubectl get virtualservice -n <ns> -o yaml | grep -A5 fault'],
  },
  {
    code: 'FI',
    longName: 'FaultInjected',
    scope: 'http',
    category: 'policy',
    meaning: 'Fault injection aborted the request with a configured status.',
    grpcRootCause: 'A VirtualService fault.abort (httpStatus or grpcStatus) matches the route.',
    clientSees: 'The injected status.',
    settings: [],
    checks: ['kubectl get virtualservice -n <ns> -o yaml | grep -A5 fault'],
  },
  {
    code: 'RL',
    longName: 'RateLimited',
    scope: 'http',
    httpStatus: 429,
    category: 'policy',
    meaning: 'The rate limit filter limited the request.',
    grpcRootCause: 'A local or global rate limit (EnvoyFilter) for this route or workload is lower than the call rate.',
    clientSees: 'UNAVAILABLE (14), since gRPC maps HTTP 429 to it (clients may retry it).',
    settings: [],
    checks: ['kubectl get envoyfilter -A | grep -i ratelimit'],
  },
  {
    code: 'UAEX',
    longName: 'UnauthorizedExternalService',
    scope: 'http',
    category: 'policy',
    meaning: 'The external authorization service denied the request.',
    grpcRootCause: 'An AuthorizationPolicy with action CUSTOM sends the call to an ext_authz provider, which refused it (or was unreachable with failure-mode deny). Plain RBAC denials from allowedPrincipals/allowedNamespaces show as 403 with details "rbac_access_denied_matched_policy" and no flag.',
    clientSees: 'PERMISSION_DENIED (7) or UNAUTHENTICATED (16).',
    settings: ['methods[].allowedPrincipals', 'methods[].allowedNamespaces'],
    checks: ['kubectl get authorizationpolicy -A', 'logs of the ext_authz provider'],
  },
  {
    code: 'RLSE',
    longName: 'RateLimitServiceError',
    scope: 'http',
    category: 'policy',
    meaning: 'The rate limit service failed, and the filter is configured to deny on failure.',
    grpcRootCause: 'The global rate limit service is down or unreachable from this proxy.',
    clientSees: 'UNAVAILABLE (14) or INTERNAL (13).',
    settings: [],
    checks: ['the rate limit service\'s pods and logs', 'kubectl get envoyfilter -A | grep -i ratelimit'],
  },
  {
    code: 'IH',
    longName: 'InvalidEnvoyRequestHeaders',
    scope: 'http',
    httpStatus: 400,
    category: 'downstream',
    meaning: 'A strictly-checked x-envoy-* request header had an invalid value.',
    grpcRootCause: 'The client sends x-envoy-* metadata (e.g. x-envoy-upstream-rq-timeout-ms) with a value Envoy refuses.',
    clientSees: 'INTERNAL (13), since gRPC maps HTTP 400 to it.',
    settings: [],
    checks: ['the metadata the client attaches to calls'],
  },
  {
    code: 'SI',
    longName: 'StreamIdleTimeout',
    scope: 'http',
    httpStatus: 408,
    category: 'timeout',
    meaning: 'No bytes moved on the stream for the stream idle timeout.',
    grpcRootCause: 'A server-streaming or bidirectional RPC that stays quiet longer than the idle timeout (Envoy\'s default is 5 minutes; Istio can change it). Send application-level heartbeats on long-lived streams, or raise the idle timeout through ProxyConfig/EnvoyFilter.',
    clientSees: 'UNAVAILABLE (14) or CANCELLED (1) on the stream.',
    settings: ['methods[].streaming (streaming methods get no route timeout)'],
    checks: ['istioctl proxy-config listener <pod> -o json | grep -i streamIdleTimeout'],
  },
  {
    code: 'DPE',
    longName: 'DownstreamProtocolError',
    scope: 'http',
    category: 'downstream',
    meaning: 'The caller broke the HTTP protocol.',
    grpcRootCause: 'HTTP/1.1 or TLS sent to a plaintext HTTP/2 port, an h2c client without prior knowledge, oversized headers or metadata, or a port declared grpc whose callers do not speak HTTP/2.',
    clientSees: 'A connection error: UNAVAILABLE (14) or INTERNAL (13).',
    settings: ['portName', 'protocol', 'connectionPool.h2UpgradePolicy'],
    checks: ['the PROTOCOL field of the failing lines', 'istioctl x describe service <name> -n <ns>'],
  },
  {
    code: 'UPE',
    longName: 'UpstreamProtocolError',
    scope: 'http',
    category: 'upstream',
    meaning: 'The upstream\'s response broke the HTTP protocol.',
    grpcRootCause: 'The port is declared grpc/http2 so Envoy speaks HTTP/2, but the server speaks HTTP/1.1 or terminates TLS itself; or the server sent malformed headers or trailers.',
    clientSees: 'INTERNAL (13) or UNAVAILABLE (14).',
    settings: ['protocol', 'portName', 'clientTlsMode'],
    checks: [`${CLUSTER} (http2ProtocolOptions must match what the server speaks)`],
  },
  {
    code: 'UMSDR',
    longName: 'UpstreamMaxStreamDurationReached',
    scope: 'http',
    category: 'timeout',
    meaning: 'The upstream stream reached the cluster\'s max stream duration.',
    grpcRootCause: 'A max_stream_duration on the upstream cluster (set through an EnvoyFilter) is shorter than a long-lived streaming RPC.',
    clientSees: 'UNAVAILABLE (14) or DEADLINE_EXCEEDED (4) on the stream.',
    settings: ['methods[].streaming'],
    checks: ['kubectl get envoyfilter -A', `${CLUSTER} (maxStreamDuration)`],
  },
  {
    code: 'RFCF',
    longName: 'ResponseFromCacheFilter',
    scope: 'http',
    category: 'informational',
    meaning: 'The response came from the HTTP cache filter, not from the upstream.',
    grpcRootCause: 'An EnvoyFilter adds the cache filter; gRPC calls are POSTs and are not normally cached.',
    clientSees: 'The cached response.',
    settings: [],
    checks: ['kubectl get envoyfilter -A'],
  },
  {
    code: 'NFCF',
    longName: 'NoFilterConfigFound',
    scope: 'http',
    category: 'proxy',
    meaning: 'A filter\'s configuration (delivered through extension config discovery) was not available, so the request was refused.',
    grpcRootCause: 'A WasmPlugin or other ECDS-delivered filter failed to load (image pull, bad module) and is configured to fail closed.',
    clientSees: 'INTERNAL (13) or UNAVAILABLE (14).',
    settings: [],
    checks: ['kubectl get wasmplugin -A', 'kubectl logs <pod> -c istio-proxy -n <ns> | grep -i wasm'],
  },
  {
    code: 'OM',
    longName: 'OverloadManagerTerminated',
    scope: 'http',
    category: 'proxy',
    meaning: 'Envoy\'s overload manager terminated the request to protect the proxy.',
    grpcRootCause: 'The sidecar is near its memory limit (many long-lived streams, large messages buffered by retries).',
    clientSees: 'UNAVAILABLE (14).',
    settings: [],
    checks: ['kubectl top pod <pod> -n <ns> --containers', 'sidecar.istio.io/proxyMemoryLimit annotation'],
  },
  {
    code: 'DF',
    longName: 'DnsResolutionFailed',
    scope: 'http',
    category: 'routing',
    meaning: 'The request failed because a DNS lookup failed.',
    grpcRootCause: 'A ServiceEntry with resolution DNS (an external gRPC API) whose host does not resolve from the proxy, or a dynamic forward proxy lookup failing.',
    clientSees: 'UNAVAILABLE (14).',
    settings: [],
    checks: ['kubectl get serviceentry -A', 'nslookup <host> from the pod'],
  },
  {
    code: 'DO',
    longName: 'DropOverload',
    scope: 'http-and-tcp',
    category: 'proxy',
    meaning: 'The request was dropped by the cluster\'s drop-overload policy (a share of traffic the control plane told Envoy to shed).',
    grpcRootCause: 'A drop_overloads policy in the endpoint assignment; not set by Istio by default.',
    clientSees: 'UNAVAILABLE (14).',
    settings: [],
    checks: [ENDPOINTS],
  },
  {
    code: 'DR',
    longName: 'DownstreamRemoteReset',
    scope: 'http',
    category: 'downstream',
    meaning: 'The caller reset the stream.',
    grpcRootCause: 'The gRPC client cancelled the call (context cancelled, deadline expired, client shutdown), which resets the HTTP/2 stream.',
    clientSees: 'Its own CANCELLED (1) or DEADLINE_EXCEEDED (4).',
    settings: ['timeout', 'methods[].timeout'],
    checks: ['client-side deadlines and cancellation for the method'],
  },
];
