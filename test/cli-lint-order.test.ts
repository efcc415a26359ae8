import * as fc from 'fast-check';
import { lintFixture as fixture, runCliInMemory as run } from './util/run-cli';
import { compareFindings, sortFindings } from '../lib/cli/finding-order';
import { locationOf } from '../lib/cli/lint-report';
import { Finding } from '../lib/validate/finding';

const arbFinding: fc.Arbitrary<Finding> = fc.record({
  severity: fc.constantFrom('error', 'warning', 'info'),
  code: fc.constantFrom('IGR0001', 'IST0101', 'IST0118'),
  message: fc.string({ maxLength: 3 }),
  resource: fc.constant({ apiVersion: 'v1', kind: 'Service', name: 'a' }),
  file: fc.option(fc.constantFrom('a.yaml', 'b.yaml', 'B.yaml', 'dir/a.yaml'), { nil: undefined }),
  line: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  column: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
}, { requiredKeys: ['severity', 'code', 'message', 'resource'] }) as fc.Arbitrary<Finding>;

describe('finding order', () => {
  test('sorting gives the same findings, ordered by file, line, column, code', () => {
    fc.assert(fc.property(fc.array(arbFinding, { maxLength: 20 }), (findings) => {
      const sorted = sortFindings(findings);
      expect([...sorted].sort(compareFindings)).toStrictEqual(sorted);
      expect(sorted).toHaveLength(findings.length);
      for (const f of findings) expect(sorted).toContain(f);
      for (let i = 1; i < sorted.length; i++) {
        const [a, b] = [sorted[i - 1], sorted[i]];
        const key = (f: Finding) => [f.file ?? '', f.line ?? 0, f.column ?? 0, f.code] as const;
        const [ka, kb] = [key(a), key(b)];
        const firstDiff = ka.findIndex((v, k) => v !== kb[k]);
        if (firstDiff >= 0) expect(ka[firstDiff] < kb[firstDiff]).toBe(true);
      }
    }));
  });

  test('the location shows as much of file:line:column as is known', () => {
    const f: Finding = { severity: 'error', code: 'X', message: 'm', resource: { apiVersion: 'v1', kind: 'K', name: 'n' } };
    expect(locationOf(f)).toBe('(objects)');
    expect(locationOf({ ...f, file: 'a.yaml' })).toBe('a.yaml');
    expect(locationOf({ ...f, file: 'a.yaml', line: 3 })).toBe('a.yaml:3');
    expect(locationOf({ ...f, file: 'a.yaml', line: 3, column: 7 })).toBe('a.yaml:3:7');
  });

  test('lint prints findings of several inputs by file then line in text and JSON', async () => {
    // GIVEN inputs named in an order that is not the sorted one
    const inputs = [fixture('warnings-only.yaml'), fixture('dir'), fixture('common-mistakes.yaml')];
    // WHEN
    const json = JSON.parse((await run(['lint', '--format', 'json', ...inputs])).stdout);
    const text = (await run(['lint', ...inputs])).stdout.trimEnd().split('\n').slice(0, -1);
    // THEN
    const keys = json.findings.map((f: any) => `${f.file}:${String(f.line).padStart(4, '0')}:${String(f.column ?? 0).padStart(4, '0')}:${f.code}`);
    expect(keys).toStrictEqual([...keys].sort());
    expect(new Set(json.findings.map((f: any) => f.file)).size).toBe(4);
    expect(text.map((l) => l.split('  ')[0])).toStrictEqual(json.findings.map((f: any) => locationOf(f)));
  });
});
