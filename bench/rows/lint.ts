import { meshDir } from '../harness/inputs';
import { BenchRow } from '../harness/types';

const FLOOR = 'parse floor (js-yaml loadAll + JSON.stringify)';

/** lint's parse + validate of a mesh's YAML in one process, inputs already read, against the parse floor. */
export function lintInProcessRow(services: number, optIn = false): BenchRow {
  return {
    id: `lint-${services}`,
    title: `lint in-process, ${services.toLocaleString('en-US')} services`,
    optIn,
    maxRuns: optIn ? 3 : undefined,
    baseline: FLOOR,
    prepare: (ctx) => void meshDir(ctx, services),
    subjects: [
      { name: 'parseYamlDocuments + validateSources', timing: 'in-process', command: (ctx) => ['bench/subjects/lint-in-process.js', meshDir(ctx, services)] },
      { name: FLOOR, timing: 'in-process', command: (ctx) => ['bench/subjects/parse-floor.js', meshDir(ctx, services)] },
    ],
  };
}

/** `istio-grpc lint DIR` as users run it: a whole, cold process, against the parse floor as a process. */
export function lintCliRow(services: number, optIn = false): BenchRow {
  return {
    id: `lint-cli-${services}`,
    title: `istio-grpc lint (whole process), ${services.toLocaleString('en-US')} services`,
    optIn,
    maxRuns: optIn ? 3 : undefined,
    baseline: FLOOR,
    prepare: (ctx) => void meshDir(ctx, services),
    subjects: [
      { name: 'istio-grpc lint', timing: 'process', command: (ctx) => ['lib/cli/main.js', 'lint', '--format', 'json', meshDir(ctx, services)] },
      { name: FLOOR, timing: 'process', command: (ctx) => ['bench/subjects/parse-floor.js', meshDir(ctx, services)] },
    ],
  };
}
