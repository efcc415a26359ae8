import { GrpcCanary, GrpcIngress } from '../lib';
import { BenchFeature } from './mesh';

/**
 * Features added to the benchmark mesh besides the services themselves: every service gets a
 * canary (90/10 with the canary Deployment), every tenth an ingress with TLS.
 */
export const BENCH_FEATURES: readonly BenchFeature[] = [
  (chart, service, i) => new GrpcCanary(chart, `svc-${i}-canary`, { service, canaryWorkload: { image: `registry.example.com/svc-${i}:2.0.0` } }),
  (chart, service, i) => {
    if (i % 10 === 0) new GrpcIngress(chart, `svc-${i}-ingress`, { service, hosts: [`svc-${i}.example.com`], tls: { credentialName: `svc-${i}-tls` } });
  },
];
