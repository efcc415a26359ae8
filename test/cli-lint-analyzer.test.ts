import { IstioGrpcError } from '../lib/core/errors';
import { validateObjects } from '../lib/validate';
import { lintFixture as fixture, runCliInMemory as run } from './util/run-cli';
import { analyzerNames } from '../lib/validate/analyzer';
import { ALL_ANALYZERS } from '../lib/validate/analyzer/all';

/** A VirtualService the webhook refuses (retryOn token with a space) routing to a host with no Service. */
const refusedAndDangling = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'users', namespace: 'shop' },
  spec: { hosts: ['users'], http: [{ route: [{ destination: { host: 'users' } }], retries: { attempts: 2, retryOn: 'unavailable, cancelled' } }] },
};

const codesOf = (analyzers?: string[]) => validateObjects([refusedAndDangling], analyzers ? { analyzers } : {}).map((f) => f.code).sort();

describe('selecting analyzers, as istioctl analyze --analyzer does', () => {
  test('every check runs by default; a selection reports only the checks it names', () => {
    expect(codesOf()).toStrictEqual(['IST0101', 'IST0106']);
    expect(codesOf(['virtualservice.DestinationHostAnalyzer'])).toStrictEqual(['IST0101']);
    // The webhook's rules for a kind are the analyzer istioctl names schema.ValidationAnalyzer.<Kind>.
    expect(codesOf(['schema.ValidationAnalyzer.VirtualService'])).toStrictEqual(['IST0106']);
    expect(codesOf(['schema.ValidationAnalyzer.VirtualService', 'virtualservice.DestinationHostAnalyzer'])).toStrictEqual(['IST0101', 'IST0106']);
    expect(codesOf(['service.PortNameAnalyzer'])).toStrictEqual([]);
  });

  test('the CRD schema stage runs whatever the selection', () => {
    const bad = { ...refusedAndDangling, spec: { ...refusedAndDangling.spec, hosts: 'users' } };
    expect(validateObjects([bad], { analyzers: ['service.PortNameAnalyzer'] }).map((f) => f.code)).toContain('IGR1004');
  });

  test('pod security checks are an analyzer of their own', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' }, spec: { containers: [{ name: 'app', image: 'a:1' }] } };
    expect(validateObjects([pod]).some((f) => f.code.startsWith('IGR40'))).toBe(true);
    expect(validateObjects([pod], { analyzers: ['service.PortNameAnalyzer'] }).some((f) => f.code.startsWith('IGR40'))).toBe(false);
    expect(validateObjects([pod], { analyzers: ['podsecurity.RestrictedAnalyzer'] }).some((f) => f.code.startsWith('IGR40'))).toBe(true);
  });

  test('an unknown name is refused with the closest name, not silently widened to every analyzer', () => {
    expect(() => validateObjects([refusedAndDangling], { analyzers: ['virtualservice.DestinationHostAnalyser'] }))
      .toThrow(IstioGrpcError);
    expect(() => validateObjects([refusedAndDangling], { analyzers: ['virtualservice.DestinationHostAnalyser'] }))
      .toThrow(/analyzers: got "virtualservice.DestinationHostAnalyser".*use virtualservice.DestinationHostAnalyzer/);
  });

  test('the names are Istio\'s analyzer names, each listed once, with every analyzer\'s name among them', () => {
    const names = analyzerNames();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toStrictEqual([...names].sort());
    for (const a of ALL_ANALYZERS) expect(names).toContain(a.name);
    expect(names).toEqual(expect.arrayContaining(['gateway.SecretAnalyzer', 'webhook.Analyzer', 'schema.ValidationAnalyzer.DestinationRule']));
  });
});

describe('istio-grpc lint --analyzer / --list-analyzers', () => {
  test('--list-analyzers prints every name, one a line, and needs no path', async () => {
    const r = await run(['lint', '--list-analyzers']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toStrictEqual(analyzerNames());
    expect((await run(['lint', '-L'])).stdout).toBe(r.stdout);
  });

  test('--analyzer is repeatable and narrows the findings', async () => {
    const all = JSON.parse((await run(['lint', '--format', 'json', fixture('common-mistakes.yaml')])).stdout).findings;
    const r = await run(['lint', '--format', 'json', '--analyzer', 'service.PortNameAnalyzer', '--analyzer', 'grpc.RouteWeightsAnalyzer', fixture('common-mistakes.yaml')]);
    const codes = JSON.parse(r.stdout).findings.map((f: any) => f.code);
    expect(codes.filter((c: string) => !/^IGR[01]/.test(c)).sort()).toStrictEqual(['IGR3001', 'IGR3001', 'IST0118']);
    expect(codes.length).toBeLessThan(all.length);
  });

  test('an unknown analyzer exits 2 with the closest name; no path is a usage error too', async () => {
    const r = await run(['lint', '--analyzer', 'service.PortNameAnalyser', fixture('grpc-service.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('istio-grpc lint: error: unknown analyzer "service.PortNameAnalyser"; did you mean service.PortNameAnalyzer? (--list-analyzers prints them)\n');
    const none = await run(['lint']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing required argument 'paths'/);
  });
});
