/**
 * Lints every case of a conformance corpus and prints the disagreements with expect.json, then
 * the agreement per source (crd, analyzer, webhook) and overall.
 *
 *   tsx scripts/conformance.ts [derived|istio] [--all-analyzers] [FILTER]
 *
 * `derived` (default) is ../shared/conformance, `istio` is ../shared/conformance-istio (Istio's
 * own test data). FILTER is a substring of the case paths to run (e.g. `crd/` or `gateway`).
 * Istio's analyzer cases run with the analyzer each names, as Istio's test grid runs them;
 * `--all-analyzers` runs every analyzer on each, as a plain `istioctl analyze` would.
 */
import { AnalyzerHarness, agreementBySource, ConformanceRules, loadCorpus, runConformanceCase } from '../test/util/conformance';

const args = process.argv.slice(2).filter((a) => a !== '--all-analyzers');
const harness: AnalyzerHarness = process.argv.includes('--all-analyzers') ? 'all' : 'grid';
const rules: ConformanceRules = args[0] === 'istio' || args[0] === 'derived' ? args.shift() as ConformanceRules : 'derived';
const filter = args[0] ?? '';
const corpus = loadCorpus(rules);
if (!corpus) {
  console.log(`the ${rules} conformance corpus is not beside the repository; nothing to run`);
  process.exit(0);
}
const results = corpus.cases.filter((c) => c.file.includes(filter)).map((c) => runConformanceCase(c, corpus.dir, corpus.rules, {}, harness));
for (const r of results.filter((x) => !x.agrees)) {
  console.log(`DISAGREE ${r.case.file}`);
  console.log(`  expected valid=${r.case.valid} codes=[${r.case.codes.join(',')}]${r.case.judge ? ` judge=${r.case.judge}` : ''}  (${r.case.why})`);
  console.log(`  got      valid=${r.valid} codes=[${r.codes.join(',')}]`);
  for (const f of r.findings) console.log(`    ${f}`);
}
for (const [source, { agree, total }] of agreementBySource(results)) {
  console.log(`${rules} ${source}: ${agree}/${total} agree (${((100 * agree) / Math.max(1, total)).toFixed(1)}%)`);
}
