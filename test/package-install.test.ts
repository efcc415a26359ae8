// The published artifact is what this file tests: the library is compiled and packed once, the
// tarball is checked, then installed into empty apps (in the OS temp dir) the way a user installs
// it, from the npm registry. Slow by nature (a build and three installs), so it has long timeouts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildAndPack, installedVersion, readTarballFile, ROOT, tarballEntries, toCommonJs } from './util/pack';
import { readmeBlockUnder } from './util/readme';
import { CommandResult, registryUnreachable, run, runOk, userEnv } from './util/shell';

jest.setTimeout(15 * 60_000);

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const CDK8S = ['cdk8s', 'constructs', 'cdk8s-plus-28'].map((n) => `${n}@${installedVersion(n)}`);
const PULUMI = ['@pulumi/pulumi', '@pulumi/kubernetes'].map((n) => `${n}@${installedVersion(n)}`);

const unreachable = registryUnreachable(CDK8S[0]);
if (unreachable) {
  // eslint-disable-next-line no-console
  console.warn(`package-install: installing the tarball is skipped: ${unreachable}`);
}
const whenRegistry = unreachable ? describe.skip : describe;

let work: string;
let tarball: string;
let apps: { cdk8s: string; pulumiWithPlus: string; pulumiWithoutPlus: string };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'istio-grpc-package-'));
  tarball = await buildAndPack(work);
  if (unreachable) return;
  apps = { cdk8s: join(work, 'cdk8s-app'), pulumiWithPlus: join(work, 'pulumi-app'), pulumiWithoutPlus: join(work, 'pulumi-app-no-plus') };
  // @pulumi/kubernetes's install script downloads the provider plugin, which mocks do not need.
  await Promise.all([
    installApp(apps.cdk8s, [tarball, ...CDK8S]),
    // npm installs the declared peers (cdk8s, constructs, cdk8s-plus-28) by itself...
    installApp(apps.pulumiWithPlus, [tarball, ...PULUMI], ['--ignore-scripts']),
    // ...and, as Yarn 1 or pnpm do, not with --legacy-peer-deps: then the app lists what it needs.
    installApp(apps.pulumiWithoutPlus, [tarball, ...PULUMI, CDK8S[0], CDK8S[1]], ['--ignore-scripts', '--legacy-peer-deps']),
  ]);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** An empty app that installs `packages` from the registry (and the tarball from disk). */
async function installApp(dir: string, packages: readonly string[], flags: readonly string[] = []): Promise<void> {
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }, null, 2));
  await runOk('npm', ['install', '--no-audit', '--no-fund', ...flags, ...packages], dir);
}

