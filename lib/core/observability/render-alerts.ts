import * as monitoring from '../../../imports/monitoring.coreos.com';
import { MeshServiceModel } from '../mesh-service-model';
import { GRPC_METHOD_LABEL, REQUESTS_TOTAL } from './istio-metrics';
import { promDuration, QueryScope, quantileQuery, ratioQuery, selector, statusRegex } from './promql';
import { MonitoringModel } from './resolve-monitoring';
import { objectMeta } from '../render/labels';

/** Name of a service's PrometheusRule. */
export function alertsName(service: Pick<MeshServiceModel, 'name'>): string {
  return `${service.name}-grpc-slo`;
}

/** The server-side series of one service, over the alert window. */
export function serviceScope(service: MeshServiceModel, windowMillis: number, perMethod: boolean): QueryScope {
  return { matchers: { destination_service: service.fqdn }, window: promDuration(windowMillis), perMethod };
}

/**
 * Share of calls per failure status (and per method with the method label): which status is
 * behind an error spike is what the on-call engineer needs first.
 */
export function errorRatioByStatusQuery(service: MeshServiceModel, model: MonitoringModel): string {
  const window = promDuration(model.windowMillis);
  const by = model.perMethod ? [GRPC_METHOD_LABEL] : [];
  const failed = `sum by (${[...by, 'grpc_response_status'].join(', ')})(rate(${REQUESTS_TOTAL}${selector({ destination_service: service.fqdn }, { grpc_response_status: statusRegex(model.failureCodes) })}[${window}]))`;
  const all = `sum${by.length ? ` by (${by.join(', ')})` : ''}(rate(${REQUESTS_TOTAL}${selector({ destination_service: service.fqdn })}[${window}]))`;
  return `${failed}\n/ ignoring(grpc_response_status) group_left\n${all}`;
}

/** The PrometheusRule: total error ratio, error ratio by status, p99 latency. */
export function renderAlerts(service: MeshServiceModel, model: MonitoringModel): monitoring.PrometheusRuleProps {
  const scope = serviceScope(service, model.windowMillis, false);
  // Per method, each method's series alerts on its own (no max(): the alert's labels name the method).
  const by = model.perMethod ? [GRPC_METHOD_LABEL] : [];
  const ratio = ratioQuery(scope, model.failureCodes, by);
  const latency = quantileQuery(scope, 0.99, by);
  const meta = objectMeta(alertsName(service), service.namespace, service.name);
  const labels = { severity: 'warning', service: service.name, namespace: service.namespace };
  const forDuration = promDuration(model.alertForMillis);
  // 0.07 * 100 is 7.000000000000001 in floating point: print at most 6 significant digits.
  const percent = `${Number((model.maxErrorRatio * 100).toPrecision(6))}%`;
  const where = `${service.name}.${service.namespace}${model.perMethod ? ' {{ $labels.grpc_method }}' : ''}`;
  return {
    metadata: { ...meta, labels: { ...meta.labels, ...model.ruleLabels } },
    spec: {
      groups: [{
        name: `${service.name}.${service.namespace}.grpc-slo`,
        rules: [
          {
            alert: 'GrpcErrorRatioHigh',
            expr: `(\n${ratio}\n) > ${model.maxErrorRatio}`,
            for: forDuration,
            labels,
            annotations: {
              summary: `gRPC calls to ${where} fail above ${percent}`,
              description: `{{ $value | humanizePercentage }} of calls ended with gRPC status ${statusRegex(model.failureCodes)} over ${scope.window}.`,
            },
          },
          {
            alert: 'GrpcErrorRatioByStatusHigh',
            expr: `(\n${errorRatioByStatusQuery(service, model)}\n) > ${model.maxErrorRatio}`,
            for: forDuration,
            labels,
            annotations: {
              summary: `gRPC status {{ $labels.grpc_response_status }} on ${where} above ${percent}`,
              description: `{{ $value | humanizePercentage }} of calls ended with gRPC status {{ $labels.grpc_response_status }} over ${scope.window}.`,
            },
          },
          {
            alert: 'GrpcLatencyP99High',
            expr: `${latency} > ${model.maxP99LatencyMillis}`,
            for: forDuration,
            labels,
            annotations: {
              summary: `p99 latency of ${where} above ${model.maxP99LatencyMillis}ms`,
              description: `p99 is {{ $value }}ms over ${scope.window} (streaming calls count their whole stream).`,
            },
          },
        ],
      }],
    },
  };
}
