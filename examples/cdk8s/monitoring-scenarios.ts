import { App, Chart } from 'cdk8s';
import { Duration, GrpcMeshServiceProps, GrpcServiceMonitoringOptions, GrpcStatus, Idempotency } from '../../lib';
import { GrpcMeshService } from '../../lib/grpc-mesh-service';
import { GrpcServiceMonitoring } from '../../lib/grpc-service-monitoring';

/** A service and its alerts and dashboard; the same data feeds cdk8s, Pulumi and the tests. */
export interface MonitoringScenario {
  readonly id: string;
  readonly title: string;
  readonly service: GrpcMeshServiceProps;
  readonly monitoring: GrpcServiceMonitoringOptions;
}

export const MONITORING_SCENARIOS: readonly MonitoringScenario[] = [
  {
    id: 'monitoring-per-method',
    title: 'SLO alerts and a Grafana dashboard per method, on gRPC statuses (the grpc_method label from methodMetrics)',
    service: {
      name: 'orders',
      namespace: 'observe',
      protoService: 'shop.v1.Orders',
      methods: [
        { name: 'GetOrder', idempotency: Idempotency.NO_SIDE_EFFECTS },
        { name: 'PlaceOrder' },
      ],
      methodMetrics: true,
      accessLogs: true,
      workload: { image: 'registry.example.com/orders:1.0.0' },
    },
    monitoring: {
      failureStatuses: [GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED, GrpcStatus.INTERNAL, GrpcStatus.UNKNOWN, GrpcStatus.DATA_LOSS],
      maxErrorRatio: 0.005,
      maxP99Latency: Duration.millis(250),
      ruleLabels: { release: 'kube-prometheus-stack' },
    },
  },
];

/** One chart per monitoring scenario. */
export function buildMonitoringScenarios(app: App): void {
  for (const scenario of MONITORING_SCENARIOS) {
    const chart = new Chart(app, scenario.id);
    const service = new GrpcMeshService(chart, scenario.service.name, scenario.service);
    new GrpcServiceMonitoring(chart, `${scenario.service.name}-monitoring`, { service, ...scenario.monitoring });
  }
}
