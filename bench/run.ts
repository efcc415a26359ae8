/**
 * `npm run bench`: synthesizes meshes of 10, 100 and 1,000 services with full validation and
 * compares each with a baseline measured in the same run (the same objects as raw cdk8s
 * ApiObjects, no layer, no validation); then lint throughput on the largest output. Each case
 * runs in its own process, best of three; results go to stdout and bench-results/bench.json.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { cpus, totalmem } from 'os';
import { join } from 'path';
import { startAndSchemaSection } from './start-and-schema';

interface Measurement { variant: string; size: number; objects: number; ms: number; maxRssMiB: number }

const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function runCase(variant: string, size: number): Measurement {
  const results: Measurement[] = [];
  for (let r = 0; r < RUNS; r++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'case.ts'), variant, String(size)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    results.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  return results.sort((a, b) => a.ms - b.ms)[0];
}

const rows: { size: number; ours: Measurement; baseline: Measurement }[] = [];
for (const size of SIZES) rows.push({ size, ours: runCase('ours', size), baseline: runCase('baseline', size) });
const largest = SIZES[SIZES.length - 1];
const lint = runCase('lint', largest);

const fmt = (n: number, d = 0) => n.toFixed(d);
const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const lines = [
  `machine: ${machine}; best of ${RUNS} runs per case, each in a fresh process`,
  '',
  '| services | objects | ours (ms) | baseline (ms) | time ratio | ms/service | ours peak RSS (MiB) | baseline peak RSS (MiB) | memory ratio |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.size} | ${r.ours.objects} | ${fmt(r.ours.ms)} | ${fmt(r.baseline.ms)} | ${fmt(r.ours.ms / r.baseline.ms, 2)}x | ${fmt(r.ours.ms / r.size, 2)} | ${fmt(r.ours.maxRssMiB)} | ${fmt(r.baseline.maxRssMiB)} | ${fmt(r.ours.maxRssMiB / r.baseline.maxRssMiB, 2)}x |`),
  '',
  `lint (parse + validate) on the ${largest}-service output: ${lint.objects} objects in ${fmt(lint.ms)} ms = ${fmt(lint.objects / (lint.ms / 1000))} objects/s, peak RSS ${fmt(lint.maxRssMiB)} MiB`,
];
process.stdout.write(lines.join('\n') + '\n');
mkdirSync('bench-results', { recursive: true });
writeFileSync(join('bench-results', 'bench.json'), JSON.stringify({ machine, runs: RUNS, rows, lint }, null, 2) + '\n');

// CLI start and the schema stage against their baselines (bench/cold-start.ts, bench/schema-stage.ts).
const startAndSchema = startAndSchemaSection();
process.stdout.write('\n' + startAndSchema.lines.join('\n') + '\n');
writeFileSync(join('bench-results', 'start-and-schema.json'), JSON.stringify(startAndSchema.figures, null, 2) + '\n');
