import { AnalysisController, CanaryAnalysisProps } from './canary/analysis-props';
import type { CanaryHeaderRouteProps, CanarySubsetProps, GrpcCanaryOptions } from './canary/canary-props';
import type { FaultInjection, FaultAbort, FaultDelay, FaultHeaderScope } from './fault-injection';
import { GrpcIngressOptions, GrpcWebProps, IngressCertificateProps, IngressTlsMode, IngressTlsProps, IssuerKind, TlsProtocolVersion } from './ingress/ingress-props';
import type { ConsistentHash, HashCookie, LocalityDistribution, LocalityFailover, LocalityLoadBalancing, RetryBudget, Warmup } from './load-balancing';
import type { GrpcMeshServiceProps, GrpcWorkloadProps, WorkloadResources } from './mesh-service-props';
import { GrpcMethodProps, Idempotency, StreamingKind } from './method';
import type { MirrorProps } from './mirror';
import { GrpcStatus } from './observability/grpc-status';
import type { GrpcServiceMonitoringOptions } from './observability/monitoring-props';
import { enumOf, listOf, mapOf, objectShape, ShapeFields } from './props-shape';
import type { GrpcMeshServiceFromProtoProps, GrpcMethodOverride } from './proto/from-proto-props';
import type { RetryPolicy } from './retry';
import { GrpcServerKeepalive, Http2Keepalive, PreStopAction, StreamLifecycle, TcpKeepalive } from './stream-lifecycle';
import type { SubsetTrafficPolicy } from './subset-policy';
import type { Http2ConnectionPool, OutlierDetection } from './traffic-policy';

// One table per props interface. The compiler checks each lists exactly the interface's keys, so
// a new prop cannot be added without saying here what it holds.

const STRINGS = listOf('string');
const STRING_MAP = mapOf('string');
// Enums the resolvers do not check themselves (the others get messages of their own there).
const IDEMPOTENCY = enumOf('Idempotency', Idempotency);

export const RETRY_POLICY_SHAPE = objectShape<RetryPolicy>('RetryPolicy', {
  attempts: 'number',
  perTryTimeout: 'duration',
  retryOn: STRINGS,
  retryOnHttpStatusCodes: listOf('number'),
  backoff: 'duration',
  retryRemoteLocalities: 'boolean',
  retryIgnorePreviousHosts: 'boolean',
});

export const METHOD_SHAPE = objectShape<GrpcMethodProps>('GrpcMethodProps', {
  name: 'string',
  service: 'string',
  idempotency: IDEMPOTENCY,
  streaming: enumOf('StreamingKind', StreamingKind),
  timeout: 'duration',
  retries: RETRY_POLICY_SHAPE,
  allowedPrincipals: STRINGS,
  allowedNamespaces: STRINGS,
});

export const WORKLOAD_RESOURCES_SHAPE = objectShape<WorkloadResources>('WorkloadResources', {
  cpuRequest: 'string',
  cpuLimit: 'string',
  memoryRequest: 'string',
  memoryLimit: 'string',
});

export const WORKLOAD_SHAPE = objectShape<GrpcWorkloadProps>('GrpcWorkloadProps', {
  image: 'string',
  replicas: 'number',
  version: 'string',
  env: STRING_MAP,
  args: STRINGS,
  resources: WORKLOAD_RESOURCES_SHAPE,
  grpcHealthProbe: 'boolean',
  readOnlyRootFilesystem: 'boolean',
  runAsUser: 'number',
});

export const TCP_KEEPALIVE_SHAPE = objectShape<TcpKeepalive>('TcpKeepalive', { time: 'duration', interval: 'duration', probes: 'number' });

export const HTTP2_KEEPALIVE_SHAPE = objectShape<Http2Keepalive>('Http2Keepalive', { interval: 'duration', timeout: 'duration' });

export const STREAM_LIFECYCLE_SHAPE = objectShape<StreamLifecycle>('StreamLifecycle', {
  maxStreamDuration: 'duration',
  preStopDelay: 'duration',
  preStopAction: enumOf('PreStopAction', PreStopAction),
  drainDuration: 'duration',
  exitOnZeroActiveConnections: 'boolean',
  terminationGracePeriod: 'duration',
});

export const SERVER_KEEPALIVE_SHAPE = objectShape<GrpcServerKeepalive>('GrpcServerKeepalive', {
  maxConnectionAge: 'duration',
  maxConnectionAgeGrace: 'duration',
  maxConnectionIdle: 'duration',
  time: 'duration',
  timeout: 'duration',
  permitKeepaliveTime: 'duration',
});

export const CONNECTION_POOL_SHAPE = objectShape<Http2ConnectionPool>('Http2ConnectionPool', {
  maxConnections: 'number',
  connectTimeout: 'duration',
  http2MaxRequests: 'number',
  maxRequestsPerConnection: 'number',
  maxConcurrentStreams: 'number',
  idleTimeout: 'duration',
  h2UpgradePolicy: 'string',
  maxRetries: 'number',
  maxConnectionDuration: 'duration',
  tcpKeepalive: TCP_KEEPALIVE_SHAPE,
  http2Keepalive: HTTP2_KEEPALIVE_SHAPE,
});

