import { Testing } from 'cdk8s';
import { GrpcMeshService, GrpcMeshServiceProps } from '../../lib';

/** Synthesizes one GrpcMeshService in a fresh test chart and returns the manifests. */
export function synthMeshService(props: GrpcMeshServiceProps, id = 'svc'): any[] {
  const chart = Testing.chart();
  new GrpcMeshService(chart, id, props);
  return Testing.synth(chart);
}

/** The single object of `kind` in `objects` (fails the test if there is not exactly one). */
export function only(objects: any[], kind: string): any {
  const matches = objects.filter((o) => o.kind === kind);
  if (matches.length !== 1) throw new Error(`expected exactly one ${kind}, found ${matches.length}`);
  return matches[0];
}
