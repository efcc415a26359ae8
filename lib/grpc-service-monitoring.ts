import type { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { validateOnSynth } from './chart-validation';
import { PrometheusRule } from '../imports/monitoring.coreos.com';
import { GrpcServiceMonitoringOptions } from './core/observability/monitoring-props';
import { renderAlerts } from './core/observability/render-alerts';
import { renderDashboardConfigMap, renderDashboardJson } from './core/observability/render-dashboard';
import { MonitoringModel, resolveMonitoring } from './core/observability/resolve-monitoring';
import { requireService } from './grpc-canary';
import { GrpcMeshService } from './grpc-mesh-service';
import { k8sClasses } from './k8s-classes';

/** Props of a GrpcServiceMonitoring: the service to watch, and the SLO thresholds. */
export interface GrpcServiceMonitoringProps extends GrpcServiceMonitoringOptions {
  /** The service whose calls the alerts and dashboard watch. */
  readonly service: GrpcMeshService;
}

/**
 * SLO alerts and a Grafana dashboard for a GrpcMeshService, on Istio's standard metrics and
 * judged by gRPC status (gRPC errors arrive as HTTP 200): a prometheus-operator PrometheusRule
 * (error ratio, error ratio by status, p99 latency) and a ConfigMap labelled
 * `grafana_dashboard: "1"` for the Grafana sidecar (calls by method and status, error ratio,
 * p50/p99, calls by version, Envoy response flags). Per method when the service sets
 * `methodMetrics`.
 *
 * @example
 * const users = new GrpcMeshService(chart, 'users', { name: 'users', methods: [...], methodMetrics: true });
 * new GrpcServiceMonitoring(chart, 'users-monitoring', { service: users, ruleLabels: { release: 'kube-prometheus-stack' } });
 */
export class GrpcServiceMonitoring extends Construct {
  /** The PrometheusRule with the alerts (unless `alerts: false`). */
  public readonly prometheusRule?: PrometheusRule;
  /** The dashboard ConfigMap (unless `dashboard: false`). */
  public readonly dashboard?: k8s.KubeConfigMap;
  private readonly model: MonitoringModel;
  private readonly service: GrpcMeshService;

  constructor(scope: Construct, id: string, props: GrpcServiceMonitoringProps) {
    super(scope, id);
    requireService(this.node.path, props?.service);
    this.service = props.service;
    this.model = resolveMonitoring(this.node.path, props.service._model, props);
    if (this.model.alerts) this.prometheusRule = new PrometheusRule(this, 'PrometheusRule', renderAlerts(props.service._model, this.model));
    if (this.model.dashboard) this.dashboard = new k8sClasses.KubeConfigMap(this, 'Dashboard', renderDashboardConfigMap(props.service._model, this.model));
    validateOnSynth(this);
  }

  /** The Grafana dashboard model as JSON text (what the ConfigMap holds), e.g. to import by hand. */
  public dashboardJson(): string {
    return JSON.stringify(renderDashboardJson(this.service._model, this.model), null, 2);
  }
}
