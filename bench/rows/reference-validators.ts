import { objectsFile } from '../harness/inputs';
import { BenchRow } from '../harness/types';

const AJV = 'plain ajv (CRD schemas only)';

/**
 * Reference rows: the Istio objects of a mesh checked by our whole engine, by plain ajv with the
 * same CRD schemas, and by @kubernetes-models/istio's validate(); compared with plain ajv.
 */
export function referenceValidatorsRow(services: number): BenchRow {
  const file = (ctx: Parameters<NonNullable<BenchRow['prepare']>>[0]) => objectsFile(ctx, services);
  return {
    id: `validators-${services}`,
    title: `validate the Istio objects of ${services.toLocaleString('en-US')} services`,
    baseline: AJV,
    prepare: (ctx) => void file(ctx),
    subjects: [
      { name: 'istio-grpc validateObjects (all stages)', timing: 'in-process', command: (ctx) => ['bench/subjects/validate-ours.js', file(ctx)] },
      { name: AJV, timing: 'in-process', command: (ctx) => ['bench/subjects/validate-ajv.js', file(ctx)] },
      { name: '@kubernetes-models/istio validate()', timing: 'in-process', command: (ctx) => ['bench/subjects/validate-kubernetes-models.js', file(ctx)] },
    ],
  };
}
