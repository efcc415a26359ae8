import { selectRows } from '../bench/harness/select';
import { median } from '../bench/harness/stats';
import { markdownTable } from '../bench/harness/table';
import { BenchRow, Measurement } from '../bench/harness/types';

const subject = (name: string) => ({ name, timing: 'in-process' as const, command: () => [name] });
const row = (id: string, optIn = false): BenchRow => ({ id, title: id, optIn, baseline: 'base', subjects: [subject('ours'), subject('base')] });
const ROWS = [row('synth-10'), row('synth-1000'), row('lint-cli-1000'), row('lint-cli-50000', true)];
const m = (ms: number, cpuMs = ms): Measurement => ({ ms, cpuMs, maxRssMiB: 100, objects: 72 });

describe('bench harness', () => {
  test('median of odd and even counts, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('rows: all but opt-in by default; prefixes select groups; exact ids select opt-in rows; unknown names refused', () => {
    expect(selectRows(ROWS, undefined, false).map((r) => r.id)).toStrictEqual(['synth-10', 'synth-1000', 'lint-cli-1000']);
    expect(selectRows(ROWS, undefined, true)).toHaveLength(4);
    expect(selectRows(ROWS, 'synth', false).map((r) => r.id)).toStrictEqual(['synth-10', 'synth-1000']);
    expect(selectRows(ROWS, 'lint-cli', false).map((r) => r.id)).toStrictEqual(['lint-cli-1000']);
    expect(selectRows(ROWS, 'lint-cli-50000', false).map((r) => r.id)).toStrictEqual(['lint-cli-50000']);
    expect(() => selectRows(ROWS, 'synth,nope', false)).toThrow(/no bench row nope/);
  });

  test('ratios are taken run by run, so a slow round on both sides cancels out', () => {
    // Round 2 ran while the machine was busy: both sides took 10x longer.
    const runs = new Map([['ours', [m(120), m(1200), m(130)]], ['base', [m(100), m(1000), m(100)]]]);
    const table = markdownTable([{ row: row('synth-10'), runs }]);
    const ours = table.split('\n').find((l) => l.includes('| ours |'))!;
    expect(ours).toContain('| 130 (120-1,200) |');
    expect(ours).toContain('| 1.20x (1.20x-1.30x) |');
    expect(table.split('\n').find((l) => l.includes('| base |'))).toContain('| baseline |');
  });
});
