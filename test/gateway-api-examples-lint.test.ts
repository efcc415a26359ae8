// The Gateway API project's own examples (../shared/gateway-api/examples-valid, its examples/standard
// with folders flattened as <folder>_<file>) are consistent: the cross-object analyzers of the
// Gateway API and ambient mode find no error in them. A folder is one example (its files refer to
// each other, e.g. a route to the Gateway of another file), linted together with its namespaces file;
// top-level files are linted one by one with the top-level namespaces file. The examples leave the
// backends and certificate Secrets to the reader, as charts deployed beside their workloads do:
// with workloads 'partial' (as the constructs validate) the references to them are warnings, and
// with 'complete' (istioctl's assumption on files) only those "not in the input" codes appear.
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { objectsOf } from './util/analyzer-cases';
import { ALL_ANALYZERS } from '../lib/validate/analyzer/all';
import { runAnalyzers } from '../lib/validate/analyzer/runner';
import { ValidateOptions } from '../lib/validate/options';

const DIR = join(__dirname, '..', '..', 'shared', 'gateway-api', 'examples-valid');
const present = existsSync(DIR);
if (!present) console.log(`skipping the Gateway API examples: ${DIR} is absent`);
const run = present ? describe : describe.skip;

/** Our Gateway API and ambient analyzers. */
const OURS = ALL_ANALYZERS.filter((a) => a.name.startsWith('gatewayapi.') || a.name.startsWith('ambient.'));
/** The codes that say a referenced object is not in the input. */
const NOT_IN_INPUT = new Set(['IGR3201', 'IGR3206', 'IGR3210', 'IGR3303']);

/** The examples by folder: `<folder>_*.yaml` together, each top-level file alone; namespaces files join every example of their folder. */
function examples(): [string, string[]][] {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
  const groups = new Map<string, string[]>();
  const topNamespaces: string[] = files.filter((f) => f === '0-namespaces.yaml');
  for (const f of files) {
    const folder = f.includes('_') ? f.slice(0, f.indexOf('_')) : undefined;
    if (folder !== undefined) groups.set(folder, [...(groups.get(folder) ?? []), f]);
    else if (!topNamespaces.includes(f)) groups.set(f, [...topNamespaces, f]);
  }
  return [...groups.entries()];
}

function findings(names: readonly string[], options: ValidateOptions): string[] {
  const objects = names.flatMap((n) => objectsOf(readFileSync(join(DIR, n), 'utf8')));
  return runAnalyzers(OURS, objects, options).map((f) => `${f.severity} ${f.code} ${f.resource.kind} ${f.resource.namespace ?? ''}/${f.resource.name} ${f.path ?? ''}: ${f.message}`);
}

run('GIVEN the Gateway API standard examples', () => {
  const groups = present ? examples() : [];

  test('THEN they are all found, grouped by folder', () => {
    expect(groups.length).toBeGreaterThan(30);
    expect(groups.flatMap(([, f]) => f).length).toBeGreaterThanOrEqual(readdirSync(DIR).filter((f) => f.endsWith('.yaml')).length);
  });

  test('THEN routes find the Gateways of the other files of their folder (grpc-routing, cross-namespace-routing, http-route-attachment)', () => {
    for (const folder of ['grpc-routing', 'cross-namespace-routing', 'http-route-attachment']) {
      const names = groups.find(([name]) => name === folder)?.[1] ?? [];
      expect(names.length).toBeGreaterThan(1);
      expect(findings(names, {}).filter((f) => f.split(' ')[1] === 'IGR3201')).toStrictEqual([]);
      // Alone, a route file of the folder misses its Gateway.
      const routes = names.filter((n) => /route/.test(n) && !/gateway/.test(n));
      expect(routes.some((n) => findings([n], {}).some((f) => f.split(' ')[1] === 'IGR3201'))).toBe(true);
    }
  });

  test.each(groups)('THEN %s gives no error with workloads partial', (_name, names) => {
    expect(findings(names, { workloads: 'partial' }).filter((f) => f.startsWith('error'))).toStrictEqual([]);
  });

  test.each(groups)('THEN %s gives, with workloads complete, only findings about objects left out of it', (_name, names) => {
    expect(findings(names, {}).filter((f) => !NOT_IN_INPUT.has(f.split(' ')[1]) && !f.startsWith('info'))).toStrictEqual([]);
  });
});
