import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { BenchContext, BenchSubject, Measurement } from './types';

/** Runs `subject` once in a fresh `node` process and returns what it cost. */
export function measureOnce(ctx: BenchContext, subject: BenchSubject): Measurement {
  const dir = mkdtempSync(join(tmpdir(), 'istio-grpc-bench-'));
  const usageFile = join(dir, 'usage.json');
  try {
    const [script, ...args] = subject.command(ctx);
    const argv = ['-r', join(ctx.dist, 'bench/harness/report-usage.js'), join(ctx.dist, script), ...args];
    const start = performance.now();
    const child = spawnSync(process.execPath, argv, {
      encoding: 'utf8',
      env: { ...process.env, BENCH_USAGE_FILE: usageFile },
      // What a whole-process subject prints (lint's findings) is not part of the measurement.
      stdio: ['ignore', subject.timing === 'process' ? 'ignore' : 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = performance.now() - start;
    // lint exits 1 when it reports findings at the failure threshold; 2 and signals are failures.
    if (child.status === null || child.status > 1) {
      throw new Error(`${subject.name}: node ${argv.join(' ')} exited ${child.status ?? child.signal}\n${child.stderr ?? ''}`);
    }
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuMs: number; maxRssMiB: number };
    if (subject.timing === 'process') return { ms, ...usage };
    const own = JSON.parse(child.stdout.trim().split('\n').pop()!) as Measurement;
    return { ...own, maxRssMiB: usage.maxRssMiB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
