import '@microsoft/jest-sarif';
import { lintFixture as fixture, runCliInMemory as run } from './util/run-cli';
import { renderLintSarif, SARIF_SCHEMA_URI, uriOf } from '../lib/cli/lint-sarif';
import { packageVersion } from '../lib/cli/package-version';
import { IST } from '../lib/validate/analyzer/codes';
import { ALL_CODES } from '../lib/validate/codes';

/** Checks a log against the SARIF 2.1.0 JSON schema the package ships. */
const expectValidSarif = (log: unknown) => (expect(log) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog();

async function sarifOf(...args: string[]) {
  const r = await run(['lint', '--format', 'sarif', ...args]);
  return { ...r, log: JSON.parse(r.stdout) };
}

describe('istio-grpc lint --format sarif', () => {
  test('is a valid SARIF 2.1.0 log, with the same exit code as text', async () => {
    // WHEN
    const { code, log } = await sarifOf(fixture('common-mistakes.yaml'));
    // THEN
    expect(code).toBe(1);
    expectValidSarif(log);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'istio-grpc', version: packageVersion() });
  });

  test('the schema check catches a broken log', () => {
    // GIVEN a log whose result has a level SARIF does not define
    const log = JSON.parse(renderLintSarif([{ severity: 'info', code: 'IST0118', message: 'm', resource: { apiVersion: 'v1', kind: 'Service', name: 'a' } }], '1.0.0'));
    log.runs[0].results[0].level = 'info';
    // THEN
    expect(() => expectValidSarif(log)).toThrow();
  });

  test('every code of the code tables is a rule with its default level', async () => {
    const { log } = await sarifOf(fixture('grpc-service.yaml'));
    const rules = log.runs[0].tool.driver.rules;
    const expected = [
      ...ALL_CODES.map((c) => [c.code, c.severity]),
      ...Object.values(IST).map((c) => [c.code, c.severity]),
    ].map(([id, severity]) => [id, severity === 'info' ? 'note' : severity]).sort();
    expect(rules.map((r: any) => [r.id, r.defaultConfiguration.level])).toStrictEqual(expected);
    for (const r of rules) expect(r.shortDescription.text).toMatch(/^[A-Z]/);
    const igr0001 = ALL_CODES.find((c) => c.code === 'IGR0001')!;
    expect(rules.find((r: any) => r.id === 'IGR0001').shortDescription.text).toBe(igr0001.title.charAt(0).toUpperCase() + igr0001.title.slice(1));
    expect(rules.find((r: any) => r.id === 'IST0101')).toMatchObject({
      shortDescription: { text: 'Referenced resource not found' },
      helpUri: 'https://istio.io/latest/docs/reference/config/analysis/ist0101/',
    });
  });

  test('each finding is a result with rule, level, message and file region, in lint order', async () => {
    // GIVEN
    const json = JSON.parse((await run(['lint', '--format', 'json', fixture('common-mistakes.yaml')])).stdout);
    // WHEN
    const { log } = await sarifOf(fixture('common-mistakes.yaml'));
    // THEN
    const { results, tool } = log.runs[0];
    expect(results).toHaveLength(json.findings.length);
    results.forEach((r: any, i: number) => {
      const f = json.findings[i];
      expect(r.ruleId).toBe(f.code);
      expect(tool.driver.rules[r.ruleIndex].id).toBe(f.code);
      expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity as string]);
      expect(r.message.text).toContain(f.message);
      expect(r.message.text).toContain(f.resource.name);
      const physical = r.locations[0].physicalLocation;
      expect(physical.artifactLocation.uri).toBe(uriOf(f.file));
      expect(physical.region.startLine).toBe(f.line);
      expect(physical.region.startColumn).toBe(f.column);
    });
  });

  test('the region carries the column when the finding has one', () => {
    const finding = { severity: 'error' as const, code: 'IGR2005', message: 'm', resource: { apiVersion: 'v1', kind: 'K', name: 'n' }, file: 'a.yaml', line: 4, column: 9 };
    const log = JSON.parse(renderLintSarif([finding], '1.0.0'));
    expect(log.runs[0].results[0].locations[0].physicalLocation).toStrictEqual({ artifactLocation: { uri: 'a.yaml' }, region: { startLine: 4, startColumn: 9 } });
    expectValidSarif(log);
  });

  test('findings from standard input have the object but no file location', async () => {
    const { log, code } = await sarifOf('-');
    expect(code).toBe(0);
    expect(log.runs[0].results).toStrictEqual([]);
    const stdin = await run(['lint', '--format', 'sarif', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n');
    const result = JSON.parse(stdin.stdout).runs[0].results[0];
    expect(result.locations).toStrictEqual([{ logicalLocations: [{ fullyQualifiedName: 'ConfigMap <no name>', kind: 'object' }] }]);
    expectValidSarif(JSON.parse(stdin.stdout));
  });

  test('file paths become URI references: relative stays relative, absolute becomes file://', () => {
    expect(uriOf('dist/my app/a#1.yaml')).toBe('dist/my%20app/a%231.yaml');
    expect(uriOf('dist\\a.yaml')).toBe('dist/a.yaml');
    expect(uriOf('/tmp/x y.yaml')).toBe('file:///tmp/x%20y.yaml');
  });
});
