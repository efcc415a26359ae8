import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PassThrough } from 'stream';
import { runCli } from '../lib/cli/program';
import { KubeObject } from '../lib/core/kube-object';
import { analyzeObjects } from '../lib/validate/analyzer';

const telemetry = { apiVersion: 'telemetry.istio.io/v1', kind: 'Telemetry', metadata: { name: 'logs', namespace: 'shop' }, spec: { accessLogging: [{}] } } as KubeObject;
const meshConfigMap = (mesh: string) =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio', namespace: 'istio-system' }, data: { mesh } }) as KubeObject;
const codesOf = (objects: KubeObject[], meshConfig?: Record<string, unknown>) =>
  analyzeObjects(objects, meshConfig ? { meshConfig } : {}).map((f) => f.code);

async function lint(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  stdin.end('');
  const code = await runCli(['lint', '--format', 'json', ...argv], { stdout, stderr, stdin });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('mesh config for the analyzers', () => {
  test('GIVEN a default access-log provider in the mesh config THEN an entry without providers is fine (IST0157 only without one)', () => {
    expect(codesOf([telemetry])).toStrictEqual(['IST0157']);
    expect(codesOf([telemetry], { defaultProviders: { accessLogging: ['envoy'] } })).toStrictEqual([]);
    expect(codesOf([telemetry, meshConfigMap('defaultProviders:\n  accessLogging: [envoy]\n')])).toStrictEqual([]);
  });

  test('the --meshconfig option wins over the istio ConfigMap of the input', () => {
    expect(codesOf([telemetry, meshConfigMap('defaultProviders:\n  accessLogging: [envoy]\n')], { defaultProviders: {} })).toStrictEqual(['IST0157']);
  });

  test('a mesh config that is not YAML leaves Istio\'s defaults', () => {
    expect(codesOf([telemetry, meshConfigMap('defaultProviders: [unclosed')])).toStrictEqual(['IST0157']);
  });

  test('rootNamespace: an AuthorizationPolicy there is mesh-wide, so its selector may match in-mesh pods of any namespace (IST0127 otherwise)', () => {
    const ap = { apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy', metadata: { name: 'ap', namespace: 'mesh-root' }, spec: { selector: { matchLabels: { app: 'x' } } } } as KubeObject;
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'shop', labels: { app: 'x' } }, spec: { containers: [{ name: 'istio-proxy', image: 'proxyv2' }] } } as KubeObject;
    expect(codesOf([ap, pod])).toStrictEqual(['IST0127']);
    expect(codesOf([ap, pod], { rootNamespace: 'mesh-root' })).toStrictEqual([]);
  });

  test('DNS auto-allocation in proxyMetadata gives ServiceEntries addresses (no IST0134)', () => {
    const se = { apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: 'db', namespace: 'shop' }, spec: { hosts: ['db.example.com'], ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }], resolution: 'DNS' } } as KubeObject;
    expect(codesOf([se])).toStrictEqual(['IST0134']);
    expect(codesOf([se], { defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' } } })).toStrictEqual([]);
  });

  test('lint --meshconfig FILE reads a MeshConfig YAML (or the istio ConfigMap) and refuses an unusable one with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshconfig-'));
    const input = join(dir, 'telemetry.yaml');
    writeFileSync(input, 'apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: logs\n  namespace: shop\nspec:\n  accessLogging:\n  - {}\n');
    const mesh = join(dir, 'mesh.yaml');
    writeFileSync(mesh, 'defaultProviders:\n  accessLogging: [envoy]\n');
    const configMap = join(dir, 'istio-cm.yaml');
    writeFileSync(configMap, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    defaultProviders:\n      accessLogging: [envoy]\n');
    const list = join(dir, 'list.yaml');
    writeFileSync(list, '- a\n- b\n');
    const codes = (stdout: string) => (JSON.parse(stdout).findings as { code: string }[]).map((f) => f.code);

    expect(codes((await lint([input])).stdout)).toContain('IST0157');
    expect(codes((await lint(['--meshconfig', mesh, input])).stdout)).not.toContain('IST0157');
    expect(codes((await lint(['--meshconfig', configMap, input])).stdout)).not.toContain('IST0157');
    const missing = await lint(['--meshconfig', join(dir, 'nope.yaml'), input]);
    expect([missing.code, missing.stderr]).toStrictEqual([2, expect.stringMatching(/nope\.yaml: cannot read the mesh config: no such file or directory/)]);
    const notMapping = await lint(['--meshconfig', list, input]);
    expect([notMapping.code, notMapping.stderr]).toStrictEqual([2, expect.stringMatching(/a mesh config is one YAML mapping of MeshConfig fields/)]);
  });
});
