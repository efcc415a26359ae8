import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable } from 'stream';
import { CliRun, contractViolation, runWithStdin } from './cli-run';
import { Rand } from './mutate';
import { hasControlChars } from '../../lib/core/printable';
import { analyzeAccessLogStream } from '../../lib/troubleshoot/access-log-stream';

/** Characters an attacker puts in names, kinds, keys and log fields to drive a terminal or fake output. */
const NASTY = [
  '\x1b]0;pwned\x07', '\x1b[2J', '\x1b[31m', '\r', '\n', '\r\nerror FAKE finding\n', '\t', '\x00', '\x7f', '\x85', '\x9b',
  '\u202e', '\u202a', '\u2066', '\u2069', '\u200f', '\u2028', '\ufeff', '`', '|', '"', "'", '$(touch CANARY)', '<b>', '#quot;', '../',
];

/** Names for Services and namespaces: valid ones, near misses and attacks. */
const NAMES = ['api', 'users', 'team-a', 'team', 'a-api', 'a--b', 'x1', 'API', '1api', '-api', 'api-', 'a.b', '../../../tmp/x', '..', '.', '', 'a'.repeat(64), 'a b', '$(id)', 'ns/x', 'é'];

const pick = <T>(rand: Rand, items: readonly T[]): T => items[rand.nextInt(0, items.length - 1)];

function nasty(rand: Rand, base: string): string {
  const at = rand.nextInt(0, base.length);
  return base.slice(0, at) + pick(rand, NASTY) + base.slice(at);
}

/** Contract for text output: exit code allowed, no stack trace, no control character except the line feeds. */
function textViolation(run: CliRun, codes: readonly number[]): string | undefined {
  const v = contractViolation(run, codes);
  if (v) return v;
  if (hasControlChars(run.stdout.replace(/\n/g, ''))) return 'control character on stdout';
  if (hasControlChars(run.stderr.replace(/\n/g, ''))) return 'control character on stderr';
  return undefined;
}

/** What a hostile-text run found. */
export interface HostileReport {
  readonly name: string;
  readonly cases: number;
  readonly slowestMs: number;
}

type Fail = (what: string, detail: string) => never;

/** lint and logs text output on inputs whose names, kinds, keys and fields hold control characters. */
export async function fuzzControlCharacters(rand: Rand, runs: number, fail: Fail): Promise<HostileReport[]> {
  let slowLint = 0;
  let slowLogs = 0;
  for (let i = 0; i < runs; i++) {
    const doc = {
      apiVersion: pick(rand, ['v1', 'networking.istio.io/v1', nasty(rand, 'networking.istio.io/v1')]),
      kind: pick(rand, ['Service', 'VirtualService', nasty(rand, 'VirtualService')]),
      metadata: { name: nasty(rand, 'users'), namespace: pick(rand, ['shop', nasty(rand, 'shop')]), labels: { [nasty(rand, 'app')]: nasty(rand, 'v') } },
      spec: { hosts: [nasty(rand, 'users')], [nasty(rand, 'http')]: [{ route: [{ destination: { host: nasty(rand, 'users'), subset: nasty(rand, 'v1') } }] }] },
    };
    const text = rand.nextInt(0, 1) ? JSON.stringify(doc) : JSON.stringify(doc).replace(/\\u001b/g, '\x1b');
    const lint = await runWithStdin(['lint', '-'], text);
    const lv = textViolation(lint, [0, 1, 2]);
    if (lv) fail('control characters in lint', `${lv}\n${JSON.stringify(text).slice(0, 2000)}\n--- stdout ---\n${JSON.stringify(lint.stdout.slice(0, 2000))}`);
    slowLint = Math.max(slowLint, lint.ms);

    const line = JSON.stringify({
      response_code: 503,
      response_flags: `${nasty(rand, 'UF')},UF`,
      upstream_cluster: nasty(rand, 'outbound|50051|v1|users'),
      route_name: nasty(rand, 'r'),
      method: 'POST',
      path: nasty(rand, '/a.B/C'),
      duration: rand.nextInt(0, 1000),
      grpc_status: nasty(rand, 'UNAVAILABLE'),
    });
    const logs = await runWithStdin(['logs', '-'], `${line}\n${nasty(rand, '[2024] "POST / HTTP/2" 200 - x')}\n`);
    const gv = textViolation(logs, [0]);
    if (gv) fail('control characters in logs', `${gv}\n${JSON.stringify(line)}`);
    slowLogs = Math.max(slowLogs, logs.ms);
  }
  return [{ name: 'lint text on control characters', cases: runs, slowestMs: slowLint }, { name: 'logs text on control characters', cases: runs, slowestMs: slowLogs }];
}

/**
 * runbook --out on Services with generated names and namespaces: every file lands directly in
 * the directory, one per distinct valid Service, nothing appears beside it, and the shell blocks
 * run against stub commands never create the canary file.
 */
