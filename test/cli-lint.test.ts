import { lintFixture as fixture, runCliInMemory as run } from './util/run-cli';

describe('istio-grpc lint', () => {
  test('a correct gRPC service exits 0 and says so in text', async () => {
    // WHEN
    const r = await run(['lint', fixture('grpc-service.yaml')]);
    // THEN
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^3 objects: 0 errors, \d+ warnings?, \d+ infos?\n$/m);
  });

  test('JSON output carries findings and a summary', async () => {
    const r = await run(['lint', '--format', 'json', fixture('dir')]);
    const parsed = JSON.parse(r.stdout);
    expect(Object.keys(parsed)).toStrictEqual(['findings', 'summary']);
    expect(parsed.summary).toMatchObject({ objects: 3, errors: 2 });
    expect(parsed.findings.find((f: any) => f.code === 'IGR0001')).toMatchObject({
      severity: 'error',
      code: 'IGR0001',
      resource: { apiVersion: 'v1', kind: 'ConfigMap', name: '' },
      file: fixture('dir/no-name.yml'),
      line: 1,
    });
  });

  test('directories are searched recursively for .yaml/.yml/.json only; List items are expanded', async () => {
    // GIVEN a List holding the same ConfigMap twice, and a .txt file that is not YAML
    const r = await run(['lint', '--format', 'json', fixture('dir')]);
    // THEN the duplicate is an error and the .txt file was never read
    expect(r.code).toBe(1);
    const duplicate = JSON.parse(r.stdout).findings.find((f: any) => f.code === 'IGR0002');
    expect(duplicate.message).toMatch(/ConfigMap shop\/a is defined twice \(first defined in .*list\.yaml:4\)/);
    expect(duplicate.line).toBe(9);
    expect(r.stderr).toBe('');
  });

  test('errors exit 1, one line each starting with file:line', async () => {
    const r = await run(['lint', fixture('dir/no-name.yml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\S*no-name\.yml:1(:\d+)? {2}error {3}IGR0001 {2}ConfigMap <no name>: missing or not a non-empty string: metadata\.name\. /m);
  });

  test('reads standard input with -', async () => {
    const r = await run(['lint', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 object: 0 errors/m);
  });

  test('a YAML syntax error exits 2 naming file and line, without a stack trace', async () => {
    const r = await run(['lint', fixture('syntax-error.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/syntax-error\.yaml:7:1: deficient indentation/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  test('a missing file exits 2', async () => {
    const r = await run(['lint', fixture('nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.yaml: cannot read: no such file or directory/);
  });

  test('an alias bomb exits 2 instead of expanding', async () => {
    // GIVEN each level doubles the previous one: 2^30 strings if expanded
    const levels = Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} [*l${i}, *l${i}]`);
    const bomb = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb}', 'data:', '  l0: &l0 "x"', ...levels.map((l) => `  ${l}`)].join('\n');
    // WHEN
    const r = await run(['lint', '-'], bomb);
    // THEN
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>:\d+:\d+: .*alias/i);
  });

  test('no path at all is a usage error', async () => {
    const r = await run(['lint']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument 'paths'/);
  });

  test('colors severities on a terminal only', async () => {
    const tty = await run(['lint', fixture('dir/no-name.yml')], undefined, true);
    const plain = await run(['lint', fixture('dir/no-name.yml')]);
    expect(tty.stdout).toContain('\x1b[31merror');
    expect(plain.stdout).not.toContain('\x1b[');
  });

  test('common gRPC-on-Istio mistakes are each caught, with file line, code and path', async () => {
    // GIVEN a file with a mistyped Istio group, TLS on a GRPC gateway server, an unknown retry
    // condition, subsets no DestinationRule defines, weights adding up to 110 and an unnamed-protocol port
    const r = await run(['lint', '--format', 'json', fixture('common-mistakes.yaml')]);
    // THEN
    expect(r.code).toBe(1);
    // Each finding points at the offending field (line:column), not at the start of its document.
    const found = JSON.parse(r.stdout).findings.map((f: any) => `${f.line}:${f.column} ${f.code} ${f.resource.name} ${f.path}`);
    expect(found.sort()).toStrictEqual([
      '11:7 IST0118 greeter spec.ports[0]',
      '15:1 IGR1001 greeter-gateway apiVersion',
      // No Secret for the default ingress gateway's credential, as istioctl reports on files.
      '38:28 IST0101 greeter-gateway-fixed-group spec.servers[0].tls.credentialName',
      '38:7 IST0106 greeter-gateway-fixed-group spec.servers[0].tls',
      // The webhook refuses this VirtualService, and its references are analyzed all the same, as istioctl does.
      '49:7 IGR3001 greeter spec.http[0].route',
      '50:67 IST0101 greeter spec.http[0].route[0].destination.subset',
      '52:67 IST0101 greeter spec.http[0].route[1].destination.subset',
      '54:31 IST0106 greeter spec.http[0].retries.retryOn',
      '64:7 IGR3001 greeter-canary spec.http[0].route',
      '65:67 IST0101 greeter-canary spec.http[0].route[0].destination.subset',
      '67:67 IST0101 greeter-canary spec.http[0].route[1].destination.subset',
    ]);
  });
});
