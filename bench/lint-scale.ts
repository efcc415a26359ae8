/**
 * `npx tsx bench/lint-scale.ts`: lint at mesh scale through the CLI, each run a whole fresh
 * process, against the parse floor of the same file (js-yaml loadAll + JSON.stringify, also a
 * fresh process with the same TypeScript loader, and a heap large enough). Runs alternate lint, floor, lint, floor ...;
 * medians and min-max of the per-pair ratio are printed, with peak RSS (GNU time).
 * LINT_SCALE_SERVICES (default 1000,10000,50000) and LINT_SCALE_RUNS (default 3) pick the meshes
 * and runs; results also go to bench-results/lint-scale.json.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { cpus, loadavg, tmpdir, totalmem } from 'os';
import { join } from 'path';
import { writeMeshYaml } from './mesh-yaml';

interface Run { readonly ms: number; readonly cpuMs: number; readonly maxRssMiB: number; readonly stdout: string }

const SERVICES = (process.env.LINT_SCALE_SERVICES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.LINT_SCALE_RUNS ?? 3);
const root = join(__dirname, '..');

const FLOOR = [
  "const { readFileSync } = require('fs');",
  "const { loadAll } = require('js-yaml');",
  "const docs = loadAll(readFileSync(process.argv[1], 'utf8'));",
  "process.stdout.write(docs.length + ' documents, ' + JSON.stringify(docs).length + ' JSON characters\\n');",
].join('\n');
const LINT = "require('./lib/cli/program').runCli(['lint', process.argv[1]]).then((code) => { process.exitCode = code; });";

/** One whole process, timed from outside, its peak RSS from GNU time. */
function measured(script: string, file: string, nodeArgs: readonly string[] = []): Run {
  const start = process.hrtime.bigint();
  const res = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M cpu=%U+%S', process.execPath, ...nodeArgs, '--import', 'tsx', '-e', script, file], {
    cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // lint exits 1 when it finds errors; anything else is a failed run.
  if (res.status !== 0 && res.status !== 1) throw new Error(`run failed (${res.status}): ${res.stderr.slice(-2000)}`);
  const rss = /maxrss=(\d+)/.exec(res.stderr);
  const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(res.stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, maxRssMiB: rss ? Number(rss[1]) / 1024 : NaN, stdout: res.stdout };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lint-scale-'));
  const rows: Record<string, number>[] = [];
  const header = [
    '| services | objects | MiB | floor (ms) | lint (ms) | lint / floor, median (min-max) | cpu lint / floor | floor peak RSS (MiB) | lint peak RSS (MiB) | load avg |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  process.stdout.write(header.join('\n') + '\n');
  try {
    for (const services of SERVICES) {
      const file = join(dir, `mesh-${services}.yaml`);
      await writeMeshYaml(file, { services });
      const floor: Run[] = [];
      const lint: Run[] = [];
      for (let r = 0; r < RUNS; r++) {
        // The floor holds the whole text and every document at once: past ~300 MB it needs more than
        // the default heap, which lint (reading a stream) keeps.
        lint.push(measured(LINT, file));
        floor.push(measured(FLOOR, file, ['--max-old-space-size=16384']));
      }
      const ratios = lint.map((l, i) => l.ms / floor[i].ms);
      const row = {
        services,
        objects: Number(/^(\d+) objects?:/m.exec(lint[0].stdout)?.[1] ?? NaN),
        mib: statSync(file).size / 2 ** 20,
        floorMs: median(floor.map((f) => f.ms)),
        lintMs: median(lint.map((l) => l.ms)),
        ratio: median(ratios),
        ratioMin: Math.min(...ratios),
        ratioMax: Math.max(...ratios),
        cpuRatio: median(lint.map((l, i) => l.cpuMs / floor[i].cpuMs)),
        floorRssMiB: Math.max(...floor.map((f) => f.maxRssMiB)),
        lintRssMiB: Math.max(...lint.map((l) => l.maxRssMiB)),
        loadAverage: loadavg()[0],
      };
      rows.push(row);
      const f = (n: number, d = 0) => n.toFixed(d);
      process.stdout.write(`| ${services} | ${row.objects} | ${f(row.mib)} | ${f(row.floorMs)} | ${f(row.lintMs)} | ${f(row.ratio, 2)}x (${f(row.ratioMin, 2)}-${f(row.ratioMax, 2)}) | ${f(row.cpuRatio, 2)}x | ${f(row.floorRssMiB)} | ${f(row.lintRssMiB)} | ${f(row.loadAverage, 1)} |\n`);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  process.stdout.write(`machine: ${machine}; ${RUNS} runs each, floor and lint alternating\n`);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'lint-scale.json'), JSON.stringify({ machine, runs: RUNS, rows }, null, 2) + '\n');
}

void main();
