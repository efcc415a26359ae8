import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { PROGRESS_MIN_BYTES, shouldShowProgress } from '../lib/cli/logs-command';
import { runCli } from '../lib/cli/program';
import { analyzeAccessLogStream } from '../lib/troubleshoot/access-log-stream';

const TEXT_LOG = path.join(__dirname, 'fixtures', 'access-logs', 'istio-text.txt');
const JSON_LOG = path.join(__dirname, 'fixtures', 'access-logs', 'istio-json.jsonl');

/** Runs the CLI with in-memory streams; `stdinText` is piped to standard input. */
async function run(argv: string[], stdinText?: string, stderrIsTty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: stderrIsTty });
  const stdin = new PassThrough();
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  if (stdinText !== undefined) stdin.end(stdinText);
  const code = await runCli(argv, { stdout, stderr, stdin });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('istio-grpc logs', () => {
  test('summarizes a text log file', async () => {
    const r = await run(['logs', TEXT_LOG]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Lines: {4}39 \(requests 34, skipped 3, malformed 2 \(first at lines 25, 31\)\)/);
    expect(r.stdout).toMatch(/^ {2}UO +UpstreamOverflow +1 +2\.94%$/m);
    expect(r.stdout).toMatch(/gRPC status\n {2}not in this format/);
    expect(r.stdout).toMatch(/Advice for the flags seen\n {2}UF {2}UpstreamConnectionFailure/);
    expect(r.stderr).toBe('');
  });

  test('--format json prints the summary as JSON, --top bounds the lists', async () => {
    const r = await run(['logs', JSON_LOG, '--format', 'json', '--top', '2']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.source).toBe(JSON_LOG);
    expect(summary.requests).toBe(34);
    expect(summary.slowest).toHaveLength(2);
    expect(summary.topRoutes).toHaveLength(2);
    expect(summary.grpcStatus.present).toBe(true);
  });

  test('reads standard input with - (or no file), e.g. kubectl logs piped in', async () => {
    const text = await fs.readFile(TEXT_LOG, 'utf8');
    const dash = await run(['logs', '-', '--format', 'json'], text);
    const none = await run(['logs', '--format', 'json'], text);
    expect(dash.code).toBe(0);
    expect(JSON.parse(dash.stdout)).toMatchObject({ source: 'standard input', requests: 34 });
    expect(JSON.parse(none.stdout).requests).toBe(34);
  });

  test('malformed lines are reported, never fatal', async () => {
    const r = await run(['logs', '-', '--format', 'json'], 'garbage\n\n{not json\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ requests: 0, skipped: 1, malformed: { count: 2, firstLines: [1, 3] } });
  });

  test('an unreadable file exits 2', async () => {
    const missing = await run(['logs', path.join(os.tmpdir(), 'istio-grpc-no-such-file.log')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*istio-grpc-no-such-file\.log: no such file/);
    const dir = await run(['logs', os.tmpdir()]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/it is a directory/);
  });

  test('rejects a bad --top', async () => {
    const r = await run(['logs', TEXT_LOG, '--top', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/whole number from 1 to 1000/);
  });

  test('no progress on a terminal for small files', async () => {
    const r = await run(['logs', TEXT_LOG], undefined, true);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  test('progress only on a terminal and for large files', () => {
    expect(shouldShowProgress(true, PROGRESS_MIN_BYTES)).toBe(true);
    expect(shouldShowProgress(true, PROGRESS_MIN_BYTES - 1)).toBe(false);
    expect(shouldShowProgress(false, 10 * PROGRESS_MIN_BYTES)).toBe(false);
    expect(shouldShowProgress(undefined, 10 * PROGRESS_MIN_BYTES)).toBe(false);
  });

  test('the stream analysis reports bytes read as it goes', async () => {
    const reports: number[] = [];
    const text = await fs.readFile(TEXT_LOG);
    const stream = new PassThrough();
    const done = analyzeAccessLogStream(stream, { onProgress: (b) => reports.push(b), progressIntervalMs: 0 });
    stream.write(text.subarray(0, 1000));
    stream.end(text.subarray(1000));
    await done;
    expect(reports.length).toBeGreaterThan(0);
    expect(reports[reports.length - 1]).toBe(text.length);
  });
});
