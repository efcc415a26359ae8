import { Testing } from 'cdk8s';
import { GrpcMeshService, GrpcMeshServiceProps, IstioGrpcError } from '../../lib';

/** Synthesizes one GrpcMeshService in a fresh test chart and returns the manifests. */
export function synthMeshService(props: GrpcMeshServiceProps, id = 'svc'): any[] {
  const chart = Testing.chart();
  new GrpcMeshService(chart, id, props);
  return Testing.synth(chart);
}

/**
 * The manifests of one GrpcMeshService, or undefined when the construct refuses the props with an
 * IstioGrpcError (any other error fails the test): the two outcomes property tests accept.
 */
export function synthOrRefused(props: GrpcMeshServiceProps): any[] | undefined {
  try {
    return synthMeshService(props);
  } catch (err) {
    if (!(err instanceof IstioGrpcError)) throw err;
    return undefined;
  }
}

/** The single object of `kind` in `objects` (fails the test if there is not exactly one). */
export function only(objects: any[], kind: string): any {
  const matches = objects.filter((o) => o.kind === kind);
  if (matches.length !== 1) throw new Error(`expected exactly one ${kind}, found ${matches.length}`);
  return matches[0];
}
