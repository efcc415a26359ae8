/**
 * The schema stage (`checkSchema`: metadata, the CRD's OpenAPI schema, list types, CEL rules)
 * against plain ajv validating the same Istio objects with the same JSON Schemas (compiled by a
 * default ajv, no list-type, CEL or metadata checks), in one process, warm, interleaved round by
 * round (A B, then B A, ...), medians and min-max of the process's CPU time.
 *
 * `tsx bench/schema-stage.ts [services] [rounds]` prints the row; the harness calls `schemaStageRow`.
 */
import Ajv, { ValidateFunction } from 'ajv';
import { BENCH_FEATURES } from './features';
import { buildOurs } from './mesh';
import { checkSchema } from '../lib/validate/schema';
import { lookupCrd } from '../lib/validate/schema/crd-catalog';
import { rootJsonSchema } from '../lib/validate/schema/structural-to-json-schema';

/** Median and range of one side, in microseconds per object. */
export interface Spread { readonly median: number; readonly min: number; readonly max: number }

/** The schema stage's row: both sides per object and the ratio ours / plain ajv. */
export interface SchemaStageRow {
  readonly services: number;
  readonly objects: number;
  readonly rounds: number;
  readonly oursMicrosPerObject: Spread;
  readonly ajvMicrosPerObject: Spread;
  /** Ratio of ours over ajv, per round (each round times both sides back to back). */
  readonly ratio: Spread;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Measures the schema stage and plain ajv over the Istio objects of a `services`-service mesh. */
export function schemaStageRow(services = 200, rounds = 15): SchemaStageRow {
  const all = buildOurs(services, BENCH_FEATURES).charts.flatMap((c) => c.toJson()) as any[];
  const objects = all.filter((o) => 'found' in lookupCrd(o.apiVersion, o.kind));
  // Formats are not checked on either side (the API server does not check them either).
  const plain = new Ajv({ allErrors: true, strict: false, validateFormats: false, logger: false });
  const validators = new Map<string, ValidateFunction>();
  const plainValidatorOf = (o: any) => {
    const key = `${o.apiVersion}/${o.kind}`;
    let v = validators.get(key);
    if (!v) {
      const lookup = lookupCrd(o.apiVersion, o.kind);
      if (!('found' in lookup)) throw new Error(`no CRD for ${key}`);
      v = plain.compile(rootJsonSchema(lookup.found.schema));
      validators.set(key, v);
    }
    return v;
  };
  let sink = 0;
  const ours = () => { for (const o of objects) sink += checkSchema(o).length; };
  const ajv = () => { for (const o of objects) sink += plainValidatorOf(o)(o) ? 0 : 1; };
  // Warm-up: compile, load and JIT both sides before timing.
  for (let i = 0; i < 3; i++) { ours(); ajv(); }
  // CPU time of this process, so other processes on a shared machine do not count.
  const time = (run: () => void) => {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / objects.length;
  };
  const oursTimes: number[] = [];
  const ajvTimes: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let oursTime: number;
    let ajvTime: number;
    if (r % 2 === 0) {
      oursTime = time(ours);
      ajvTime = time(ajv);
    } else {
      ajvTime = time(ajv);
      oursTime = time(ours);
    }
    oursTimes.push(oursTime);
    ajvTimes.push(ajvTime);
    ratios.push(oursTime / ajvTime);
  }
  if (sink < 0) throw new Error('unreachable');
  return {
    services,
    objects: objects.length,
    rounds,
    oursMicrosPerObject: spreadOf(oursTimes),
    ajvMicrosPerObject: spreadOf(ajvTimes),
    ratio: spreadOf(ratios),
  };
}

/** The row as Markdown table lines. */
export function schemaStageTable(row: SchemaStageRow): string[] {
  const f = (s: Spread, d = 1) => `${s.median.toFixed(d)} (${s.min.toFixed(d)}-${s.max.toFixed(d)})`;
  return [
    `schema stage vs plain ajv over the ${row.objects} Istio objects of ${row.services} services, in process, warm, CPU time, `
      + `${row.rounds} interleaved rounds; median (min-max)`,
    '',
    '| ours (µs/object) | plain ajv (µs/object) | ours / ajv |',
    '|---:|---:|---:|',
    `| ${f(row.oursMicrosPerObject)} | ${f(row.ajvMicrosPerObject)} | ${f(row.ratio, 2)}x |`,
  ];
}

if (require.main === module) {
  const [services, rounds] = process.argv.slice(2).map(Number);
  process.stdout.write(schemaStageTable(schemaStageRow(services || undefined, rounds || undefined)).join('\n') + '\n');
}
