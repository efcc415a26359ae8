import * as telemetry from '../../../imports/telemetry.istio.io';
import { PropChecker } from '../checks';
import { MeshServiceModel, RouteModel } from '../mesh-service-model';
import { GRPC_METHOD_LABEL, OTHER_METHOD } from './istio-metrics';

/** Checks `methodMetrics` and returns the method paths the label may hold. */
export function resolveMethodMetrics(
  check: PropChecker, enabled: boolean | undefined, routes: readonly RouteModel[],
): { methodMetrics?: { paths: string[] } } {
  if (enabled === undefined || enabled === false) return {};
  if (enabled !== true) check.fail('methodMetrics', enabled, 'must be true or false', 'set methodMetrics: true to add the grpc_method label');
  const paths = routes.flatMap((r) => (r.methodPath ? [r.methodPath] : []));
  if (paths.length === 0) {
    check.fail('methodMetrics', enabled, 'the label takes its values from the declared methods, and the service declares none (the raw path would let any caller add series without bound)',
      'declare the service\'s methods (methods: [...], or GrpcMeshService.fromProto), or leave methodMetrics unset');
  }
  return { methodMetrics: { paths } };
}

/**
 * The CEL expression of the `grpc_method` tag: the request path when it is a declared method,
 * `other` otherwise, so the label's values are bounded by the service's own method list.
 */
export function methodTagExpression(paths: readonly string[]): string {
  const list = paths.map((p) => `'${p.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ');
  return `request.url_path in [${list}] ? request.url_path : '${OTHER_METHOD}'`;
}

/**
 * The Telemetry `metrics` entry adding `grpc_method` to the request count and duration metrics
 * reported by the service's own proxies (server side, `reporter="destination"`).
 */
export function methodMetricsTelemetry(model: MeshServiceModel): telemetry.TelemetrySpecMetrics[] | undefined {
  if (!model.methodMetrics) return undefined;
  const tagOverrides = {
    [GRPC_METHOD_LABEL]: {
      operation: telemetry.TelemetrySpecMetricsOverridesTagOverridesOperation.UPSERT,
      value: methodTagExpression(model.methodMetrics.paths),
    },
  };
  const override = (metric: telemetry.TelemetrySpecMetricsOverridesMatchMetric) => ({
    match: { metric, mode: telemetry.TelemetrySpecMetricsOverridesMatchMode.SERVER },
    tagOverrides,
  });
  // No providers: the override applies to the mesh's default metrics provider (Prometheus).
  return [{
    overrides: [
      override(telemetry.TelemetrySpecMetricsOverridesMatchMetric.REQUEST_UNDERSCORE_COUNT),
      override(telemetry.TelemetrySpecMetricsOverridesMatchMetric.REQUEST_UNDERSCORE_DURATION),
    ],
  }];
}
