import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { lintFixture } from './util/run-cli';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..');

/** The module files a fresh process loads to run the CLI with `args`. */
function modulesLoadedBy(args: string[]): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'util', 'loaded-modules.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out.trim().split('\n').pop()!) as string[]).map((p) => p.split('\\').join('/'));
}

const VALIDATION = [/\/node_modules\/ajv\//, /\/node_modules\/@bufbuild\/cel\//, /\/lib\/validate\/schemas\//, /\/lib\/validate\/engine\./];
const loadedOf = (modules: string[], patterns: RegExp[]) => modules.filter((m) => patterns.some((p) => p.test(m)));

describe('CLI start loads only what the command needs', () => {
  test.each([[['--help']], [['flags', 'UO']], [['logs', '--help']], [['lint', '--help']]])('%j loads no validation code', (args) => {
    const modules = modulesLoadedBy(args);
    // GIVEN the CLI ran (its own modules are there)
    expect(modules.some((m) => m.endsWith('/lib/cli/program.ts'))).toBe(true);
    // THEN neither the engine, the generated validators, ajv nor CEL
    expect(loadedOf(modules, VALIDATION)).toStrictEqual([]);
  });

  test('lint of a valid DestinationRule and VirtualService loads no generated validator (the schema walk passes them), nor ajv\'s compiler nor CEL', () => {
    const modules = modulesLoadedBy(['lint', lintFixture('grpc-service.yaml')]);
    expect(modules.some((m) => /\/lib\/validate\/engine\./.test(m))).toBe(true);
    expect(modules.some((m) => /\/lib\/validate\/schema\/schema-verdict\./.test(m))).toBe(true);
    expect(loadedOf(modules, [/\/lib\/validate\/schemas\/validators\//])).toStrictEqual([]);
    expect(loadedOf(modules, [/\/node_modules\/ajv\/dist\/(ajv|core|compile)/, /\/node_modules\/@bufbuild\/cel\//])).toStrictEqual([]);
    // Nor the Gateway API's schema bundle, which only Gateway API objects need.
    expect(loadedOf(modules, [/gateway-api-crds\.generated/])).toStrictEqual([]);
  });

  test('lint of an object with a schema error loads the generated validator of its kind, which words the error', () => {
    // GIVEN a valid DestinationRule and a VirtualService with a misspelled field
    const dir = mkdtempSync(join(tmpdir(), 'istio-grpc-lazy-'));
    const file = join(dir, 'typo.yaml');
    writeFileSync(file, [
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: { name: users, namespace: shop }\nspec: { host: users }',
      'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: users, namespace: shop }\nspec: { hosts: [users], http: [{ retrys: { attempts: 2 }, route: [{ destination: { host: users } }] }] }',
    ].join('\n---\n'));
    try {
      // THEN only the VirtualService's validator loads
      expect(loadedOf(modulesLoadedBy(['lint', file]), [/\/lib\/validate\/schemas\/validators\//]).map((m) => m.replace(/.*\//, '')))
        .toStrictEqual(['virtualservices.networking.istio.io.generated.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('lint loads the webhook rules of the kinds it reads, and the RE2 port only for a regular expression', () => {
    // GIVEN a DestinationRule and a VirtualService with no regex match
    const modules = modulesLoadedBy(['lint', lintFixture('grpc-service.yaml')]);
    // THEN their kinds' rules load, other kinds' do not, nor the RE2 port nor the response-flag tables
    expect(modules.some((m) => m.endsWith('/lib/validate/webhook/virtual-service.ts'))).toBe(true);
    expect(loadedOf(modules, [/\/lib\/validate\/webhook\/(envoy-filter|wasm-plugin|telemetry|sidecar)\./, /\/node_modules\/re2js\//, /\/lib\/troubleshoot\//]))
      .toStrictEqual([]);
  });

  test('lint loads the analyzers of the kinds it reads only', () => {
    // GIVEN a Service, a DestinationRule and a VirtualService
    const modules = modulesLoadedBy(['lint', lintFixture('grpc-service.yaml')]);
    // THEN the VirtualService analyzers load, and none of those reading only kinds absent here
    expect(modules.some((m) => m.endsWith('/lib/validate/analyzer/virtualservice/destination-rules.ts'))).toBe(true);
    const absent = /\/lib\/validate\/analyzer\/(envoyfilter\/envoy-patch|externalcontrolplane\/external-control-plane|k8sgateway\/crd-version|telemetry\/providers|authn\/blocked-cidrs)\./;
    expect(loadedOf(modules, [absent])).toStrictEqual([]);
  });

  test('--help loads no response-flag tables; flags does', () => {
    expect(loadedOf(modulesLoadedBy(['--help']), [/\/lib\/troubleshoot\//])).toStrictEqual([]);
    expect(loadedOf(modulesLoadedBy(['flags', 'UO']), [/\/lib\/troubleshoot\/flag-lookup\./])).toHaveLength(1);
  });
});
