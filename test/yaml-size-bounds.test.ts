import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PassThrough } from 'stream';
import { runCli } from '../lib/cli/program';

/** Runs the CLI in a child process and reports its exit code, stderr and peak memory. */
function runChild(argv: string[]): Promise<{ code: number; stdout: string; stderr: string; maxRssMiB: number }> {
  const script = [
    "const { runCli } = require('./lib/cli/program');",
    `runCli(${JSON.stringify(argv)}).then((code) => {`,
    "  process.stderr.write('\\nmaxRSS=' + process.resourceUsage().maxRSS + '\\n');",
    '  process.exitCode = code;',
    '});',
  ].join('\n');
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(__dirname, '..'), maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const rss = /maxRSS=(\d+)/.exec(stderr);
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr, maxRssMiB: rss ? Number(rss[1]) / 1024 : Infinity });
    });
  });
}

async function runInProcess(argv: string[]) {
  const err: string[] = [];
  const stderr = new PassThrough();
  stderr.on('data', (d) => err.push(String(d)));
  const code = await runCli(argv, { stdout: new PassThrough(), stderr, stdin: new PassThrough() });
  return { code, stderr: err.join('') };
}

describe('input size bounds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yaml-size-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a 48 MiB flow sequence is refused early with exit 2, in well under 1 GiB', async () => {
    // GIVEN one document that is a single 48 MiB flow sequence (it used to take GBs and abort V8)
    const file = join(dir, 'huge-flow.yaml');
    writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {k: [${'1,'.repeat(24 * 1024 * 1024)}1]}\n`);
    // WHEN linted in a fresh process
    const run = await runChild(['lint', file]);
    // THEN a clear refusal, and memory stays bounded
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/huge-flow\.yaml:1:1: a document larger than the 4\.0 MiB lint reads/);
    expect(run.maxRssMiB).toBeLessThan(1024);
  }, 120_000);

  test('a document just under the limit is read in under 1 GiB', async () => {
    const file = join(dir, 'large-flow.yaml');
    writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {k: [${'1,'.repeat(1_900_000)}1]}\n`);
    const run = await runChild(['lint', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 object: 0 errors/m);
    expect(run.maxRssMiB).toBeLessThan(1024);
  }, 120_000);

  describe('150,000 documents do not overflow the stack', () => {
    const file = join(dir, 'many.yaml');
    beforeAll(() => {
      writeFileSync(file, Array.from({ length: 150_000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join('---\n'));
    });

    test('in lint', async () => {
      const run = await runInProcess(['lint', '--format', 'json', file]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }, 120_000);

    test('in runbook', async () => {
      const run = await runInProcess(['runbook', file]);
      // No gRPC Service among them: exit 1 with the explanation, not a RangeError.
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^istio-grpc runbook: no gRPC Service in the manifests/);
    }, 120_000);
  });
});