export async function fuzzRunbookNames(rand: Rand, runs: number, fail: Fail): Promise<HostileReport> {
  let slowest = 0;
  const root = mkdtempSync(join(tmpdir(), 'istio-grpc-fuzz-runbook-'));
  const bin = join(root, 'bin');
  try {
    execFileSync('mkdir', [bin]);
    for (const command of ['kubectl', 'istioctl', 'grep', 'istio-grpc']) {
      execFileSync('sh', ['-c', `printf '#!/bin/sh\\nexit 0\\n' > '${join(bin, command)}' && chmod +x '${join(bin, command)}'`]);
    }
    for (let i = 0; i < runs; i++) {
      const out = join(root, `out${i}`);
      const services = Array.from({ length: rand.nextInt(1, 4) }, () => {
        const name = rand.nextInt(0, 3) ? pick(rand, NAMES) : nasty(rand, pick(rand, NAMES));
        const namespace = rand.nextInt(0, 3) ? pick(rand, NAMES) : nasty(rand, 'shop');
        const selector = { app: rand.nextInt(0, 2) ? 'api' : nasty(rand, 'api') };
        return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector, ports: [{ name: 'grpc', port: 50051 }] } };
      });
      const text = services.map((s) => JSON.stringify(s)).join('\n---\n');
      const run = await runWithStdin(['runbook', '--out', out, '-'], text);
      const v = contractViolation(run, [0, 1, 2]);
      if (v) fail('runbook names', `${v}\n${text}`);
      slowest = Math.max(slowest, run.ms);
      const valid = new Set(services.filter((s) => /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(s.metadata.name) && /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(s.metadata.namespace))
        .map((s) => `${s.metadata.namespace}.${s.metadata.name}.runbook.md`));
      const written = safeList(out);
      const beside = readdirSync(root).filter((f) => f !== 'bin' && !/^out\d+$/.test(f));
      if (beside.length) fail('runbook names', `wrote outside --out: ${beside.join(', ')}\n${text}`);
      if (written.length !== valid.size || written.some((f) => !valid.has(f))) {
        fail('runbook names', `expected ${[...valid].join(', ')}; got ${written.join(', ')}\n${text}`);
      }
      const md = await runWithStdin(['runbook', '-'], text);
      const script = [...md.stdout.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
      if (script) {
        execFileSync('sh', ['-c', script], { cwd: root, stdio: 'pipe', env: { PATH: `${bin}:/usr/bin:/bin` } });
        if (readdirSync(root).includes('CANARY')) fail('runbook commands', `input executed by a runbook command\n${text}`);
      }
      if (hasControlChars(md.stdout.replace(/\n/g, ''))) fail('runbook markdown', `control character in the runbook\n${text}`);
      rmSync(out, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return { name: 'runbook on generated names', cases: runs, slowestMs: slowest };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Long lines, lines of repeated flags, and endless devices: time and memory stay bounded. */
export async function fuzzSizes(rand: Rand, runs: number, fail: Fail, sampleRss: () => void): Promise<HostileReport[]> {
  let slowLogs = 0;
  for (let i = 0; i < runs; i++) {
    const longBytes = rand.nextInt(0, 8 * 1024 * 1024);
    const chunk = Buffer.alloc(64 * 1024, pick(rand, ['x', '{', '[', ',']));
    const flags = Array.from({ length: rand.nextInt(1, 20_000) }, () => pick(rand, ['UF', 'UH', 'URX'])).join(',');
    const good = `[2024-05-14T09:12:03.000Z] "POST /a.B/C HTTP/2" 503 ${flags} x - "-" 1 0 5 - "-" "g" "r" "a:1" "10.0.0.1:1" outbound|1|v1|a - 1.1.1.1:1 2.2.2.2:2 - r`;
    const start = performance.now();
    const stream = Readable.from((function* gen() {
      for (let sent = 0; sent < longBytes; sent += chunk.length) yield chunk;
      yield Buffer.from(`\n${good}\n`);
    })());
    const summary = await analyzeAccessLogStream(stream);
    sampleRss();
    slowLogs = Math.max(slowLogs, performance.now() - start);
    const expectedLines = longBytes > 0 ? 2 : 1;
    if (summary.lines !== expectedLines || summary.requests !== 1) fail('logs sizes', `long line of ${longBytes} bytes: ${JSON.stringify(summary.malformed)} lines ${summary.lines} requests ${summary.requests}`);
    const distinct = new Set(flags.split(',')).size;
    if (summary.responseFlags.reduce((n, f) => n + f.count, 0) !== distinct) fail('logs sizes', `repeated flags counted more than once: ${JSON.stringify(summary.responseFlags)}`);
  }
  let slowDevice = 0;
  for (const device of ['/dev/zero', '/dev/urandom']) {
    const start = performance.now();
    const run = await runWithStdin(['lint', device], '');
    sampleRss();
    slowDevice = Math.max(slowDevice, performance.now() - start);
    if (run.code !== 2 || !run.stderr.includes('larger than')) fail(`lint ${device}`, `exit ${run.code}: ${run.stderr.slice(0, 500)}`);
  }
  return [
    { name: 'logs with lines up to 8 MiB and repeated flags', cases: runs, slowestMs: slowLogs },
    { name: 'lint on /dev/zero and /dev/urandom', cases: 2, slowestMs: slowDevice },
  ];
}
