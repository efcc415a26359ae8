import { Duration } from '../duration';
import { GrpcStatus } from './grpc-status';

/**
 * SLO alerts (a prometheus-operator PrometheusRule) and a Grafana dashboard (a ConfigMap the
 * Grafana sidecar loads) for one GrpcMeshService, on Istio's standard metrics, judged by gRPC
 * status. With the service's `methodMetrics`, figures and alerts are per method.
 */
export interface GrpcServiceMonitoringOptions {
  /**
   * Emit the PrometheusRule with the error-ratio and latency alerts.
   * @default true
   */
  readonly alerts?: boolean;
  /**
   * Emit the Grafana dashboard ConfigMap (labelled `grafana_dashboard: "1"`).
   * @default true
   */
  readonly dashboard?: boolean;
  /**
   * gRPC statuses that count as failed calls.
   * @default UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS
   */
  readonly failureStatuses?: GrpcStatus[];
  /**
   * Error ratio (0-1) above which the error alerts fire.
   * @default 0.01
   */
  readonly maxErrorRatio?: number;
  /**
   * p99 latency above which the latency alert fires.
   * @default Duration.millis(500)
   */
  readonly maxP99Latency?: Duration;
  /**
   * Window of the alerts' rates (at least 30s).
   * @default Duration.minutes(5)
   */
  readonly window?: Duration;
  /**
   * How long a condition must hold before its alert fires.
   * @default Duration.minutes(5)
   */
  readonly alertFor?: Duration;
  /**
   * Labels on the PrometheusRule, e.g. `{ release: "kube-prometheus-stack" }` to match the
   * Prometheus `ruleSelector`.
   * @default - none
   */
  readonly ruleLabels?: Record<string, string>;
  /**
   * Namespace of the dashboard ConfigMap (where the Grafana sidecar looks).
   * @default - the service's namespace
   */
  readonly dashboardNamespace?: string;
}
