/**
 * Soak test of `istio-grpc logs` on a large access log: writes a generated Istio text log of the
 * given size (default 1 GiB) to a temporary file, runs the CLI on it in-process, and prints
 * lines/s, MB/s and peak RSS. Usage: `npx tsx scripts/logs-soak.ts [sizeInMiB]`.
 */
import { createWriteStream, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { runCli } from '../lib/cli/program';

const FLAGS = ['-', '-', '-', '-', '-', '-', '-', '-', 'UH', 'UO', 'UT', 'UR', 'UF,URX', 'DC', 'NR', 'UC'];

function line(i: number): string {
  const flag = FLAGS[i % FLAGS.length];
  const code = flag === '-' ? 200 : flag === 'UT' ? 504 : flag === 'DC' ? 0 : flag === 'NR' ? 404 : 503;
  const subset = i % 10 === 0 ? 'v2' : 'v1';
  return `[2024-05-14T09:12:03.${String(i % 1000).padStart(3, '0')}Z] "POST /users.v1.UserService/Get${i % 97} HTTP/2" ${code} ${flag} `
    + `via_upstream - "-" 12 48 ${(i * 7919) % 100000} - "-" "grpc-go/1.63.2" "${i.toString(16).padStart(8, '0')}-0d5a-4f0e-9a53-2b8f8c1e7a01" `
    + `"users.shop.svc.cluster.local:50051" "10.42.1.${i % 250}:50051" outbound|50051|${subset}|users.shop.svc.cluster.local `
    + `10.42.0.9:41800 10.96.12.40:50051 10.42.0.9:50300 - route-${i % 20}`;
}

async function writeLog(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  let lines = 0;
  while (written < bytes) {
    const batch: string[] = [];
    for (let k = 0; k < 2000; k++) batch.push(line(lines++));
    const chunk = batch.join('\n') + '\n';
    written += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return lines;
}

async function main(): Promise<void> {
  const mib = Number(process.argv[2] ?? 1024);
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'istio-grpc-soak-')), 'access.txt');
  try {
    const lines = await writeLog(file, mib * 1024 * 1024);
    const size = (await fs.stat(file)).size;
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 25);
    const stdout = new PassThrough();
    let json = '';
    stdout.on('data', (d) => { json += String(d); });
    const started = process.hrtime.bigint();
    const code = await runCli(['logs', file, '--format', 'json'], { stdout, stderr: process.stderr, stdin: new PassThrough() });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const summary = JSON.parse(json);
    console.log(JSON.stringify({
      exitCode: code,
      fileMiB: Math.round(size / 1024 / 1024),
      lines,
      requestsCounted: summary.requests,
      seconds: Math.round(seconds * 10) / 10,
      linesPerSecond: Math.round(lines / seconds),
      mibPerSecond: Math.round((size / 1024 / 1024 / seconds) * 10) / 10,
      rssBaselineMiB: Math.round(baseline / 1024 / 1024),
      rssPeakMiB: Math.round(peak / 1024 / 1024),
    }, null, 2));
  } finally {
    await fs.rm(path.dirname(file), { recursive: true, force: true });
  }
}

void main();
