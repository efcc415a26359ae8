import { App, Chart } from 'cdk8s';
import { Duration, GrpcMeshService, GrpcMeshServiceProps, Idempotency, RetryOn } from '../lib';

/** Props of service `i` of a benchmark mesh: per-method routes, a workload, safe retries. */
export function benchServiceProps(i: number): GrpcMeshServiceProps {
  return {
    name: `svc-${i}`,
    namespace: `team-${i % 10}`,
    workload: { image: `registry.example.com/svc-${i}:1.0.0`, version: 'v1' },
    protoService: `bench.v1.Service${i}`,
    timeout: Duration.seconds(5),
    methods: [
      { name: 'Get', idempotency: Idempotency.NO_SIDE_EFFECTS, retries: { attempts: 3, perTryTimeout: Duration.millis(500), retryOn: [RetryOn.UNAVAILABLE, RetryOn.RESET] } },
      { name: 'Update', idempotency: Idempotency.IDEMPOTENT, timeout: Duration.seconds(2) },
      { name: 'Create', idempotency: Idempotency.NON_IDEMPOTENT },
    ],
  };
}

/** Features layered on some services; later features (canary, ingress) register here. */
export type BenchFeature = (chart: Chart, service: GrpcMeshService, i: number) => void;

/** Our layer: each service through the constructs, validated at synth. */
export function buildOurs(size: number, features: readonly BenchFeature[]): App {
  const app = new App({ outdir: '/tmp/istio-grpc-bench' });
  const chart = new Chart(app, 'mesh');
  for (let i = 0; i < size; i++) {
    const service = new GrpcMeshService(chart, `svc-${i}`, benchServiceProps(i));
    for (const feature of features) feature(chart, service, i);
  }
  return app;
}

// Kept here for existing imports; the implementation lives where it loads cdk8s alone.
export { buildBaseline } from './baseline';
