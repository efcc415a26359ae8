import { BenchRow } from './harness/types';
import { lintCliRow, lintInProcessRow } from './rows/lint';
import { referenceValidatorsRow } from './rows/reference-validators';
import { synthRow } from './rows/synth';

/**
 * Every row of `npm run bench`, in table order. A new row is a file under bench/rows/ exporting
 * a function that returns a BenchRow, and one line here.
 */
export const BENCH_ROWS: readonly BenchRow[] = [
  synthRow(10),
  synthRow(100),
  synthRow(1_000),
  lintInProcessRow(1_000),
  lintCliRow(1_000),
  lintInProcessRow(10_000),
  lintCliRow(10_000),
  // 360,000 objects: minutes per run, so only with --large (or --rows lint-cli-50000).
  lintInProcessRow(50_000, true),
  lintCliRow(50_000, true),
  referenceValidatorsRow(1_000),
];
