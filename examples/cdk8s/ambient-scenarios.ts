import { App, Chart } from 'cdk8s';
import {
  DataPlane, Duration, GrpcCanary, GrpcCanaryOptions, GrpcMeshService, GrpcMeshServiceProps, Idempotency, principalOf, RetryOn, StreamingKind,
} from '../../lib';

/** A service in ambient mode, optionally split by a canary; the same data feeds cdk8s, Pulumi and the parity tests. */
export interface AmbientScenario {
  readonly id: string;
  readonly title: string;
  readonly service: GrpcMeshServiceProps;
  readonly canary?: GrpcCanaryOptions;
}

/** Ambient mode with and without a waypoint, in a namespace labelled `istio.io/dataplane-mode=ambient`. */
export const AMBIENT_SCENARIOS: readonly AmbientScenario[] = [
  {
    id: 'ambient-l4',
    title: 'Ambient mode, L4 only: ztunnel mTLS and an L4 caller policy, no waypoint (calls balanced per connection: IGR5003)',
    service: {
      name: 'inventory',
      namespace: 'ambient',
      dataPlane: DataPlane.AMBIENT,
      allowedPrincipals: [principalOf('shop', 'checkout')],
      allowedNamespaces: ['ops'],
      workload: { image: 'registry.example.com/inventory:3.1.0' },
    },
  },
  {
    id: 'ambient-waypoint',
    title: 'Ambient mode with a waypoint: per-method timeouts, retries and callers at the waypoint, pods admitting only the waypoint, a 90/10 canary',
    service: {
      name: 'orders',
      namespace: 'ambient',
      dataPlane: DataPlane.AMBIENT,
      protoService: 'orders.v1.OrderService',
      timeout: Duration.seconds(5),
      methods: [
        { name: 'GetOrder', idempotency: Idempotency.NO_SIDE_EFFECTS, retries: { attempts: 3, retryOn: [RetryOn.UNAVAILABLE] } },
        { name: 'PlaceOrder', idempotency: Idempotency.NON_IDEMPOTENT, allowedPrincipals: [principalOf('shop', 'checkout')] },
        { name: 'WatchOrders', streaming: StreamingKind.SERVER },
      ],
      allowedNamespaces: ['shop', 'ops'],
      accessLogs: true,
      workload: { image: 'registry.example.com/orders:1.0.0', version: 'v1' },
    },
    canary: {
      canaryWeight: 10,
      canaryWorkload: { image: 'registry.example.com/orders:1.1.0' },
      steps: [10, 50, 100],
    },
  },
];

/** One chart per ambient scenario. */
export function buildAmbientScenarios(app: App): void {
  for (const scenario of AMBIENT_SCENARIOS) {
    const chart = new Chart(app, scenario.id);
    const service = new GrpcMeshService(chart, scenario.service.name, scenario.service);
    if (scenario.canary) new GrpcCanary(chart, `${scenario.service.name}-canary`, { service, ...scenario.canary });
  }
}
