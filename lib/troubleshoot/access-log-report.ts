import { AccessLogSummary, FailureTally, percent } from './access-log-summary';
import { MAX_LINE_BYTES } from './bounded-lines';
import { explainFlagText } from './flag-explain';
import { printable as printableText } from '../core/printable';

/** Log values are cut to this many characters in the report (cluster names of valid hosts stay whole). */
const FIELD_CHARS = 400;
const printable = (text: string) => printableText(text, FIELD_CHARS);

/**
 * Renders a summary as the plain-text report `istio-grpc logs` prints. Every value from the log
 * (flags, statuses, clusters, routes, paths) and the source name is cut and has its control
 * characters escaped, so a log line cannot drive the terminal.
 */
export function renderAccessLogReport(s: AccessLogSummary, source = 'input'): string {
  const out: string[] = [];
  const tooLong = s.malformed.tooLong ? `${s.malformed.tooLong} over ${MAX_LINE_BYTES / 1024 / 1024} MiB; ` : '';
  const malformed = s.malformed.count
    ? `, malformed ${s.malformed.count} (${tooLong}first at line${s.malformed.firstLines.length > 1 ? 's' : ''} ${s.malformed.firstLines.join(', ')})`
    : ', malformed 0';
  out.push(`Access log summary: ${printable(source)}`);
  out.push(`  Lines:    ${s.lines} (requests ${s.requests}, skipped ${s.skipped}${malformed})`);
  out.push(`  Formats:  text ${s.formats.text}, json ${s.formats.json}`);
  out.push(`  Failures: ${s.failures} (${percent(s.failures, s.requests)}%)`);

  out.push('', 'Response flags');
  const flagWidth = Math.max(4, ...s.responseFlags.map((f) => printable(f.flag).length));
  const nameWidth = Math.max(8, ...s.responseFlags.map((f) => (f.longName ?? '(unknown flag)').length));
  for (const f of s.responseFlags) {
    out.push(`  ${printable(f.flag).padEnd(flagWidth)}  ${(f.longName ?? '(unknown flag)').padEnd(nameWidth)}  ${count(f.count, f.percent)}`);
  }
  out.push(`  ${'-'.padEnd(flagWidth)}  ${'(no flag)'.padEnd(nameWidth)}  ${count(s.withoutFlags.count, s.withoutFlags.percent)}`);

  out.push('', 'gRPC status');
  if (!s.grpcStatus.present) out.push(`  ${s.grpcStatus.note}`);
  for (const g of s.grpcStatus.counts) out.push(`  ${printable(g.status).padEnd(24)}  ${count(g.count, g.percent)}`);

  out.push('', 'HTTP response codes');
  for (const c of s.httpCodes) out.push(`  ${printable(c.code).padEnd(4)}  ${count(c.count, c.percent)}`);

  out.push('', 'Top upstream clusters by failures', ...tallies(s.topUpstreamClusters));
  out.push('', 'Top routes by failures', ...tallies(s.topRoutes));

  out.push('', 'Slowest requests');
  if (s.slowest.length === 0) out.push('  (no durations)');
  for (const r of s.slowest) {
    const flags = r.responseFlags.length ? printable(r.responseFlags.join(',')) : '-';
    const request = printable([r.method, r.path].filter((x) => x !== undefined).join(' ')) || '-';
    out.push(`  ${`${r.durationMs} ms`.padStart(10)}  line ${r.line}  ${request}  ${r.responseCode ?? '-'} ${flags}  ${printable(r.upstreamCluster ?? '-')}`);
  }

  out.push('', 'Advice for the flags seen');
  if (s.advice.length === 0) out.push('  No response flags: Envoy saw no proxy-side failure.');
  const text = out.join('\n') + '\n';
  const unknown = s.responseFlags.filter((f) => !f.known).map((f) => `  ${printable(f.flag)}: not a flag this tool knows (a custom or newer Envoy flag).\n`);
  return text + s.advice.map((f) => explainFlagText(f, '  ')).join('\n') + unknown.join('');
}

function count(n: number, pct: number): string {
  return `${String(n).padStart(8)}  ${pct.toFixed(2).padStart(6)}%`;
}

function tallies(list: readonly FailureTally[]): string[] {
  if (list.length === 0) return ['  (no failures)'];
  return list.map((t) => `  ${printable(t.name)}  failures ${t.failures}/${t.requests} (${t.failurePercent}%)`);
}
