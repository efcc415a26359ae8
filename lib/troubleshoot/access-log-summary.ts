import { AccessLogRecord } from './access-log-record';
import { findResponseFlag, isFailureFlag } from './flag-lookup';
import { ResponseFlagInfo } from './response-flags';

/** A count with its share of all requests, in percent (two decimals). */
export interface CountShare {
  readonly count: number;
  readonly percent: number;
}

/** Requests and failures through one upstream cluster or route. */
export interface FailureTally {
  readonly name: string;
  readonly requests: number;
  readonly failures: number;
  /** Failures as a percentage of this entry's requests. */
  readonly failurePercent: number;
}

/** One of the slowest requests. */
export interface SlowRequest {
  readonly durationMs: number;
  /** Line number in the input (1-based). */
  readonly line: number;
  readonly method?: string;
  readonly path?: string;
  readonly responseCode?: number;
  readonly responseFlags: readonly string[];
  readonly upstreamCluster?: string;
  readonly routeName?: string;
}

/** What `istio-grpc logs` reports about an access log. */
export interface AccessLogSummary {
  /** Lines read, including skipped and malformed ones. */
  readonly lines: number;
  /** Access-log records (requests or TCP connections). */
  readonly requests: number;
  /** Requests with a failure flag, a 5xx code or a non-OK gRPC status. */
  readonly failures: number;
  /** Records per encoding. */
  readonly formats: { readonly text: number; readonly json: number };
  /** Blank lines and the proxy's own log lines. */
  readonly skipped: number;
  /**
   * Lines in no format this tool reads, with the first few line numbers; `tooLong` of them were
   * over the line-length cap (counted, never held).
   */
  readonly malformed: { readonly count: number; readonly firstLines: readonly number[]; readonly tooLong: number };
  /** Requests without any response flag. */
  readonly withoutFlags: CountShare;
  /** Per flag, most frequent first. `known` is false for flags missing from the catalog. */
  readonly responseFlags: ReadonlyArray<CountShare & { readonly flag: string; readonly longName?: string; readonly known: boolean }>;
  /** gRPC statuses, when the format logs them (Istio's default text format does not). */
  readonly grpcStatus: {
    readonly present: boolean;
    readonly note?: string;
    readonly counts: ReadonlyArray<CountShare & { readonly status: string }>;
  };
  /** HTTP response codes, most frequent first (`0`: no response, or a TCP entry). */
  readonly httpCodes: ReadonlyArray<CountShare & { readonly code: string }>;
  /** Upstream clusters with the most failures. */
  readonly topUpstreamClusters: readonly FailureTally[];
  /** Routes with the most failures. */
  readonly topRoutes: readonly FailureTally[];
  /** The slowest requests, slowest first. */
  readonly slowest: readonly SlowRequest[];
  /** The catalog entry of every known flag seen, most frequent first. */
  readonly advice: readonly ResponseFlagInfo[];
}

/** Whether a record counts as a failure. */
export function isFailure(record: AccessLogRecord): boolean {
  if (record.responseCode !== undefined && record.responseCode >= 500) return true;
  if (record.grpcStatus !== undefined && !record.grpcStatus.startsWith('OK ')) return true;
  return record.responseFlags.some((f) => {
    const info = findResponseFlag(f);
    return info ? isFailureFlag(info) : true;
  });
}

/** Percent with two decimals; 0 for an empty total. */
export function percent(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 10000) / 100;
}

/** Message for logs whose format has no gRPC status. */
export const NO_GRPC_STATUS_NOTE = 'not in this format: Istio\'s default access log has no gRPC status. '
  + 'Add "grpc_status": "%GRPC_STATUS(SNAKE_STRING)%" to a JSON format (meshConfig.accessLogFormat) to see it.';
