import { BUCKET_LABEL, GRPC_METHOD_LABEL, REQUEST_DURATION_BUCKET, REQUESTS_TOTAL } from './istio-metrics';

/**
 * PromQL text for the gRPC figures on Istio's standard metrics. Failures are counted by
 * `grpc_response_status` (gRPC errors arrive as HTTP 200), and every query reads the server
 * side (`reporter="destination"`), which sees each call once whatever client sent it.
 */

/** Label matchers; a value may hold a controller's template placeholder (`{{ target }}`). */
export type LabelMatchers = Readonly<Record<string, string>>;

/** What a query selects and over which window. */
export interface QueryScope {
  /** Equality matchers every series must carry (`reporter` is added). */
  readonly matchers: LabelMatchers;
  /** Range of `rate()`: a PromQL duration, or a controller placeholder such as `{{ interval }}`. */
  readonly window: string;
  /** Group by the `grpc_method` label and return the worst method's figure. */
  readonly perMethod: boolean;
}

/** A PromQL string literal (double-quoted, backslash and quote escaped). */
export function promString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** `{a="x",b=~"y",c!="z"}` with `reporter="destination"` first, then the matchers in the given order. */
export function selector(matchers: LabelMatchers, regexMatchers: LabelMatchers = {}, notMatchers: LabelMatchers = {}): string {
  const parts = [
    `reporter=${promString('destination')}`,
    ...Object.entries(matchers).map(([k, v]) => `${k}=${promString(v)}`),
    ...Object.entries(regexMatchers).map(([k, v]) => `${k}=~${promString(v)}`),
    ...Object.entries(notMatchers).map(([k, v]) => `${k}!=${promString(v)}`),
  ];
  return `{${parts.join(',')}}`;
}

/** A regex matching exactly the given numeric status codes, e.g. `2|4|14`. */
export function statusRegex(codes: readonly number[]): string {
  return [...new Set(codes)].sort((a, b) => a - b).join('|');
}

/** `sum by (...)(rate(metric{...}[window]))`. */
export function sumRate(metric: string, sel: string, window: string, by: readonly string[]): string {
  const grouping = by.length ? ` by (${by.join(', ')})` : '';
  return `sum${grouping}(rate(${metric}${sel}[${window}]))`;
}

/**
 * Share of calls (0-1) that ended with one of the failure statuses. Per method, the worst
 * method's share, so one broken method fails the check even when the others hide it.
 */
export function errorRatioQuery(scope: QueryScope, failureCodes: readonly number[]): string {
  const ratio = ratioQuery(scope, failureCodes, scope.perMethod ? [GRPC_METHOD_LABEL] : []);
  return scope.perMethod ? `max(\n${ratio}\n)` : ratio;
}

/** The failed share per group of `by` labels (one series per group). */
export function ratioQuery(scope: Pick<QueryScope, 'matchers' | 'window'>, failureCodes: readonly number[], by: readonly string[]): string {
  const failed = sumRate(REQUESTS_TOTAL, selector(scope.matchers, { grpc_response_status: statusRegex(failureCodes) }), scope.window, by);
  const all = sumRate(REQUESTS_TOTAL, selector(scope.matchers), scope.window, by);
  return `${failed}\n/\n${all}`;
}

/** A latency quantile in milliseconds (e.g. 0.99 for p99); per method, the slowest method's. */
export function latencyQuantileQuery(scope: QueryScope, quantile: number): string {
  const q = quantileQuery(scope, quantile, scope.perMethod ? [GRPC_METHOD_LABEL] : []);
  return scope.perMethod ? `max(${q})` : q;
}

/** A latency quantile in milliseconds per group of `by` labels. */
export function quantileQuery(scope: Pick<QueryScope, 'matchers' | 'window'>, quantile: number, by: readonly string[]): string {
  return `histogram_quantile(${quantile}, ${sumRate(REQUEST_DURATION_BUCKET, selector(scope.matchers), scope.window, [BUCKET_LABEL, ...by])})`;
}

/** A PromQL duration for a whole number of milliseconds (`90s`, `5m`, `250ms`). */
export function promDuration(ms: number): string {
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
