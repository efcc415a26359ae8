import { BenchFeature } from './mesh';

/** Features added to the benchmark mesh besides the services themselves. */
export const BENCH_FEATURES: readonly BenchFeature[] = [];
