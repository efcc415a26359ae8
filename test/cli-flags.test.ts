import { PassThrough } from 'stream';
import { runCli } from '../lib/cli/program';
import { RESPONSE_FLAGS } from '../lib/troubleshoot/response-flags';

/** Runs the CLI with in-memory streams and returns the exit code and what it printed. */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await runCli(argv, { stdout, stderr, stdin: new PassThrough() });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('istio-grpc flags', () => {
  test('explains the given flags in text', async () => {
    // WHEN
    const r = await run(['flags', 'UO', 'ur']);
    // THEN
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^UO {2}UpstreamOverflow \(HTTP 503\)/);
    expect(r.stdout).toMatch(/connectionPool\.http2MaxRequests/);
    expect(r.stdout).toMatch(/UR {2}UpstreamRemoteReset/);
    expect(r.stdout).toMatch(/max_connection_age/);
    expect(r.stdout).not.toMatch(/^UH /m);
  });

  test('accepts long names and comma-joined log values', async () => {
    const r = await run(['flags', 'UpstreamRequestTimeout', 'UT,URX']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^UT /gm)).toHaveLength(1);
    expect(r.stdout).toMatch(/^URX /m);
  });

  test('lists every flag without arguments, as JSON with --format json', async () => {
    const r = await run(['flags', '--format', 'json']);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.map((f: { code: string }) => f.code)).toStrictEqual(RESPONSE_FLAGS.map((f) => f.code));
    expect(parsed.find((f: { code: string }) => f.code === 'UH').settings).toContain('workload.version (subset labels)');
  });

  test('an unknown flag exits 2 with a did-you-mean hint', async () => {
    const r = await run(['flags', 'UOX']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown response flag "UOX"\. Did you mean UO/);
  });

  test('an unknown flag with nothing close still exits 2 without a hint', async () => {
    const r = await run(['flags', 'QQQQQQQQ']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/Did you mean/);
  });

  test('rejects an unknown --format', async () => {
    const r = await run(['flags', '--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/yaml/);
  });
});
