import { App, Chart } from 'cdk8s';
import { AnalysisController, Duration, GrpcMeshServiceProps, GrpcStatus, Idempotency, LoadBalancer, RoutingApi } from '../../lib';
import { CanaryWeightOwner, GrpcCanaryOptions } from '../../lib/core/canary/canary-props';
import { GrpcCanary } from '../../lib/grpc-canary';
import { GrpcMeshService } from '../../lib/grpc-mesh-service';

/** A service and the canary that splits it; the same data feeds cdk8s, Pulumi and the parity tests. */
export interface CanaryScenario {
  readonly id: string;
  readonly title: string;
  readonly service: GrpcMeshServiceProps;
  readonly canary: GrpcCanaryOptions;
}

// The article's service, in its own namespace so every example chart can be applied together.
const GRPC_SERVICE: GrpcMeshServiceProps = {
  name: 'grpc-service',
  namespace: 'rollout',
  workload: { image: 'registry.example.com/grpc-service:1.0.0', version: 'v1' },
};

/** The seed article's canary scenarios, done correctly. */
export const CANARY_SCENARIOS: readonly CanaryScenario[] = [
  {
    id: 'canary-90-10',
    title: 'Canary 90/10: v1 and v2 subsets, weights on the service\'s one VirtualService, both Deployments created',
    service: GRPC_SERVICE,
    canary: {
      canaryWeight: 10,
      canaryWorkload: { image: 'registry.example.com/grpc-service:2.0.0' },
      steps: [10, 25, 50, 100],
    },
  },
  {
    id: 'canary-header-mirror',
    title: 'Testers with x-canary: true reach v2 first; 5% of other calls mirrored to v2; per-method routes keep their retries',
    service: {
      name: 'catalog',
      namespace: 'shop',
      protoService: 'shop.v1.Catalog',
      methods: [
        { name: 'GetItem', idempotency: Idempotency.NO_SIDE_EFFECTS, retries: { attempts: 3 } },
        { name: 'ListItems', idempotency: Idempotency.NO_SIDE_EFFECTS },
      ],
      workload: { image: 'registry.example.com/catalog:3.1.0', version: 'v3' },
    },
    canary: {
      canaryVersion: 'v4',
      canaryWeight: 0,
      headerRoutes: [{ header: 'x-canary' }],
      mirrorPercent: 5,
      canaryWorkload: { image: 'registry.example.com/catalog:4.0.0-rc1', replicas: 1 },
    },
  },
  {
    id: 'canary-argo-rollouts',
    title: 'Argo Rollouts moves the weights: stable/canary subsets it labels, every route at 100/0 until the Rollout\'s steps',
    service: {
      name: 'ledger',
      namespace: 'finance',
      protoService: 'finance.v1.Ledger',
      methods: [{ name: 'GetBalance', idempotency: Idempotency.NO_SIDE_EFFECTS }],
    },
    canary: { weightOwner: CanaryWeightOwner.ARGO_ROLLOUTS, headerRoutes: [{ header: 'x-canary' }] },
  },
  {
    id: 'canary-warmup',
    title: 'The canary subset ramps its new pods up over 60s and ejects faster, 2.5% of calls copied to it; DestinationRule applied before the VirtualService (sync waves)',
    service: {
      name: 'search',
      namespace: 'rollout',
      loadBalancer: LoadBalancer.ROUND_ROBIN,
      mirrors: [{ subset: 'canary', percent: 2.5 }],
      workload: { image: 'registry.example.com/search:1.4.0', version: 'v1' },
    },
    canary: {
      canaryWeight: 5,
      canaryWorkload: { image: 'registry.example.com/search:1.5.0', replicas: 1 },
      canaryTrafficPolicy: {
        warmup: { duration: Duration.seconds(60), minimumPercent: 10 },
        outlierDetection: { consecutiveGatewayErrors: 2, interval: Duration.seconds(5) },
      },
    },
  },
  {
    id: 'canary-grpc-analysis',
    title: 'Argo Rollouts and Flagger judge the canary on gRPC statuses (not HTTP 5xx) and p99 latency',
    service: {
      name: 'payments',
      namespace: 'billing',
      protoService: 'billing.v1.Payments',
      methods: [
        { name: 'GetPayment', idempotency: Idempotency.NO_SIDE_EFFECTS },
        { name: 'CreatePayment', idempotency: Idempotency.IDEMPOTENT },
      ],
    },
    canary: {
      weightOwner: CanaryWeightOwner.ARGO_ROLLOUTS,
      analysis: {
        controllers: [AnalysisController.ARGO_ROLLOUTS, AnalysisController.FLAGGER],
        failureStatuses: [
          GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED, GrpcStatus.INTERNAL,
          GrpcStatus.UNKNOWN, GrpcStatus.DATA_LOSS, GrpcStatus.RESOURCE_EXHAUSTED,
        ],
        maxErrorRatio: 0.005,
        maxP99Latency: Duration.millis(300),
        interval: Duration.minutes(2),
      },
    },
  },
  {
    id: 'gateway-api-mesh-canary',
    title: 'Gateway API (GAMMA): a GRPCRoute with the Service as parent, a rule per method, 90/10 between the users-stable and users-canary Services, x-canary header route, 5% mirrored to the canary',
    service: {
      name: 'users',
      namespace: 'gateway-mesh',
      protoService: 'users.v1.UserService',
      routingApi: RoutingApi.GATEWAY_API,
      // The mesh runs with meshConfig.defaultHttpRetryPolicy { attempts: 0 }: Gateway API routes carry no retry policy.
      meshDefaultRetriesDisabled: true,
      workload: { image: 'registry.example.com/users:1.0.0', version: 'v1' },
      methods: [
        { name: 'GetUser', idempotency: Idempotency.NO_SIDE_EFFECTS },
        { name: 'CreateUser', idempotency: Idempotency.NON_IDEMPOTENT },
      ],
      outlierDetection: { consecutive5xxErrors: 5, interval: Duration.seconds(10), baseEjectionTime: Duration.seconds(30) },
    },
    canary: {
      canaryWeight: 10,
      canaryWorkload: { image: 'registry.example.com/users:2.0.0' },
      headerRoutes: [{ header: 'x-canary' }],
      mirrorPercent: 5,
      steps: [10, 50, 100],
      canaryTrafficPolicy: { outlierDetection: { consecutive5xxErrors: 2, interval: Duration.seconds(5), baseEjectionTime: Duration.seconds(60) } },
    },
  },
];

/** One chart per canary scenario. */
export function buildCanaryScenarios(app: App): void {
  for (const scenario of CANARY_SCENARIOS) {
    const chart = new Chart(app, scenario.id);
    const service = new GrpcMeshService(chart, scenario.service.name, scenario.service);
    new GrpcCanary(chart, `${scenario.service.name}-canary`, { service, ...scenario.canary });
  }
}
