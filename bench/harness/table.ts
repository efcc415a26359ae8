import { Spread, spreadOf } from './stats';
import { BenchRow, Measurement } from './types';

/** The runs of one row, subject by subject, in the order they ran (interleaved). */
export interface RowResult {
  readonly row: BenchRow;
  readonly runs: ReadonlyMap<string, readonly Measurement[]>;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const range = (s: Spread, f: (n: number) => string) => `${f(s.median)} (${f(s.min)}-${f(s.max)})`;
const ratio = (n: number) => `${n.toFixed(2)}x`;

/**
 * The results as one markdown table the README takes as is: medians with min-max; the ratio of
 * each subject to the row's baseline is taken run by run (run i of A over run i of B, which ran
 * next to each other) and summarized the same way, so drifting machine load cancels out.
 */
export function markdownTable(results: readonly RowResult[]): string {
  const lines = [
    '| row | subject | objects | wall ms, median (min-max) | CPU ms, median | peak RSS MiB, median | vs baseline, wall (min-max) | vs baseline, CPU |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { row, runs } of results) {
    const base = runs.get(row.baseline)!;
    for (const subject of row.subjects) {
      const ms = runs.get(subject.name)!;
      const isBase = subject.name === row.baseline;
      const wallRatio = isBase ? 'baseline' : range(spreadOf(ms.map((m, i) => m.ms / base[i].ms)), ratio);
      const cpuRatio = isBase ? '' : ratio(spreadOf(ms.map((m, i) => m.cpuMs / base[i].cpuMs)).median);
      const objects = ms[0].objects === undefined ? '' : int(ms[0].objects);
      lines.push(`| ${row.title} | ${subject.name} | ${objects} | ${range(spreadOf(ms.map((m) => m.ms)), int)} | ${int(spreadOf(ms.map((m) => m.cpuMs)).median)} | ${int(spreadOf(ms.map((m) => m.maxRssMiB)).median)} | ${wallRatio} | ${cpuRatio} |`);
    }
  }
  return lines.join('\n');
}
