import { objectsFile } from '../harness/inputs';
import { BenchRow } from '../harness/types';

/**
 * Synthesis of a `services`-service mesh through our constructs with full validation, against
 * the same objects as raw cdk8s ApiObjects (built from JSON in a process of their own). Ours runs
 * with the code cache the build writes, as the package ships, and without it.
 */
export function synthRow(services: number): BenchRow {
  return {
    id: `synth-${services}`,
    title: `synth + validate, ${services.toLocaleString('en-US')} services`,
    baseline: 'raw cdk8s ApiObjects',
    prepare: (ctx) => void objectsFile(ctx, services),
    subjects: [
      { name: 'istio-grpc constructs', timing: 'in-process', command: () => ['bench/subjects/synth-ours.js', String(services)] },
      // What users on a Node other than the build's get: the same code compiled as it loads.
      { name: 'istio-grpc, code cache off', timing: 'in-process', command: () => ['bench/subjects/synth-ours-uncached.js', String(services)] },
      { name: 'raw cdk8s ApiObjects', timing: 'in-process', command: (ctx) => ['bench/subjects/synth-baseline.js', objectsFile(ctx, services)] },
    ],
  };
}