export const OUTLIER_DETECTION_SHAPE = objectShape<OutlierDetection>('OutlierDetection', {
  enabled: 'boolean',
  consecutiveGatewayErrors: 'number',
  consecutive5xxErrors: 'number',
  interval: 'duration',
  baseEjectionTime: 'duration',
  maxEjectionPercent: 'number',
});

export const HASH_COOKIE_SHAPE = objectShape<HashCookie>('HashCookie', { name: 'string', path: 'string', ttl: 'duration' });

export const CONSISTENT_HASH_SHAPE = objectShape<ConsistentHash>('ConsistentHash', {
  httpHeaderName: 'string',
  httpCookie: HASH_COOKIE_SHAPE,
  useSourceIp: 'boolean',
  httpQueryParameterName: 'string',
  ringHashMinimumRingSize: 'number',
  maglevTableSize: 'number',
});

export const LOCALITY_LB_SHAPE = objectShape<LocalityLoadBalancing>('LocalityLoadBalancing', {
  enabled: 'boolean',
  distribute: listOf(objectShape<LocalityDistribution>('LocalityDistribution', { from: 'string', to: mapOf('number') })),
  failover: listOf(objectShape<LocalityFailover>('LocalityFailover', { from: 'string', to: 'string' })),
  failoverPriority: STRINGS,
});

export const WARMUP_SHAPE = objectShape<Warmup>('Warmup', { duration: 'duration', minimumPercent: 'number', aggression: 'number' });

export const RETRY_BUDGET_SHAPE = objectShape<RetryBudget>('RetryBudget', { percent: 'number', minRetryConcurrency: 'number', budgetInterval: 'duration' });

export const MIRROR_SHAPE = objectShape<MirrorProps>('MirrorProps', { host: 'string', subset: 'string', port: 'number', percent: 'number' });

export const FAULT_SHAPE = objectShape<FaultInjection>('FaultInjection', {
  abort: objectShape<FaultAbort>('FaultAbort', { grpcStatus: 'string', percent: 'number' }),
  delay: objectShape<FaultDelay>('FaultDelay', { fixedDelay: 'duration', percent: 'number' }),
  header: objectShape<FaultHeaderScope>('FaultHeaderScope', { name: 'string', exact: 'string' }),
  methods: STRINGS,
});

export const SUBSET_TRAFFIC_POLICY_SHAPE = objectShape<SubsetTrafficPolicy>('SubsetTrafficPolicy', {
  loadBalancer: 'string',
  consistentHash: CONSISTENT_HASH_SHAPE,
  localityLbSetting: LOCALITY_LB_SHAPE,
  warmup: WARMUP_SHAPE,
  connectionPool: CONNECTION_POOL_SHAPE,
  outlierDetection: OUTLIER_DETECTION_SHAPE,
});

const MESH_SERVICE_FIELDS = {
  name: 'string',
  namespace: 'string',
  port: 'number',
  targetPort: 'number',
  protocol: 'string',
  portName: 'string',
  headless: 'boolean',
  selector: STRING_MAP,
  workload: WORKLOAD_SHAPE,
  protoService: 'string',
  methods: listOf(METHOD_SHAPE),
  timeout: 'duration',
  retries: RETRY_POLICY_SHAPE,
  dangerouslyAllowRetriesOnNonIdempotentMethods: 'boolean',
  meshDefaultRetriesDisabled: 'boolean',
  loadBalancer: 'string',
  connectionPool: CONNECTION_POOL_SHAPE,
  outlierDetection: OUTLIER_DETECTION_SHAPE,
  clientTlsMode: 'string',
  mtls: 'string',
  allowedPrincipals: STRINGS,
  allowedNamespaces: STRINGS,
  accessLogs: 'boolean',
  accessLogFilter: 'string',
  denyUnlisted: 'boolean',
  methodMetrics: 'boolean',
  lifecycle: STREAM_LIFECYCLE_SHAPE,
  serverKeepalive: SERVER_KEEPALIVE_SHAPE,
  consistentHash: CONSISTENT_HASH_SHAPE,
  localityLbSetting: LOCALITY_LB_SHAPE,
  warmup: WARMUP_SHAPE,
  retryBudget: RETRY_BUDGET_SHAPE,
  mirrors: listOf(MIRROR_SHAPE),
  fault: FAULT_SHAPE,
  dangerouslyAllowFaultsWithoutHeaderScope: 'boolean',
  subsetChange: 'string',
  routingApi: 'string',
  dataPlane: 'string',
  waypoint: 'boolean',
  sharedWaypoint: 'string',
} satisfies ShapeFields<GrpcMeshServiceProps>;

