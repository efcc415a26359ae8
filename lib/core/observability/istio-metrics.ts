/**
 * The names of Istio's standard metrics and labels the queries use, as Istio documents them
 * ("Istio Standard Metrics" reference). Tests check every query against these lists, so a typo in
 * a label name fails a test instead of silently matching nothing in Prometheus.
 */

/** Request count (a COUNTER per call, client and server side). */
export const REQUESTS_TOTAL = 'istio_requests_total';
/** Request duration histogram buckets, in milliseconds. */
export const REQUEST_DURATION_BUCKET = 'istio_request_duration_milliseconds_bucket';

/** Istio's documented request metrics (histograms also expose `_bucket`, `_sum` and `_count`). */
export const ISTIO_REQUEST_METRICS: readonly string[] = [
  REQUESTS_TOTAL,
  'istio_request_duration_milliseconds',
  'istio_request_bytes',
  'istio_response_bytes',
  'istio_request_messages_total',
  'istio_response_messages_total',
];

/** Istio's documented labels on the request metrics. */
export const ISTIO_METRIC_LABELS: readonly string[] = [
  'reporter',
  'source_workload', 'source_workload_namespace', 'source_principal', 'source_app', 'source_version',
  'source_cluster', 'source_canonical_service', 'source_canonical_revision',
  'destination_workload', 'destination_workload_namespace', 'destination_principal', 'destination_app',
  'destination_version', 'destination_service', 'destination_service_name', 'destination_service_namespace',
  'destination_cluster', 'destination_canonical_service', 'destination_canonical_revision',
  'request_protocol', 'response_code', 'grpc_response_status', 'response_flags', 'connection_security_policy',
];

/**
 * The label `methodMetrics` adds to the request count and duration metrics: the gRPC path
 * (`/package.Service/Method`) of a declared method, `other` for any other path.
 */
export const GRPC_METHOD_LABEL = 'grpc_method';

/** What `grpc_method` holds for a path the service did not declare (keeps the label bounded). */
export const OTHER_METHOD = 'other';

/** Prometheus's own histogram bucket label. */
export const BUCKET_LABEL = 'le';
