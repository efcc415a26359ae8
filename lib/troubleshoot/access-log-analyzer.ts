import { parseAccessLogLine } from './access-log-parse';
import { AccessLogRecord } from './access-log-record';
import {
  AccessLogSummary, FailureTally, isFailure, NO_GRPC_STATUS_NOTE, percent, SlowRequest,
} from './access-log-summary';
import { BoundedCounter, TopN } from './bounded';
import { findResponseFlag } from './flag-lookup';
import { ResponseFlagInfo } from './response-flags';

/** Options of the analysis. */
export interface AccessLogAnalyzerOptions {
  /**
   * How many slowest requests, clusters and routes to report.
   * @default 10
   */
  readonly top?: number;
  /**
   * How many malformed line numbers to remember.
   * @default 5
   */
  readonly malformedSamples?: number;
  /**
   * Distinct clusters, routes, codes and flags tracked before the rest is counted as `(other)`.
   * @default 1000
   */
  readonly maxKeys?: number;
}

interface Tally { requests: number; failures: number }

/**
 * Summarizes an access log one line at a time in bounded memory: counters per key are capped
 * and only the `top` slowest requests are kept, so a 1 GB log costs what a small one does.
 */
export class AccessLogAnalyzer {
  private lines = 0;
  private requests = 0;
  private failures = 0;
  private skipped = 0;
  private malformed = 0;
  private overlong = 0;
  private withoutFlags = 0;
  private readonly formats = { text: 0, json: 0 };
  private readonly malformedLines: number[] = [];
  private readonly flags: BoundedCounter<{ n: number }>;
  private readonly grpc: BoundedCounter<{ n: number }>;
  private readonly codes: BoundedCounter<{ n: number }>;
  private readonly clusters: BoundedCounter<Tally>;
  private readonly routes: BoundedCounter<Tally>;
  private readonly slow: TopN<SlowRequest>;
  private readonly top: number;
  private readonly malformedSamples: number;

  constructor(options: AccessLogAnalyzerOptions = {}) {
    this.top = options.top ?? 10;
    this.malformedSamples = options.malformedSamples ?? 5;
    const maxKeys = options.maxKeys ?? 1000;
    const count = () => ({ n: 0 });
    const tally = () => ({ requests: 0, failures: 0 });
    this.flags = new BoundedCounter(maxKeys, count);
    this.grpc = new BoundedCounter(maxKeys, count);
    this.codes = new BoundedCounter(maxKeys, count);
    this.clusters = new BoundedCounter(maxKeys, tally);
    this.routes = new BoundedCounter(maxKeys, tally);
    this.slow = new TopN(this.top, (r) => r.durationMs);
  }

  /** Reads the next line of the log. */
  public addLine(line: string): void {
    this.lines++;
    const classified = parseAccessLogLine(line);
    if (classified.kind === 'skipped') {
      this.skipped++;
    } else if (classified.kind === 'malformed') {
      this.countMalformed();
    } else {
      this.addRecord(classified.record);
    }
  }

  /** Counts a line too long to read (its text was never held) as malformed. */
  public addOverlongLine(): void {
    this.lines++;
    this.overlong++;
    this.countMalformed();
  }

  private countMalformed(): void {
    this.malformed++;
    if (this.malformedLines.length < this.malformedSamples) this.malformedLines.push(this.lines);
  }

  private addRecord(record: AccessLogRecord): void {
    this.requests++;
    this.formats[record.format]++;
    const failed = isFailure(record);
    if (failed) this.failures++;
    if (record.responseFlags.length === 0) this.withoutFlags++;
    // `UF,UF,UF` is one request with flag UF: each flag counts once per request.
    const flags = new Set(record.responseFlags.map((flag) => findResponseFlag(flag)?.code ?? flag));
    for (const flag of flags) this.flags.get(flag).n++;
    if (record.grpcStatus !== undefined) this.grpc.get(record.grpcStatus).n++;
    this.codes.get(record.responseCode === undefined ? '-' : String(record.responseCode)).n++;
    tallyInto(this.clusters.get(record.upstreamCluster ?? '-'), failed);
    tallyInto(this.routes.get(record.routeName ?? '-'), failed);
    if (record.durationMs !== undefined && this.slow.accepts(record.durationMs)) {
      this.slow.offer({
        durationMs: record.durationMs,
        line: this.lines,
        method: record.method,
        path: record.path,
        responseCode: record.responseCode,
        responseFlags: record.responseFlags,
        upstreamCluster: record.upstreamCluster,
        routeName: record.routeName,
      });
    }
  }

  /** The summary of everything read so far. */
  public summary(): AccessLogSummary {
    const total = this.requests;
    const flagCounts = this.flags.all().sort(byCountThenKey);
    const grpcCounts = this.grpc.all().sort(byCountThenKey);
    const advice = flagCounts.map(([flag]) => findResponseFlag(flag)).filter((f): f is ResponseFlagInfo => f !== undefined);
    return {
      lines: this.lines,
      requests: total,
      failures: this.failures,
      formats: { ...this.formats },
      skipped: this.skipped,
      malformed: { count: this.malformed, firstLines: [...this.malformedLines], tooLong: this.overlong },
      withoutFlags: { count: this.withoutFlags, percent: percent(this.withoutFlags, total) },
      responseFlags: flagCounts.map(([flag, { n }]) => {
        const info = findResponseFlag(flag);
        return { flag, ...(info ? { longName: info.longName } : {}), known: info !== undefined, count: n, percent: percent(n, total) };
      }),
      grpcStatus: {
        present: grpcCounts.length > 0,
        ...(grpcCounts.length > 0 ? {} : { note: NO_GRPC_STATUS_NOTE }),
        counts: grpcCounts.map(([status, { n }]) => ({ status, count: n, percent: percent(n, total) })),
      },
      httpCodes: this.codes.all().sort(byCountThenKey).map(([code, { n }]) => ({ code, count: n, percent: percent(n, total) })),
      topUpstreamClusters: topByFailures(this.clusters.all(), this.top),
      topRoutes: topByFailures(this.routes.all(), this.top),
      slowest: this.slow.sorted(),
      advice,
    };
  }
}

function tallyInto(t: Tally, failed: boolean): void {
  t.requests++;
  if (failed) t.failures++;
}

function byCountThenKey(a: [string, { n: number }], b: [string, { n: number }]): number {
  return b[1].n - a[1].n || a[0].localeCompare(b[0]);
}

function topByFailures(entries: Array<[string, Tally]>, top: number): FailureTally[] {
  return entries
    .filter(([, t]) => t.failures > 0)
    .sort((a, b) => b[1].failures - a[1].failures || b[1].requests - a[1].requests || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([name, t]) => ({ name, requests: t.requests, failures: t.failures, failurePercent: percent(t.failures, t.requests) }));
}
