import { AnalysisController, CanaryAnalysisProps } from './analysis-props';
import { PropChecker } from '../checks';
import { didYouMean } from '../did-you-mean';
import { Duration, renderDuration } from '../duration';
import { MeshServiceModel } from '../mesh-service-model';
import { DEFAULT_FAILURE_STATUSES, GRPC_STATUS_CODES, GrpcStatus } from '../observability/grpc-status';
import { listProp } from '../shape-checks';

/** Canary analysis with defaults applied and every prop checked. */
export interface CanaryAnalysisModel {
  readonly controllers: readonly AnalysisController[];
  readonly failureStatuses: readonly GrpcStatus[];
  /** The numeric codes of `failureStatuses`, as `grpc_response_status` holds them. */
  readonly failureCodes: readonly number[];
  readonly maxErrorRatio: number;
  readonly maxP99LatencyMillis: number;
  readonly intervalMillis: number;
  readonly prometheusAddress: string;
  readonly perMethod: boolean;
}

export const DEFAULT_PROMETHEUS_ADDRESS = 'http://prometheus.istio-system.svc:9090';
/** `rate()` needs two samples in its window; Prometheus's usual scrape interval is 15s. */
const MIN_INTERVAL_MILLIS = 30_000;
const MAX_INTERVAL_MILLIS = 24 * 3_600_000;

/** Checks the `analysis` prop of a canary against the service it judges. */
export function resolveAnalysis(check: PropChecker, service: MeshServiceModel, props: CanaryAnalysisProps): CanaryAnalysisModel {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) {
    check.fail('analysis', props, 'must be an object', 'e.g. { controllers: [AnalysisController.ARGO_ROLLOUTS] }');
  }
  const known = Object.values(AnalysisController) as string[];
  const controllers = listProp(check, 'analysis.controllers', props.controllers, '[AnalysisController.ARGO_ROLLOUTS]');
  if (controllers.length === 0) {
    check.fail('analysis.controllers', controllers, 'names no controller, so no analysis would be emitted', `list one or both of ${known.join(', ')}, or remove analysis`);
  }
  controllers.forEach((c, i) => {
    if (!known.includes(c)) check.fail(`analysis.controllers[${i}]`, c, `is not one of ${known.join(', ')}${didYouMean(String(c), known)}`, 'use an AnalysisController value');
    if (controllers.indexOf(c) !== i) check.fail(`analysis.controllers[${i}]`, c, 'is listed twice', 'list each controller once');
  });

  const statuses = props.failureStatuses === undefined ? DEFAULT_FAILURE_STATUSES
    : listProp(check, 'analysis.failureStatuses', props.failureStatuses, '[GrpcStatus.UNAVAILABLE, GrpcStatus.INTERNAL]');
  if (statuses.length === 0) {
    check.fail('analysis.failureStatuses', statuses, 'no status would count as a failure, so the canary could never fail the check', 'list the statuses that mean the server failed, or leave failureStatuses unset for the default set');
  }
  const names = Object.values(GrpcStatus) as string[];
  statuses.forEach((s, i) => {
    if (!names.includes(s)) check.fail(`analysis.failureStatuses[${i}]`, s, `is not a gRPC status${didYouMean(String(s), names)}`, 'use a GrpcStatus value, e.g. GrpcStatus.UNAVAILABLE');
    if (s === GrpcStatus.OK) check.fail(`analysis.failureStatuses[${i}]`, s, 'OK is the status of every successful call, so every call would count as failed', 'remove OK from failureStatuses');
  });

  const maxErrorRatio = props.maxErrorRatio ?? 0.01;
  if (typeof maxErrorRatio !== 'number' || !Number.isFinite(maxErrorRatio) || maxErrorRatio < 0 || maxErrorRatio >= 1) {
    check.fail('analysis.maxErrorRatio', maxErrorRatio, 'must be a share of calls from 0 up to (not including) 1; 1 would accept a canary that fails every call', 'e.g. 0.01 for at most 1% failed calls');
  }
  const maxP99 = durationMillis(check, 'analysis.maxP99Latency', props.maxP99Latency ?? Duration.millis(500), 1, MAX_INTERVAL_MILLIS);
  const interval = durationMillis(check, 'analysis.interval', props.interval ?? Duration.minutes(1), MIN_INTERVAL_MILLIS, MAX_INTERVAL_MILLIS);
  if (interval % 1000 !== 0) check.fail('analysis.interval', `${interval}ms`, 'the controllers take whole seconds', `use Duration.seconds(${Math.ceil(interval / 1000)})`);

  const prometheusAddress = props.prometheusAddress ?? DEFAULT_PROMETHEUS_ADDRESS;
  if (typeof prometheusAddress !== 'string' || !/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~/-]*)?$/.test(prometheusAddress)) {
    check.fail('analysis.prometheusAddress', prometheusAddress, 'must be an http(s) URL of a Prometheus server', `e.g. ${JSON.stringify(DEFAULT_PROMETHEUS_ADDRESS)}`);
  }

  const perMethod = props.perMethod ?? service.methodMetrics !== undefined;
  if (typeof perMethod !== 'boolean') check.fail('analysis.perMethod', perMethod, 'must be true or false', 'set perMethod: true to judge each method on its own');
  if (perMethod && service.methodMetrics === undefined) {
    check.fail('analysis.perMethod', perMethod, 'needs the method label on Istio\'s metrics, which the service does not add', 'set methodMetrics: true on the GrpcMeshService (see its cardinality note), or leave perMethod unset');
  }
  return {
    controllers,
    failureStatuses: statuses,
    failureCodes: statuses.map((s) => GRPC_STATUS_CODES[s]),
    maxErrorRatio,
    maxP99LatencyMillis: maxP99,
    intervalMillis: interval,
    prometheusAddress,
    perMethod,
  };
}

function durationMillis(check: PropChecker, field: string, value: Duration, minMillis: number, maxMillis: number): number {
  renderDuration(check.construct, field, value, { minMillis, maxMillis });
  return value.milliseconds;
}
