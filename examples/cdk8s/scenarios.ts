import {
  Duration,
  GrpcMeshServiceProps,
  H2UpgradePolicy,
  Idempotency,
  MtlsMode,
  PreStopAction,
  principalOf,
  RetryOn,
  StreamingKind,
} from '../../lib';

/** One example: a chart id and the props of the GrpcMeshService it holds. */
export interface MeshServiceScenario {
  /** Chart id; the synthesized file is `dist/<id>.k8s.yaml`. */
  readonly id: string;
  /** What the scenario shows. */
  readonly title: string;
  readonly props: GrpcMeshServiceProps;
}

/**
 * The seed article's GrpcMeshService scenarios, done correctly. The same props feed the cdk8s
 * app, the Pulumi program and the parity tests.
 */
export const MESH_SERVICE_SCENARIOS: readonly MeshServiceScenario[] = [
  {
    id: 'port-naming',
    title: 'Protocol detection: port named grpc-api and appProtocol grpc, so Istio balances each call',
    props: {
      name: 'grpc-service',
      namespace: 'default',
      port: 50051,
      portName: 'grpc-api',
      selector: { app: 'grpc-server' },
    },
  },
  {
    id: 'content-type-routing',
    title: 'Routing on content-type application/grpc, with the workload created and injected',
    props: {
      name: 'greeter',
      namespace: 'default',
      workload: { image: 'ghcr.io/example/greeter:1.0.0', replicas: 3, grpcHealthProbe: true },
    },
  },
  {
    id: 'retries',
    title: 'Retries on gRPC status codes for idempotent methods only; CreateUser is never retried',
    props: {
      name: 'users',
      namespace: 'accounts',
      protoService: 'users.v1.UserService',
      timeout: Duration.seconds(10),
      methods: [
        {
          name: 'GetUser',
          idempotency: Idempotency.NO_SIDE_EFFECTS,
          timeout: Duration.seconds(3),
          retries: {
            attempts: 3,
            perTryTimeout: Duration.seconds(2),
            retryOn: [RetryOn.UNAVAILABLE, RetryOn.RESOURCE_EXHAUSTED, RetryOn.DEADLINE_EXCEEDED],
          },
        },
        {
          name: 'UpdateEmail',
          idempotency: Idempotency.IDEMPOTENT,
          retries: { attempts: 2, perTryTimeout: Duration.millis(1500), retryOn: [RetryOn.UNAVAILABLE], backoff: Duration.millis(50) },
        },
        { name: 'CreateUser', idempotency: Idempotency.NON_IDEMPOTENT, timeout: Duration.seconds(5) },
        { name: 'WatchUsers', streaming: StreamingKind.SERVER, idempotency: Idempotency.NO_SIDE_EFFECTS },
      ],
      workload: { image: 'ghcr.io/example/users:2.3.1', version: 'v1' },
    },
  },
  {
    id: 'connection-pool',
    title: 'HTTP/2 connection pool, LEAST_REQUEST balancing and outlier detection',
    props: {
      name: 'inventory',
      namespace: 'default',
      connectionPool: {
        maxConnections: 100,
        h2UpgradePolicy: H2UpgradePolicy.DEFAULT,
        maxRequestsPerConnection: 0,
        maxConcurrentStreams: 100,
        http2MaxRequests: 1000,
        idleTimeout: Duration.minutes(5),
      },
      outlierDetection: { consecutiveGatewayErrors: 3, interval: Duration.seconds(5), baseEjectionTime: Duration.seconds(30) },
    },
  },
  {
    id: 'security-telemetry',
    title: 'STRICT mTLS, an ALLOW policy per gRPC method (checkout may Charge, the shop namespace may read), access logs of failures',
    props: {
      name: 'payments',
      namespace: 'shop',
      protoService: 'payments.v1.Payments',
      methods: [
        { name: 'Charge', idempotency: Idempotency.NON_IDEMPOTENT, allowedPrincipals: [principalOf('shop', 'checkout')] },
        { name: 'GetPayment', idempotency: Idempotency.NO_SIDE_EFFECTS, allowedNamespaces: ['shop', 'backoffice'] },
      ],
      allowedNamespaces: ['shop'],
      mtls: MtlsMode.STRICT,
      accessLogs: true,
      accessLogFilter: 'response.code >= 400 || response.grpc_status != 0',
      workload: { image: 'registry.example.com/payments:5.2.0' },
    },
  },
  {
    id: 'long-lived-streams',
    title: 'Server-streaming price feed that survives rollouts: preStop delay, sidecar drain until the last stream ends, pool closing before the server, TCP keepalive under NAT idle limits',
    props: {
      name: 'prices',
      namespace: 'markets',
      protoService: 'prices.v1.PriceFeed',
      methods: [
        { name: 'Subscribe', streaming: StreamingKind.SERVER, idempotency: Idempotency.NO_SIDE_EFFECTS },
        { name: 'GetQuote', idempotency: Idempotency.NO_SIDE_EFFECTS, timeout: Duration.seconds(2) },
      ],
      // What the Go server sets in keepalive.ServerParameters / EnforcementPolicy.
      serverKeepalive: {
        maxConnectionAge: Duration.minutes(30),
        maxConnectionAgeGrace: Duration.minutes(10),
        maxConnectionIdle: Duration.minutes(15),
        permitKeepaliveTime: Duration.minutes(1),
      },
      lifecycle: { maxStreamDuration: Duration.minutes(5), preStopAction: PreStopAction.EXEC_SLEEP },
      connectionPool: { http2Keepalive: { interval: Duration.minutes(2) } },
      workload: { image: 'ghcr.io/example/prices:2.3.0', replicas: 3 },
    },
  },
];
