import { objectsFile } from '../harness/inputs';
import { BenchRow } from '../harness/types';

/**
 * Synthesis of a `services`-service mesh through our constructs with full validation, against
 * the same objects as raw cdk8s ApiObjects (built from JSON in a process of their own).
 */
export function synthRow(services: number): BenchRow {
  return {
    id: `synth-${services}`,
    title: `synth + validate, ${services.toLocaleString('en-US')} services`,
    baseline: 'raw cdk8s ApiObjects',
    prepare: (ctx) => void objectsFile(ctx, services),
    subjects: [
      { name: 'istio-grpc constructs', timing: 'in-process', command: () => ['bench/subjects/synth-ours.js', String(services)] },
      { name: 'raw cdk8s ApiObjects', timing: 'in-process', command: (ctx) => ['bench/subjects/synth-baseline.js', objectsFile(ctx, services)] },
    ],
  };
}
