import { lintFixture as fixture, runCliInMemory as run } from './util/run-cli';
import { atLeast, parseSeverityThreshold } from '../lib/cli/severity-threshold';

// warnings-only.yaml: one IGR3001 warning and one IST0118 info, no error.
const WARNINGS_ONLY = fixture('warnings-only.yaml');
const codesOf = (stdout: string) => JSON.parse(stdout).findings.map((f: any) => f.code);

describe('severity thresholds', () => {
  test('levels rank info < warning < error', () => {
    expect(atLeast('error', 'warning')).toBe(true);
    expect(atLeast('warning', 'warning')).toBe(true);
    expect(atLeast('info', 'warning')).toBe(false);
    expect(atLeast('warning', 'error')).toBe(false);
    expect(atLeast('info', 'info')).toBe(true);
  });

  test('values are read in any case, as istioctl does, and anything else is refused', () => {
    expect(parseSeverityThreshold('Warning')).toBe('warning');
    expect(parseSeverityThreshold('ERROR')).toBe('error');
    expect(() => parseSeverityThreshold('warn')).toThrow('Use one of error, warning, info.');
  });
});

describe('istio-grpc lint --failure-threshold / --output-threshold', () => {
  test('by default only errors fail, and every finding is printed', async () => {
    const r = await run(['lint', '--format', 'json', WARNINGS_ONLY]);
    expect(r.code).toBe(0);
    expect(codesOf(r.stdout)).toStrictEqual(['IST0118', 'IGR3001']);
  });

  test('--failure-threshold warning fails on a warning; info fails on an info', async () => {
    expect((await run(['lint', '--failure-threshold', 'warning', WARNINGS_ONLY])).code).toBe(1);
    expect((await run(['lint', '--failure-threshold', 'Info', WARNINGS_ONLY])).code).toBe(1);
    expect((await run(['lint', '--failure-threshold', 'error', WARNINGS_ONLY])).code).toBe(0);
  });

  test('--output-threshold hides lower findings from every format but still counts them', async () => {
    // WHEN
    const json = await run(['lint', '--format', 'json', '--output-threshold', 'warning', WARNINGS_ONLY]);
    const text = await run(['lint', '--output-threshold', 'error', WARNINGS_ONLY]);
    const sarif = await run(['lint', '--format', 'sarif', '--output-threshold', 'warning', WARNINGS_ONLY]);
    // THEN
    expect(codesOf(json.stdout)).toStrictEqual(['IGR3001']);
    expect(JSON.parse(json.stdout).summary).toMatchObject({ warnings: 1, infos: 1, notShown: 1 });
    expect(text.stdout).toBe('2 objects: 0 errors, 1 warning, 1 info (2 below --output-threshold not shown)\n');
    expect(JSON.parse(sarif.stdout).runs[0].results.map((r: any) => r.ruleId)).toStrictEqual(['IGR3001']);
  });

  test('the exit code ignores the output threshold: hidden warnings still fail a warning threshold', async () => {
    const r = await run(['lint', '--output-threshold', 'error', '--failure-threshold', 'warning', WARNINGS_ONLY]);
    expect(r.code).toBe(1);
  });

  test('suppressed findings no longer count towards the failure threshold', async () => {
    const r = await run(['lint', '--failure-threshold', 'warning', '-S', 'IGR3001=VirtualService greeter.shop', WARNINGS_ONLY]);
    expect(r.code).toBe(0);
  });

  test.each(['--failure-threshold', '--output-threshold'])('a bad %s value is a usage error with the choices', async (flag) => {
    const r = await run(['lint', flag, 'fatal', WARNINGS_ONLY]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`option '${flag} <level>' argument 'fatal' is invalid\\. Use one of error, warning, info\\.`));
  });
});