export const MESH_SERVICE_SHAPE = objectShape<GrpcMeshServiceProps>('GrpcMeshServiceProps', MESH_SERVICE_FIELDS);

export const METHOD_OVERRIDE_SHAPE = objectShape<GrpcMethodOverride>('GrpcMethodOverride', {
  timeout: 'duration',
  retries: RETRY_POLICY_SHAPE,
  idempotency: IDEMPOTENCY,
  allowedPrincipals: STRINGS,
  allowedNamespaces: STRINGS,
});

export const FROM_PROTO_SHAPE = objectShape<GrpcMeshServiceFromProtoProps>('GrpcMeshServiceFromProtoProps', {
  ...MESH_SERVICE_FIELDS,
  protoFiles: STRINGS,
  includePaths: STRINGS,
  methodOverrides: mapOf(METHOD_OVERRIDE_SHAPE),
});

export const CANARY_SUBSET_SHAPE = objectShape<CanarySubsetProps>('CanarySubsetProps', {
  name: 'string',
  version: 'string',
  weight: 'number',
  workload: WORKLOAD_SHAPE,
  trafficPolicy: SUBSET_TRAFFIC_POLICY_SHAPE,
});

export const CANARY_HEADER_ROUTE_SHAPE = objectShape<CanaryHeaderRouteProps>('CanaryHeaderRouteProps', {
  header: 'string',
  exact: 'string',
  subset: 'string',
});

export const CANARY_ANALYSIS_SHAPE = objectShape<CanaryAnalysisProps>('CanaryAnalysisProps', {
  controllers: listOf(enumOf('AnalysisController', AnalysisController)),
  failureStatuses: listOf(enumOf('GrpcStatus', GrpcStatus)),
  maxErrorRatio: 'number',
  maxP99Latency: 'duration',
  interval: 'duration',
  prometheusAddress: 'string',
  perMethod: 'boolean',
});

/** The monitoring props of both frameworks: the options plus the `service` they watch. */
export const MONITORING_SHAPE = objectShape<GrpcServiceMonitoringOptions & { service: unknown }>('GrpcServiceMonitoringProps', {
  service: 'any',
  alerts: 'boolean',
  dashboard: 'boolean',
  failureStatuses: listOf(enumOf('GrpcStatus', GrpcStatus)),
  maxErrorRatio: 'number',
  maxP99Latency: 'duration',
  window: 'duration',
  alertFor: 'duration',
  ruleLabels: STRING_MAP,
  dashboardNamespace: 'string',
});

/** The canary props of both frameworks: the options plus the `service` they split. */
export const CANARY_SHAPE = objectShape<GrpcCanaryOptions & { service: unknown }>('GrpcCanaryProps', {
  service: 'any',
  stableVersion: 'string',
  canaryVersion: 'string',
  canaryWeight: 'number',
  additionalSubsets: listOf(CANARY_SUBSET_SHAPE),
  headerRoutes: listOf(CANARY_HEADER_ROUTE_SHAPE),
  mirrorPercent: 'number',
  canaryWorkload: WORKLOAD_SHAPE,
  steps: listOf('number'),
  weightOwner: 'string',
  stableTrafficPolicy: SUBSET_TRAFFIC_POLICY_SHAPE,
  canaryTrafficPolicy: SUBSET_TRAFFIC_POLICY_SHAPE,
  analysis: CANARY_ANALYSIS_SHAPE,
});

export const INGRESS_TLS_SHAPE = objectShape<IngressTlsProps>('IngressTlsProps', {
  credentialName: 'string',
  credentialNamespace: 'string',
  mode: enumOf('IngressTlsMode', IngressTlsMode),
  minProtocolVersion: enumOf('TlsProtocolVersion', TlsProtocolVersion),
  clientCaCredentialName: 'string',
  subjectAltNames: STRINGS,
});

export const GRPC_WEB_SHAPE = objectShape<GrpcWebProps>('GrpcWebProps', { allowOrigins: STRINGS, allowWithMutualTls: 'boolean' });

export const INGRESS_CERTIFICATE_SHAPE = objectShape<IngressCertificateProps>('IngressCertificateProps', {
  issuerName: 'string',
  issuerKind: enumOf('IssuerKind', IssuerKind),
});

/** The ingress props of both frameworks: the options plus the `service` they expose. */
export const INGRESS_SHAPE = objectShape<GrpcIngressOptions & { service: unknown }>('GrpcIngressProps', {
  service: 'any',
  hosts: STRINGS,
  tls: INGRESS_TLS_SHAPE,
  allowWildcardHosts: 'boolean',
  gatewayName: 'string',
  gatewayNamespace: 'string',
  selector: STRING_MAP,
  port: 'number',
  httpRedirect: 'boolean',
  grpcWeb: GRPC_WEB_SHAPE,
  certificate: INGRESS_CERTIFICATE_SHAPE,
});
