import { createHash } from 'crypto';
import type { k8s } from 'cdk8s-plus-28';
import { MeshServiceModel } from '../mesh-service-model';
import { GRPC_METHOD_LABEL, REQUESTS_TOTAL } from './istio-metrics';
import { quantileQuery, ratioQuery, selector, statusRegex, sumRate } from './promql';
import { MonitoringModel } from './resolve-monitoring';
import { managedLabels } from '../render/labels';

/** The label the Grafana sidecar (kiwigrid k8s-sidecar, Grafana's Helm chart) loads dashboards by. */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';
/** Grafana's range variable: at least four scrape intervals, whatever the zoom. */
const RATE_INTERVAL = '$__rate_interval';

/** One panel of the dashboard: a title, a unit and its PromQL targets. */
export interface DashboardPanel {
  readonly title: string;
  readonly description: string;
  readonly unit: string;
  readonly targets: readonly { readonly expr: string; readonly legendFormat: string }[];
}

/** Name of a service's dashboard ConfigMap. */
export function dashboardName(service: Pick<MeshServiceModel, 'name'>): string {
  return `${service.name}-grpc-dashboard`;
}

/** The panels: calls by method and status, error ratio, p50/p99, calls by version, response flags. */
export function dashboardPanels(service: MeshServiceModel, model: MonitoringModel): DashboardPanel[] {
  const matchers = { destination_service: service.fqdn };
  const scope = { matchers, window: RATE_INTERVAL };
  const method = model.perMethod ? [GRPC_METHOD_LABEL] : [];
  const methodLegend = model.perMethod ? `{{${GRPC_METHOD_LABEL}}} ` : '';
  return [
    {
      title: model.perMethod ? 'Calls per second by method and gRPC status' : 'Calls per second by gRPC status',
      description: model.perMethod ? 'Server side (reporter="destination").' : 'Server side (reporter="destination"). Set methodMetrics on the service for a per-method split.',
      unit: 'reqps',
      targets: [{ expr: sumRate(REQUESTS_TOTAL, selector(matchers), RATE_INTERVAL, [...method, 'grpc_response_status']), legendFormat: `${methodLegend}{{grpc_response_status}}` }],
    },
    {
      title: 'Error ratio',
      description: `Share of calls ending with gRPC status ${statusRegex(model.failureCodes)} (gRPC errors arrive as HTTP 200, so response_code does not show them); alert above ${model.maxErrorRatio}.`,
      unit: 'percentunit',
      targets: [{ expr: ratioQuery(scope, model.failureCodes, method), legendFormat: model.perMethod ? `{{${GRPC_METHOD_LABEL}}}` : 'error ratio' }],
    },
    {
      title: 'Latency p50 and p99',
      description: `From istio_request_duration_milliseconds; alert above ${model.maxP99LatencyMillis}ms at p99. Streaming calls count their whole stream.`,
      unit: 'ms',
      targets: [
        { expr: quantileQuery(scope, 0.5, method), legendFormat: `${methodLegend}p50` },
        { expr: quantileQuery(scope, 0.99, method), legendFormat: `${methodLegend}p99` },
      ],
    },
    {
      title: 'Calls per second by version',
      description: 'How a canary split lands (destination_version is the pods\' version label).',
      unit: 'reqps',
      targets: [{ expr: sumRate(REQUESTS_TOTAL, selector(matchers), RATE_INTERVAL, ['destination_version', 'grpc_response_status']), legendFormat: '{{destination_version}} {{grpc_response_status}}' }],
    },
    {
      title: 'Envoy response flags',
      description: 'Calls the proxy flagged (UH no healthy upstream, UF connect failure, UC/UR resets, DC downstream reset...); `istio-grpc flags` explains each. The access logs (accessLogs) hold the same flags per call.',
      unit: 'reqps',
      targets: [{ expr: sumRate(REQUESTS_TOTAL, selector(matchers, {}, { response_flags: '-' }), RATE_INTERVAL, ['response_flags']), legendFormat: '{{response_flags}}' }],
    },
  ];
}

/** A short stable id: Grafana uids hold at most 40 characters, and a service's FQDN can hold more. */
function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The Grafana dashboard model (JSON), one timeseries panel per `dashboardPanels` entry. */
export function renderDashboardJson(service: MeshServiceModel, model: MonitoringModel): Record<string, unknown> {
  const datasource = { type: 'prometheus', uid: '${datasource}' };
  return {
    title: `gRPC ${service.name}.${service.namespace}`,
    uid: `istio-grpc-${shortHash(service.fqdn)}`,
    tags: ['istio-grpc', 'grpc', 'istio'],
    schemaVersion: 39,
    editable: true,
    time: { from: 'now-3h', to: 'now' },
    templating: { list: [{ name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus' }] },
    panels: dashboardPanels(service, model).map((panel, i) => ({
      id: i + 1,
      type: 'timeseries',
      title: panel.title,
      description: panel.description,
      datasource,
      gridPos: { x: (i % 2) * 12, y: Math.floor(i / 2) * 8, w: 12, h: 8 },
      fieldConfig: { defaults: { unit: panel.unit }, overrides: [] },
      targets: panel.targets.map((t, j) => ({ refId: String.fromCharCode(65 + j), datasource, expr: t.expr, legendFormat: t.legendFormat })),
    })),
  };
}

/** The ConfigMap the Grafana sidecar loads (label `grafana_dashboard: "1"`). */
export function renderDashboardConfigMap(service: MeshServiceModel, model: MonitoringModel): k8s.KubeConfigMapProps {
  return {
    metadata: {
      name: dashboardName(service),
      namespace: model.dashboardNamespace,
      labels: { ...managedLabels(service.name), [GRAFANA_DASHBOARD_LABEL]: '1' },
    },
    data: { [`${service.name}-${service.namespace}-grpc.json`]: `${JSON.stringify(renderDashboardJson(service, model), null, 2)}\n` },
  };
}
