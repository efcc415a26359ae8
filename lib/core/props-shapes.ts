import type { CanaryHeaderRouteProps, CanarySubsetProps, GrpcCanaryOptions } from './canary/canary-props';
import { GrpcIngressOptions, GrpcWebProps, IngressCertificateProps, IngressTlsMode, IngressTlsProps, IssuerKind, TlsProtocolVersion } from './ingress/ingress-props';
import type { GrpcMeshServiceProps, GrpcWorkloadProps, WorkloadResources } from './mesh-service-props';
import { GrpcMethodProps, Idempotency, StreamingKind } from './method';
import { enumOf, listOf, mapOf, objectShape, ShapeFields } from './props-shape';
import type { GrpcMeshServiceFromProtoProps, GrpcMethodOverride } from './proto/from-proto-props';
import type { RetryPolicy } from './retry';
import { GrpcServerKeepalive, Http2Keepalive, PreStopAction, StreamLifecycle, TcpKeepalive } from './stream-lifecycle';
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
  lifecycle: STREAM_LIFECYCLE_SHAPE,
  serverKeepalive: SERVER_KEEPALIVE_SHAPE,
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
});

export const CANARY_HEADER_ROUTE_SHAPE = objectShape<CanaryHeaderRouteProps>('CanaryHeaderRouteProps', {
  header: 'string',
  exact: 'string',
  subset: 'string',
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
});

export const INGRESS_TLS_SHAPE = objectShape<IngressTlsProps>('IngressTlsProps', {
  credentialName: 'string',
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
