/**
 * Lints every case of the Istio conformance corpus (../shared/conformance) and prints the
 * disagreements with expect.json and the agreement figure. Optional argument: a substring of
 * the case paths to run (e.g. `webhook/` or `gw-`).
 */
import { loadConformanceCases, runConformanceCase } from '../test/util/conformance';

const filter = process.argv[2] ?? '';
const cases = loadConformanceCases();
if (!cases) {
  console.log('conformance corpus not found beside the repository (../shared/conformance); nothing to run');
  process.exit(0);
}
const results = cases.filter((c) => c.file.includes(filter)).map((c) => runConformanceCase(c));
for (const r of results.filter((x) => !x.agrees)) {
  console.log(`DISAGREE ${r.case.file}`);
  console.log(`  expected valid=${r.case.valid} codes=[${r.case.codes.join(',')}]  (${r.case.why})`);
  console.log(`  got      valid=${r.valid} codes=[${r.codes.join(',')}]`);
  for (const f of r.findings) console.log(`    ${f}`);
}
const agreeing = results.filter((r) => r.agrees).length;
console.log(`conformance: ${agreeing}/${results.length} agree (${((100 * agreeing) / Math.max(1, results.length)).toFixed(1)}%)`);
