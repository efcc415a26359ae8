import { DEFAULT_FAILURE_STATUSES, GRPC_STATUS_CODES, GrpcStatus } from './grpc-status';
import { GrpcServiceMonitoringOptions } from './monitoring-props';
import { PropChecker } from '../checks';
import { didYouMean } from '../did-you-mean';
import { Duration, renderDuration } from '../duration';
import { MeshServiceModel } from '../mesh-service-model';
import { checkPropsShape } from '../props-shape';
import { MONITORING_SHAPE } from '../props-shapes';
import { isRecord, listProp } from '../shape-checks';

/** Monitoring options with defaults applied and checked. */
export interface MonitoringModel {
  readonly alerts: boolean;
  readonly dashboard: boolean;
  readonly failureCodes: readonly number[];
  readonly maxErrorRatio: number;
  readonly maxP99LatencyMillis: number;
  readonly windowMillis: number;
  readonly alertForMillis: number;
  readonly ruleLabels: Readonly<Record<string, string>>;
  readonly dashboardNamespace: string;
  /** Group by `grpc_method`: the service adds the label (`methodMetrics`). */
  readonly perMethod: boolean;
}

const DAY = 24 * 3_600_000;

/** Checks the monitoring options of a service. */
export function resolveMonitoring(constructPath: string, service: MeshServiceModel, options: GrpcServiceMonitoringOptions): MonitoringModel {
  const check = new PropChecker(constructPath);
  checkPropsShape(constructPath, options, MONITORING_SHAPE);
  if (!isRecord(options)) check.fail('props', options, 'props are required', 'pass at least { service }');
  const flag = (field: 'alerts' | 'dashboard') => {
    const value = options[field] ?? true;
    if (typeof value !== 'boolean') check.fail(field, value, 'must be true or false', `set ${field}: false to leave it out`);
    return value;
  };
  const alerts = flag('alerts');
  const dashboard = flag('dashboard');
  if (!alerts && !dashboard) check.fail('alerts', false, 'with dashboard: false too, nothing would be emitted', 'keep one of alerts and dashboard, or remove the construct');
  const statuses = options.failureStatuses === undefined ? DEFAULT_FAILURE_STATUSES : listProp(check, 'failureStatuses', options.failureStatuses, '[GrpcStatus.UNAVAILABLE]');
  if (statuses.length === 0) check.fail('failureStatuses', statuses, 'no status would count as a failure, so the error alerts could never fire', 'list the failure statuses, or leave failureStatuses unset');
  const names = Object.values(GrpcStatus) as string[];
  statuses.forEach((s, i) => {
    if (!names.includes(s)) check.fail(`failureStatuses[${i}]`, s, `is not a gRPC status${didYouMean(String(s), names)}`, 'use a GrpcStatus value');
    if (s === GrpcStatus.OK) check.fail(`failureStatuses[${i}]`, s, 'OK is the status of every successful call', 'remove OK from failureStatuses');
  });
  const maxErrorRatio = options.maxErrorRatio ?? 0.01;
  if (typeof maxErrorRatio !== 'number' || !Number.isFinite(maxErrorRatio) || maxErrorRatio <= 0 || maxErrorRatio >= 1) {
    check.fail('maxErrorRatio', maxErrorRatio, 'must be a share of calls above 0 and below 1 (0 would alert on the first failed call)', 'e.g. 0.01 for 1%');
  }
  const millis = (field: string, value: Duration, min: number) => {
    renderDuration(constructPath, field, value, { minMillis: min, maxMillis: DAY });
    if (value.milliseconds % 1000 !== 0) check.fail(field, `${value.milliseconds}ms`, 'Prometheus rules take whole seconds here', `use Duration.seconds(${Math.ceil(value.milliseconds / 1000)})`);
    return value.milliseconds;
  };
  const ruleLabels = options.ruleLabels === undefined ? {} : check.labels('ruleLabels', options.ruleLabels);
  const dashboardNamespace = check.dnsLabel('dashboardNamespace', options.dashboardNamespace ?? service.namespace);
  const maxP99 = options.maxP99Latency ?? Duration.millis(500);
  renderDuration(constructPath, 'maxP99Latency', maxP99, { minMillis: 1, maxMillis: DAY });
  return {
    alerts,
    dashboard,
    failureCodes: statuses.map((s) => GRPC_STATUS_CODES[s]),
    maxErrorRatio,
    maxP99LatencyMillis: maxP99.milliseconds,
    windowMillis: millis('window', options.window ?? Duration.minutes(5), 30_000),
    alertForMillis: millis('alertFor', options.alertFor ?? Duration.minutes(5), 0),
    ruleLabels,
    dashboardNamespace,
    perMethod: service.methodMetrics !== undefined,
  };
}
