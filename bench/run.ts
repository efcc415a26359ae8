/**
 * `npm run bench [-- options]`: every row's subjects run interleaved (A B A B ...), each run in a
 * fresh process, after one untimed warm-up round; the table gives medians with min-max and
 * run-by-run ratios. Markdown on stdout, raw runs in bench-results/bench.json.
 *
 *   --rows synth-10,lint    rows by id or id prefix (default: every row not opt-in)
 *   --runs 5                timed runs per subject
 *   --warmup 1              untimed rounds first (file cache, lazily built inputs)
 *   --large                 include the opt-in 50,000-service rows (minutes per run); BENCH_LARGE=1 too
 *   --list                  print the rows and exit
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { compilePackageTree, inputDigest } from './harness/build';
import { describeMachine } from './harness/machine';
import { measureOnce } from './harness/measure';
import { selectRows } from './harness/select';
import { markdownTable, RowResult } from './harness/table';
import { BenchContext, BenchRow, Measurement } from './harness/types';
import { BENCH_ROWS } from './rows';
import { startAndSchemaSection } from './start-and-schema';

interface BenchOptions { rows?: string; runs: number; warmup: number; large: boolean; list: boolean; startAndSchema: boolean }

const positive = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer of at least ${min}, got ${value}`);
  return n;
};

function runRow(ctx: BenchContext, row: BenchRow, opts: BenchOptions): RowResult {
  row.prepare?.(ctx);
  const runs = new Map<string, Measurement[]>(row.subjects.map((s) => [s.name, []]));
  const count = Math.min(opts.runs, row.maxRuns ?? Infinity);
  for (let round = -opts.warmup; round < count; round++) {
    for (const subject of row.subjects) {
      const m = measureOnce(ctx, subject);
      if (round >= 0) runs.get(subject.name)!.push(m);
      process.stderr.write(`${row.id} ${round < 0 ? 'warm-up' : `run ${round + 1}/${count}`} ${subject.name}: ${Math.round(m.ms)} ms\n`);
    }
  }
  return { row, runs };
}

function main(opts: BenchOptions): void {
  if (opts.list) {
    for (const r of BENCH_ROWS) process.stdout.write(`${r.id}${r.optIn ? ' (opt-in)' : ''}: ${r.title}\n`);
    return;
  }
  let rows: BenchRow[] = [];
  try {
    rows = selectRows(BENCH_ROWS, opts.rows, opts.large);
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const root = resolve(__dirname, '..');
  const digest = inputDigest(root);
  const inputsRoot = join(root, 'bench-results', 'inputs');
  // Inputs of older sources are stale (the 10,000-service mesh alone is about 50 MB).
  const stale = existsSync(inputsRoot) ? readdirSync(inputsRoot).filter((d) => d !== digest) : [];
  for (const dir of stale) rmSync(join(inputsRoot, dir), { recursive: true, force: true });
  const ctx: BenchContext = { dist: join(root, 'bench-results', 'dist'), inputs: join(inputsRoot, digest) };
  compilePackageTree(root, ctx.dist);
  const machine = describeMachine();
  const results: RowResult[] = [];
  const failed: string[] = [];
  for (const row of rows) {
    // A row that fails is reported and the others still run; what finished is saved as it goes.
    try {
      results.push(runRow(ctx, row, opts));
    } catch (e) {
      failed.push(`${row.id}: ${(e as Error).message}`);
      process.stderr.write(`${row.id} failed: ${(e as Error).message}\n`);
    }
    const raw = results.map(({ row: r, runs }) => ({ id: r.id, title: r.title, baseline: r.baseline, runs: Object.fromEntries(runs) }));
    mkdirSync(join(root, 'bench-results'), { recursive: true });
    writeFileSync(join(root, 'bench-results', 'bench.json'), `${JSON.stringify({ machine, sources: digest, runs: opts.runs, rows: raw, failed }, null, 2)}\n`);
  }
  const table = markdownTable(results);
  process.stdout.write(`machine: ${machine}\nruns: ${opts.runs} per subject, interleaved, after ${opts.warmup} warm-up round(s), each in a fresh process\n\n${table}\n`);
  if (opts.startAndSchema) {
    // CLI start and the schema stage against their baselines (bench/cold-start.ts, bench/schema-stage.ts).
    const startAndSchema = startAndSchemaSection();
    process.stdout.write(`\n${startAndSchema.lines.join('\n')}\n`);
    writeFileSync(join(root, 'bench-results', 'start-and-schema.json'), `${JSON.stringify(startAndSchema.figures, null, 2)}\n`);
  }
  if (failed.length) {
    process.stdout.write(`\nfailed rows:\n${failed.map((f) => `- ${f.split('\n')[0]}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

const program = new Command('bench')
  .option('--rows <ids>', 'rows by id or id prefix, comma-separated (default: all but the opt-in ones)')
  .addOption(new Option('--runs <n>', 'timed runs per subject').argParser(positive(1)).default(5))
  .addOption(new Option('--warmup <n>', 'untimed rounds first').argParser(positive(0)).default(1))
  .option('--large', 'include the opt-in 50,000-service rows', process.env.BENCH_LARGE === '1')
  .option('--list', 'print the rows and exit', false)
  .option('--no-start-and-schema', 'skip the CLI start and schema-stage tables')
  .action((opts: BenchOptions) => main(opts));
program.parse(process.argv);
