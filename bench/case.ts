/**
 * One benchmark measurement in a fresh process (so peak memory belongs to this case alone):
 * `tsx bench/case.ts <ours|baseline|lint> <services>` prints one JSON line.
 */
import { performance } from 'perf_hooks';
import { BENCH_FEATURES } from './features';
import { buildBaseline, buildOurs } from './mesh';
import { parseYamlDocuments, validateSources } from '../lib/validate';

const [variant, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg);

function measure(run: () => number): void {
  const start = performance.now();
  const objects = run();
  const ms = performance.now() - start;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ variant, size, objects, ms, maxRssMiB }) + '\n');
}

// Inputs for the baseline and lint are prepared before timing starts.
if (variant === 'ours') {
  measure(() => buildOurs(size, BENCH_FEATURES).synthYaml().split('\n---\n').length);
} else if (variant === 'baseline') {
  const objects = buildOurs(size, BENCH_FEATURES).charts.flatMap((c) => c.toJson());
  measure(() => buildBaseline(objects).synthYaml().split('\n---\n').length);
} else if (variant === 'lint') {
  const yaml = buildOurs(size, BENCH_FEATURES).synthYaml();
  measure(() => {
    const parsed = parseYamlDocuments(yaml, 'mesh.yaml');
    validateSources(parsed.sources);
    return parsed.sources.length;
  });
} else {
  process.stderr.write('usage: tsx bench/case.ts <ours|baseline|lint> <services>\n');
  process.exit(2);
}
