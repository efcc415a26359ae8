/**
 * `npm run fuzz`: the long reliability run.
 * 1. Properties: >= 10,000 generated prop sets per construct; each either throws IstioGrpcError
 *    or synthesizes objects the validation engine accepts. The policy property generates caller
 *    restrictions (empty lists, method-only callers, denyUnlisted) and checks that the props are
 *    refused exactly when they would fail open or lock out by accident, and that otherwise Istio's
 *    verdict on the AuthorizationPolicy equals the props' meaning for every caller and path.
 * 2. `istio-grpc lint` on mutated YAML (deletions, type swaps, junk, binary) and hostile inputs
 *    (deep nesting, alias bombs, huge and many documents): exit 0/1/2, never a stack trace.
 * 3. `istio-grpc logs` on mutated access logs: exit 0/2, never a stack trace.
 * 4. Hostile text: control characters in names, kinds, keys and log fields never reach text
 *    output; runbook --out on generated names writes one file per valid Service, inside DIR,
 *    with commands that never run input; long lines and endless devices stay bounded.
 * 5. Decoding differential: random YAML decoded by lint's reader and by kubectl (when on PATH)
 *    gives the same JSON, or both refuse it.
 * Prints the figures; exits 1 on the first contract violation (with the input that caused it).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Yaml } from 'cdk8s';
import fc from 'fast-check';
import { contractViolation, runWithStdin } from './fuzz/cli-run';
import { decodingDifferential } from './fuzz/decoding';
import { fuzzControlCharacters, fuzzRunbookNames, fuzzSizes, HostileReport } from './fuzz/hostile-text';
import { hostileYamlInputs, LOG_MUTATIONS, mutate, seededRand, YAML_MUTATIONS } from './fuzz/mutate';
import { buildExampleApp } from '../examples/cdk8s/app';
import { EXTRA_BUILDERS } from '../examples/cdk8s/builders';
import { FUZZ_PROPERTIES } from '../test/util/fuzz-properties';
import { kubectlPath } from '../test/util/kubectl-oracle';
import { seeded } from '../test/util/yaml-corpus';

const PROPERTY_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const LINT_RUNS = Number(process.env.FUZZ_LINT_RUNS ?? 3_000);
const LOG_RUNS = Number(process.env.FUZZ_LOG_RUNS ?? 2_000);
const HOSTILE_RUNS = Number(process.env.FUZZ_HOSTILE_RUNS ?? 500);
const DECODE_RUNS = Number(process.env.FUZZ_DECODE_RUNS ?? 2_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

let peakRss = 0;
const sampleRss = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;

function fail(what: string, detail: string): never {
  process.stderr.write(`FUZZ FAILURE in ${what} (seed ${SEED}):\n${detail}\n`);
  process.exit(1);
}

function runProperties(): void {
  for (const property of FUZZ_PROPERTIES) {
    const counts = { rejected: 0, synthesized: 0 };
    const run = (input: unknown) => {
      counts[property.run(input)]++;
      sampleRss();
    };
    const result = fc.check(fc.property(property.arbitrary, run), { numRuns: PROPERTY_RUNS, seed: SEED });
    if (result.failed) fail(`property ${property.name}`, fc.defaultReportMessage(result) ?? 'failed');
    process.stdout.write(`property ${property.name}: ${PROPERTY_RUNS} cases, ${counts.synthesized} synthesized and valid, ${counts.rejected} rejected with IstioGrpcError, 0 violations\n`);
  }
}

type Mutations = typeof YAML_MUTATIONS;

async function fuzzCli(name: string, argv: string[], seeds: string[], mutations: Mutations, runs: number, codes: number[]): Promise<void> {
  const rand = seededRand(SEED);
  let slowest = 0;
  const byCode = new Map<number, number>();
  for (let i = 0; i < runs; i++) {
    const input = mutate(seeds[i % seeds.length], mutations, rand);
    const run = await runWithStdin(argv, input);
    const violation = contractViolation(run, codes);
    if (violation) fail(name, `${violation}\n--- input ---\n${input.slice(0, 2000)}\n--- stderr ---\n${run.stderr.slice(0, 2000)}`);
    slowest = Math.max(slowest, run.ms);
    byCode.set(run.code, (byCode.get(run.code) ?? 0) + 1);
    sampleRss();
  }
  const dist = [...byCode].sort().map(([c, n]) => `exit ${c}: ${n}`).join(', ');
  process.stdout.write(`${name}: ${runs} mutated inputs (${dist}), slowest ${slowest.toFixed(0)} ms, 0 violations\n`);
}

async function hostile(): Promise<void> {
  for (const { name, text } of hostileYamlInputs()) {
    const run = await runWithStdin(['lint', '--format', 'json', '-'], text);
    const violation = contractViolation(run, [0, 1, 2]);
    if (violation) fail(`lint on ${name}`, `${violation}\n${run.stderr.slice(0, 2000)}`);
    sampleRss();
    process.stdout.write(`lint on ${name} (${mib(text.length)}): exit ${run.code} in ${run.ms.toFixed(0)} ms, rss ${mib(process.memoryUsage().rss)}\n`);
  }
}

async function hostileText(): Promise<void> {
  const rand = seededRand(SEED + 1);
  const reports: HostileReport[] = [
    ...await fuzzControlCharacters(rand, HOSTILE_RUNS, fail),
    await fuzzRunbookNames(rand, Math.ceil(HOSTILE_RUNS / 5), fail),
    ...await fuzzSizes(rand, Math.ceil(HOSTILE_RUNS / 25), fail, sampleRss),
  ];
  sampleRss();
  for (const r of reports) process.stdout.write(`${r.name}: ${r.cases} cases, slowest ${r.slowestMs.toFixed(0)} ms, 0 violations\n`);
}

async function decoding(): Promise<void> {
  if (!kubectlPath()) {
    process.stdout.write('decoding differential: skipped, kubectl is not on PATH\n');
    return;
  }
  const report = await decodingDifferential(DECODE_RUNS, seeded(SEED));
  sampleRss();
  if (report.mismatches.length) fail('decoding differential', `${report.mismatches.length} of ${report.cases} disagree; first:\n${report.mismatches[0]}`);
  process.stdout.write(`decoding differential: ${report.cases} random documents (${report.accepted} accepted and decoded alike, ${report.refused} refused by both), slowest read ${report.slowestMs.toFixed(0)} ms, 0 disagreements\n`);
}

async function main(): Promise<void> {
  process.stdout.write(`fuzz seed ${SEED}\n`);
  runProperties();
  const app = buildExampleApp('/tmp/istio-grpc-fuzz', EXTRA_BUILDERS);
  const yamlSeeds = app.charts.map((c) => Yaml.stringify(...c.toJson()))
    .concat(readdirSync('test/fixtures/lint').filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join('test/fixtures/lint', f), 'utf8')));
  await fuzzCli('lint', ['lint', '-'], yamlSeeds, YAML_MUTATIONS, LINT_RUNS, [0, 1, 2]);
  await hostile();
  const logSeeds = readdirSync('test/fixtures/access-logs').map((f) => readFileSync(join('test/fixtures/access-logs', f), 'utf8'));
  await fuzzCli('logs', ['logs', '-'], logSeeds, LOG_MUTATIONS, LOG_RUNS, [0]);
  await hostileText();
  await decoding();
  process.stdout.write(`peak RSS ${mib(peakRss)}\n`);
}

main().catch((err) => fail('fuzz driver', (err as Error)?.stack ?? String(err)));
