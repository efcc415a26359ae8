/**
 * CLI start as users see it: whole processes of the compiled CLI (`--help`, `lint` of one small
 * file) against `node -e 0`, cold (a fresh process each), interleaved run by run (node, help,
 * lint, node, help, lint, ...), medians and min-max of wall time, and the ratios of the medians.
 *
 * The CLI is compiled with tsc and the package's tsconfig into bench-results/cold-start/ (beside
 * the repository's node_modules, which it resolves like an installed package), with its code
 * cache, unless BENCH_CLI names a built main.js. `tsx bench/cold-start.ts [runs]` prints the rows;
 * the harness calls `coldStartRows`.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { Spread, spreadOf } from './schema-stage';
import { writeCodeCache } from '../scripts/code-cache/write-code-cache';

const ROOT = join(__dirname, '..');
const BUILD = join(ROOT, 'bench-results', 'cold-start');

/** A gRPC Service with its DestinationRule and VirtualService: what a small lint input looks like. */
const SMALL_FILE = `apiVersion: v1
kind: Service
metadata: { name: users, namespace: shop }
spec:
  selector: { app: users }
  ports: [{ name: grpc, port: 50051 }]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: users, namespace: shop }
spec:
  host: users.shop.svc.cluster.local
  trafficPolicy: { loadBalancer: { simple: LEAST_REQUEST } }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: users, namespace: shop }
spec:
  hosts: [users.shop.svc.cluster.local]
  http: [{ timeout: 5s, route: [{ destination: { host: users.shop.svc.cluster.local } }] }]
`;

/** One command's wall time per run, in milliseconds, and its median over `node -e 0`'s. */
export interface ColdStartRow {
  readonly command: string;
  readonly ms: Spread;
  /** Median of this command over the median of `node -e 0` in the same runs; 1 for the baseline itself. */
  readonly ratio: number;
}

/** The compiled CLI's main.js: BENCH_CLI, or a fresh tsc build of lib/ under bench-results/. */
export function compiledCli(): string {
  if (process.env.BENCH_CLI) return process.env.BENCH_CLI;
  const main = join(BUILD, 'lib', 'cli', 'main.js');
  // The package's own compiler options (source maps beside the JavaScript, as the tarball ships
  // them): what users start is what is measured. Declarations do not change what runs.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json'), '--outDir', BUILD,
    '--declaration', 'false'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(main)) throw new Error(`the build wrote no ${main}`);
  // And the code cache the package ships beside it, as `npx projen compile` writes it.
  writeCodeCache(BUILD);
  return main;
}

function wallMs(args: readonly string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  // lint exits 1 on findings; 2 or a signal means it did not run as measured.
  if (r.status === null || r.status > 1) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

/** Measures `node -e 0`, `istio-grpc --help` and `istio-grpc lint <small file>`, `runs` times each, interleaved. */
export function coldStartRows(runs = 15, cli = compiledCli()): ColdStartRow[] {
  mkdirSync(BUILD, { recursive: true });
  const small = join(BUILD, 'small.yaml');
  writeFileSync(small, SMALL_FILE);
  const commands: { command: string; args: string[] }[] = [
    { command: 'node -e 0', args: ['-e', '0'] },
    { command: 'istio-grpc --help', args: [cli, '--help'] },
    { command: 'istio-grpc lint (3 objects)', args: [cli, 'lint', small] },
  ];
  for (const c of commands) wallMs(c.args); // first runs fill the OS file cache
  const times = commands.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) commands.forEach((c, i) => times[i].push(wallMs(c.args)));
  const spreads = times.map(spreadOf);
  return commands.map((c, i) => ({ command: c.command, ms: spreads[i], ratio: spreads[i].median / spreads[0].median }));
}

/** The rows as Markdown table lines. */
export function coldStartTable(rows: readonly ColdStartRow[], runs: number): string[] {
  return [
    `CLI start, whole process, cold, wall time, ${runs} interleaved runs per command; median (min-max)`,
    '',
    '| command | ms | x node -e 0 (medians) |',
    '|---|---:|---:|',
    ...rows.map((r) => `| ${r.command} | ${r.ms.median.toFixed(0)} (${r.ms.min.toFixed(0)}-${r.ms.max.toFixed(0)}) | ${r.ratio.toFixed(2)}x |`),
  ];
}

if (require.main === module) {
  const runs = Number(process.argv[2]) || 15;
  process.stdout.write(coldStartTable(coldStartRows(runs), runs).join('\n') + '\n');
}
