import { App, Chart } from 'cdk8s';
import { BENCH_FEATURES } from './features';
import { benchServiceProps } from './mesh';
import { GrpcMeshService } from '../lib';

/**
 * Services `first` .. `first + count - 1` of the benchmark mesh (with its features) in one app:
 * large meshes are generated in slices, each validated at synth like any app.
 */
export function buildServiceRange(first: number, count: number): App {
  const app = new App({ outdir: '/tmp/istio-grpc-bench' });
  const chart = new Chart(app, 'mesh');
  for (let i = first; i < first + count; i++) {
    const service = new GrpcMeshService(chart, `svc-${i}`, benchServiceProps(i));
    for (const feature of BENCH_FEATURES) feature(chart, service, i);
  }
  return app;
}