describe('the tarball', () => {
  test('holds compiled JS and .d.ts, the code cache, the jsii assembly, README, API.md, LICENSE and bundled dependencies only', () => {
    const entries = tarballEntries(tarball);
    const allowed = /^(out\/(lib|imports)\/.+\.(js|js\.map|d\.ts)|out\/code-cache\.bin|\.jsii|\.jsii\.gz|README\.md|API\.md|LICENSE|package\.json)$/;
    const ours = entries.filter((p) => !p.startsWith('node_modules/'));
    expect(ours.filter((p) => !allowed.test(p))).toStrictEqual([]);
    // No TypeScript sources (the .d.ts are declarations of the compiled files).
    expect(ours.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toStrictEqual([]);
    for (const entry of ['out/lib/index.js', 'out/lib/index.d.ts', 'out/lib/pulumi/index.js', 'out/lib/cli/main.js', 'out/code-cache.bin', '.jsii', 'API.md', 'LICENSE']) {
      expect(ours).toContain(entry);
    }
  });

  test('ships each source map beside its JavaScript, none inlined in it', () => {
    const entries = new Set(tarballEntries(tarball));
    const js = [...entries].filter((p) => /^out\/(lib|imports)\/.+\.js$/.test(p));
    expect(js.length).toBeGreaterThan(100);
    // Every start of the CLI and import of the library reads the JavaScript; maps are read on demand.
    expect(js.filter((p) => !entries.has(`${p}.map`))).toStrictEqual([]);
    const main = readTarballFile(tarball, 'out/lib/cli/main.js');
    expect(main).toMatch(/\n\/\/# sourceMappingURL=main\.js\.map\s*$/);
    expect(main).not.toMatch(/sourceMappingURL=data:/);
  });

  test('bundles every run-time dependency (and required peer) of every bundled dependency', () => {
    const entries = new Set(tarballEntries(tarball));
    const manifestOf = (name: string) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
    const missing: string[] = [];
    const seen = new Set<string>();
    const visit = (name: string, neededBy: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      if (!entries.has(`node_modules/${name}/package.json`)) {
        missing.push(`${name} (needed by ${neededBy})`);
        return;
      }
      const manifest = manifestOf(name);
      const meta: Record<string, { optional?: boolean }> = manifest.peerDependenciesMeta ?? {};
      const requiredPeers = Object.keys(manifest.peerDependencies ?? {}).filter((n) => !meta[n]?.optional);
      const needs = [...Object.keys(manifest.dependencies ?? {}), ...requiredPeers];
      for (const dep of needs) visit(dep, name);
    };
    for (const name of pkg.bundledDependencies as string[]) visit(name, 'istio-grpc');
    expect(missing).toStrictEqual([]);
    // What a fresh install runs: nothing (no install scripts in the package or what it bundles).
    const withScripts = [...seen].filter((name) => Object.keys(manifestOf(name).scripts ?? {}).some((s) => /^(pre|post)?install$/.test(s)));
    expect(withScripts).toStrictEqual([]);
  });
});

whenRegistry('a cdk8s app that installs the tarball with cdk8s, constructs and cdk8s-plus-28', () => {
  const cli = (...args: string[]) => run('npx', ['--no-install', 'istio-grpc', ...args], apps.cdk8s);

  test('npx istio-grpc --version prints the package version', async () => {
    const result = await cli('--version');
    expect(result).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
  });

  test('npx istio-grpc --help lists the commands', async () => {
    const result = await cli('--help');
    expect(result.status).toBe(0);
    for (const command of ['lint', 'flags', 'logs', 'runbook']) expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  test("the README's Quick start, as plain CommonJS, synthesizes and its output lints clean", async () => {
    // GIVEN the Quick start as a user writes it in JavaScript (require instead of import)
    const js = toCommonJs(readmeBlockUnder('Quick start').code);
    expect(js).toMatch(/require\("istio-grpc"\)/);
    writeFileSync(join(apps.cdk8s, 'main.js'), js);
    // WHEN it runs and the CLI lints what it wrote
    await runOk('node', ['main.js'], apps.cdk8s);
    const lint = await cli('lint', '--format', 'json', 'dist/');
    // THEN the manifests hold the mesh objects and no finding is an error
    const manifests = readFileSync(join(apps.cdk8s, 'dist', 'users.k8s.yaml'), 'utf8');
    for (const kind of ['Service', 'Deployment', 'DestinationRule', 'VirtualService']) expect(manifests).toMatch(new RegExp(`^kind: ${kind}$`, 'm'));
    expect(lint.status).toBe(0);
    expect(JSON.parse(lint.stdout).summary).toMatchObject({ errors: 0 });
    expect(JSON.parse(lint.stdout).summary.objects).toBeGreaterThanOrEqual(5);
  });

  test('the installed package compiles its modules from the code cache it ships', async () => {
    // GIVEN the Quick start (written by the test above) run with the cache's status printed at exit
    const status = "require('./node_modules/istio-grpc/out/lib/code-cache/install.js').codeCacheStatus()";
    const result = await run('node', ['-e', `require('./main.js'); process.stdout.write(JSON.stringify(${status}))`], apps.cdk8s);
    // THEN the cache was made on this Node (the tarball was built here) and served the package's modules
    expect(result.status).toBe(0);
    const cache = JSON.parse(result.stdout.trim().split('\n').pop()!);
    expect(cache).toMatchObject({ state: 'active', stale: 0 });
    expect(cache.used).toBeGreaterThan(100);
  });

  test('lint exits 1 on a manifest with an error', async () => {
    writeFileSync(join(apps.cdk8s, 'bad.yaml'), 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: { name: x, namespace: y }\nspec: { host: x, trafficPolicy: { tls: { mode: BOGUS } } }\n');
    const lint = await cli('lint', 'bad.yaml');
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/error/);
  });
});

/** A runner for a Pulumi program under mocks: prints the resolved exports and the registered resources. */
const PULUMI_RUNNER = `
const pulumi = require('@pulumi/pulumi');
const registered = [];
process.on('unhandledRejection', (e) => { console.error('unhandled rejection: ' + (e && e.message)); process.exitCode = 1; });
pulumi.runtime.setMocks({
  newResource: (args) => { if (args.custom) registered.push(args.type); return { id: args.name + '-id', state: args.inputs }; },
  call: (args) => args.inputs,
}, 'readme', 'test', true);
const program = require('./program.js');
const outputs = {};
for (const [name, value] of Object.entries(program)) pulumi.output(value).apply((v) => { outputs[name] = v; });
// Everything the program started has settled once the event loop drains.
let printed = false;
process.on('beforeExit', () => { if (!printed) { printed = true; console.log(JSON.stringify({ outputs, registered: registered.sort() })); } });
`;

/** Runs the README's Pulumi program in `app` under mocks. */
async function runReadmePulumiProgram(app: string): Promise<CommandResult & { outputs: Record<string, unknown>; registered: string[] }> {
  const js = toCommonJs(readmeBlockUnder('Pulumi').code);
  expect(js).toMatch(/require\("istio-grpc\/pulumi"\)/);
  writeFileSync(join(app, 'program.js'), js);
  writeFileSync(join(app, 'run.js'), PULUMI_RUNNER);
  const result = await run('node', ['run.js'], app, userEnv({ PULUMI_NODEJS_STACK: 'test' }));
  const last = result.stdout.trim().split('\n').pop() ?? '{}';
  return { ...result, ...JSON.parse(last.startsWith('{') ? last : '{}') };
}

function expectMeshServiceRegistered(result: Awaited<ReturnType<typeof runReadmePulumiProgram>>): void {
  expect({ status: result.status, stderr: result.stderr }).toStrictEqual({ status: 0, stderr: '' });
  expect(result.outputs).toStrictEqual({ fqdn: 'users.shop.svc.cluster.local' });
  for (const type of ['kubernetes:core/v1:Service', 'kubernetes:apps/v1:Deployment', 'kubernetes:networking.istio.io/v1:DestinationRule', 'kubernetes:networking.istio.io/v1:VirtualService']) {
    expect(result.registered).toContain(type);
  }
}

whenRegistry('a Pulumi program that installs the tarball with @pulumi/pulumi and @pulumi/kubernetes', () => {
  const installed = (app: string, name: string) => existsSync(join(app, 'node_modules', name, 'package.json'));

  test("the README's Pulumi program runs under mocks, with the peers npm installs (cdk8s-plus-28 among them)", async () => {
    expect(installed(apps.pulumiWithPlus, 'cdk8s-plus-28')).toBe(true);
    expectMeshServiceRegistered(await runReadmePulumiProgram(apps.pulumiWithPlus));
  });

  test('and without cdk8s-plus-28 installed (the Pulumi entry point does not load it)', async () => {
    expect(installed(apps.pulumiWithoutPlus, 'cdk8s-plus-28')).toBe(false);
    expectMeshServiceRegistered(await runReadmePulumiProgram(apps.pulumiWithoutPlus));
  });
});
