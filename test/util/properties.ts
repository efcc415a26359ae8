import { App, Chart } from 'cdk8s';
import { GrpcCanary, GrpcCanaryOptions, GrpcIngress, GrpcIngressOptions, GrpcMeshService, GrpcMeshServiceProps } from '../../lib';
import { IstioGrpcError } from '../../lib/core/errors';

/** How one generated input ended: refused with our error, or synthesized with no error finding. */
export type Outcome = 'rejected' | 'synthesized';

/** Synth never writes files here (synthYaml keeps output in memory). */
const OUTDIR = '/tmp/istio-grpc-properties';

/**
 * The reliability property of a construct: construction/synth either throws IstioGrpcError
 * (naming construct path, field and fix) or succeeds, which means the validation engine found no
 * error in any emitted object. Anything else (TypeError, a validation failure at synth, an
 * IstioGrpcError without a fix) is thrown as a property violation.
 */
export function synthOutcome(build: (chart: Chart) => void): Outcome {
  const app = new App({ outdir: OUTDIR });
  const chart = new Chart(app, 'fuzz');
  try {
    build(chart);
    app.synthYaml();
    return 'synthesized';
  } catch (err) {
    if (err instanceof IstioGrpcError) {
      if (!err.construct.startsWith('fuzz/') || !err.field || !err.fix) throw new Error(`IstioGrpcError without path, field or fix: ${err.message}`);
      return 'rejected';
    }
    throw new Error(`property violated: ${(err as Error)?.stack ?? String(err)}`);
  }
}

/** The property for GrpcMeshService. */
export function meshServiceOutcome(props: GrpcMeshServiceProps): Outcome {
  return synthOutcome((chart) => new GrpcMeshService(chart, 'svc', props));
}

/** The property for GrpcCanary (with the service it splits). */
export function canaryOutcome(input: { service: GrpcMeshServiceProps; canary: GrpcCanaryOptions }): Outcome {
  return synthOutcome((chart) => {
    const service = new GrpcMeshService(chart, 'svc', input.service);
    new GrpcCanary(chart, 'canary', { service, ...input.canary });
  });
}

/** The property for GrpcIngress (with the service it exposes). */
export function ingressOutcome(input: { service: GrpcMeshServiceProps; ingress: GrpcIngressOptions }): Outcome {
  return synthOutcome((chart) => {
    const service = new GrpcMeshService(chart, 'svc', input.service);
    new GrpcIngress(chart, 'ingress', { service, ...input.ingress });
  });
}
