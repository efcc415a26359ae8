import * as fc from 'fast-check';
import { lintFixture as fixture, runCliInMemory as run } from './util/run-cli';
import { globMatch } from '../lib/cli/glob-match';
import { isSuppressed, MAX_SUPPRESSION_LENGTH, MAX_SUPPRESSIONS, parseSuppression, Suppression, suppressionNamesOf } from '../lib/cli/suppress';
import { Finding } from '../lib/validate/finding';

/** The oracle: the same glob as a regular expression (fine for the short strings of the property). */
const globAsRegExp = (pattern: string) =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');

const finding = (code: string, kind: string, name: string, namespace?: string): Finding => ({
  severity: 'error', code, message: 'm', resource: { apiVersion: 'v1', kind, name, ...(namespace ? { namespace } : {}) },
});

describe('globMatch', () => {
  test('agrees with the equivalent regular expression on any pattern and text', () => {
    const pattern = fc.string({ unit: fc.constantFrom('a', 'b', '.', '*', ' '), maxLength: 8 });
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '.', ' '), maxLength: 10 });
    fc.assert(fc.property(pattern, text, (p, t) => globMatch(p, t) === globAsRegExp(p).test(t)), { numRuns: 2000 });
  });

  test('only * is special: regular-expression characters stand for themselves', () => {
    expect(globMatch('Service a.b', 'Service a.b')).toBe(true);
    expect(globMatch('Service a.b', 'Service axb')).toBe(false);
    expect(globMatch('Service a?', 'Service ab')).toBe(false);
    expect(globMatch('*', '')).toBe(true);
  });

  test('a pattern of many stars against a long near-miss text still answers', () => {
    // GIVEN a pattern that makes a backtracking regular expression explode
    const pattern = '*a'.repeat(200) + 'b';
    // WHEN / THEN
    expect(globMatch(pattern, 'a'.repeat(2000))).toBe(false);
    expect(globMatch(pattern, 'a'.repeat(2000) + 'b')).toBe(true);
  });
});

describe('parseSuppression', () => {
  test('reads CODE=Kind name.namespace and appends to the earlier values', () => {
    const first = parseSuppression('IST0101=VirtualService reviews.default');
    expect(first).toStrictEqual([{ code: 'IST0101', resource: 'VirtualService reviews.default' }]);
    expect(parseSuppression(' igr3* = * ', first)).toStrictEqual([...first, { code: 'IGR3*', resource: '*' }]);
  });

  test.each([
    ['no "="', 'IST0101', /exactly one "="/],
    ['two "="', 'IST0101=a=b', /exactly one "="/],
    ['no code', '=Service a.b', /code must be letters, digits or \*/],
    ['a code with a dash', 'IST-0101=Service a.b', /code must be letters, digits or \*/],
    ['no resource', 'IST0101=', /Name the resource after "="/],
    ['an over-long value', 'IST0101=' + 'x'.repeat(MAX_SUPPRESSION_LENGTH), /Longer than 1024 characters/],
  ])('%s is refused', (_label, value, message) => {
    expect(() => parseSuppression(value)).toThrow(message);
  });

  test('refuses more than the maximum number of suppressions', () => {
    const many: Suppression[] = Array.from({ length: MAX_SUPPRESSIONS }, () => ({ code: 'IST0101', resource: '*' }));
    expect(() => parseSuppression('IST0101=*', many)).toThrow(/At most 1000 suppressions/);
  });
});

describe('isSuppressed', () => {
  test('matches code and Kind name.namespace, each with wildcards', () => {
    const f = finding('IST0101', 'VirtualService', 'reviews', 'shop');
    expect(isSuppressed(f, [{ code: 'IST0101', resource: 'VirtualService reviews.shop' }])).toBe(true);
    expect(isSuppressed(f, [{ code: 'IST0101', resource: 'VirtualService *.shop' }])).toBe(true);
    expect(isSuppressed(f, [{ code: 'IST01*', resource: '*' }])).toBe(true);
    expect(isSuppressed(f, [{ code: 'IST0101', resource: 'VirtualService reviews.default' }])).toBe(false);
    expect(isSuppressed(f, [{ code: 'IST0102', resource: '*' }])).toBe(false);
    expect(isSuppressed(f, [{ code: 'IST0101', resource: 'DestinationRule reviews.shop' }])).toBe(false);
    expect(isSuppressed(f, [])).toBe(false);
  });

  test('an object without namespace answers to the default namespace and to the cluster-scoped form', () => {
    expect(suppressionNamesOf(finding('X', 'Service', 'a').resource)).toStrictEqual(['Service a', 'Service a.default']);
    expect(isSuppressed(finding('IST0118', 'Service', 'a'), [{ code: 'IST0118', resource: 'Service a.default' }])).toBe(true);
    expect(isSuppressed(finding('IGR0001', 'Namespace', 'shop'), [{ code: 'IGR0001', resource: 'Namespace shop' }])).toBe(true);
  });
});

describe('istio-grpc lint --suppress', () => {
  test('drops exactly the suppressed findings and counts them', async () => {
    // GIVEN two IST0101 on greeter-canary among other errors
    const base = JSON.parse((await run(['lint', '--format', 'json', fixture('common-mistakes.yaml')])).stdout);
    // WHEN
    const r = await run(['lint', '--format', 'json', '--suppress', 'IST0101=VirtualService greeter-canary.default', fixture('common-mistakes.yaml')]);
    // THEN
    const parsed = JSON.parse(r.stdout);
    expect(parsed.findings).toStrictEqual(base.findings.filter((f: any) => !(f.code === 'IST0101' && f.resource.name === 'greeter-canary')));
    expect(parsed.summary).toMatchObject({ errors: base.summary.errors - 2, suppressed: 2 });
    expect(r.code).toBe(1);
  });

  test('is repeatable (-S too) and can suppress every error, which makes lint pass', async () => {
    // The webhook refuses greeter's retryOn (IST0106); its references are analyzed all the same (IST0101).
    const r = await run(['lint', '-S', '*=Gateway *', '--suppress', 'IST0106=VirtualService greeter.*', '-S', 'IST0101=VirtualService greeter*.*', fixture('common-mistakes.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^5 objects: 0 errors, 2 warnings, 1 info, 8 suppressed$/m);
  });

  test('an unknown code warns on stderr and suppresses nothing', async () => {
    const r = await run(['lint', '-S', 'IST9999=*', fixture('dir/no-name.yml')]);
    expect(r.stderr).toBe('istio-grpc lint: warning: --suppress code IST9999 is not a code lint reports; it suppresses nothing.\n');
    expect(r.code).toBe(1);
  });

  test('a malformed value is a usage error naming the option, with nothing on stdout', async () => {
    const r = await run(['lint', '--suppress', 'IST0101', fixture('dir/no-name.yml')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/option '-S, --suppress <CODE=RESOURCE>' argument 'IST0101' is invalid\. Use exactly one "="/);
  });
});
