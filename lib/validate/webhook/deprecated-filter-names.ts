/**
 * Envoy's old filter names, each with the canonical name Istio generates (Istio's
 * DeprecatedFilterNames, read the other way round). `envoy.ext_authz` was the old name of both the
 * HTTP and the network filter.
 */
const CANONICAL_BY_DEPRECATED = new Map<string, string>([
  ['envoy.buffer', 'envoy.filters.http.buffer'],
  ['envoy.cors', 'envoy.filters.http.cors'],
  ['envoy.csrf', 'envoy.filters.http.csrf'],
  ['envoy.http_dynamo_filter', 'envoy.filters.http.dynamo'],
  ['envoy.ext_authz', 'envoy.filters.http.ext_authz" or "envoy.filters.network.ext_authz'],
  ['envoy.fault', 'envoy.filters.http.fault'],
  ['envoy.grpc_http1_bridge', 'envoy.filters.http.grpc_http1_bridge'],
  ['envoy.grpc_json_transcoder', 'envoy.filters.http.grpc_json_transcoder'],
  ['envoy.grpc_web', 'envoy.filters.http.grpc_web'],
  ['envoy.gzip', 'envoy.filters.http.gzip'],
  ['envoy.health_check', 'envoy.filters.http.health_check'],
  ['envoy.ip_tagging', 'envoy.filters.http.ip_tagging'],
  ['envoy.lua', 'envoy.filters.http.lua'],
  ['envoy.rate_limit', 'envoy.filters.http.ratelimit'],
  ['envoy.router', 'envoy.filters.http.router'],
  ['envoy.squash', 'envoy.filters.http.squash'],
  ['envoy.listener.http_inspector', 'envoy.filters.listener.http_inspector'],
  ['envoy.listener.original_dst', 'envoy.filters.listener.original_dst'],
  ['envoy.listener.original_src', 'envoy.filters.listener.original_src'],
  ['envoy.listener.proxy_protocol', 'envoy.filters.listener.proxy_protocol'],
  ['envoy.listener.tls_inspector', 'envoy.filters.listener.tls_inspector'],
  ['envoy.client_ssl_auth', 'envoy.filters.network.client_ssl_auth'],
  ['envoy.http_connection_manager', 'envoy.filters.network.http_connection_manager'],
  ['envoy.mongo_proxy', 'envoy.filters.network.mongo_proxy'],
  ['envoy.ratelimit', 'envoy.filters.network.ratelimit'],
  ['envoy.redis_proxy', 'envoy.filters.network.redis_proxy'],
  ['envoy.tcp_proxy', 'envoy.filters.network.tcp_proxy'],
]);

/** Istio's validateListenerMatchName: the warning for a deprecated filter name, if it is one. */
export function deprecatedFilterNameWarning(name: string): string | undefined {
  const canonical = CANONICAL_BY_DEPRECATED.get(name);
  return canonical === undefined ? undefined : `using deprecated filter name "${name}"; use "${canonical}" instead`;
}
