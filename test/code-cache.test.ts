// The code cache as the package ships it: the library compiled to plain JavaScript (as in out/),
// its cache written by the build's own writer, and fresh processes loading it, as a user's app does.
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { compilePackageTree } from '../bench/harness/build';
import { decodeCodeCache, encodeCodeCache } from '../lib/code-cache/cache-file';
import { CODE_CACHE_FILE, MAX_CODE_CACHE_BYTES } from '../lib/code-cache/install';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..');
let tree: string;

beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'istio-grpc-code-cache-'));
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
  compilePackageTree(ROOT, tree);
});
afterAll(() => rmSync(tree, { recursive: true, force: true }));

/** A service with a canary and an ingress, synthesized and validated; prints the YAML, the cache's status and whether Node's compile was left alone. */
const APP = `
const Module = require('module');
const nodeCompile = Module.prototype._compile;
const { App, Chart } = require('cdk8s');
const { GrpcMeshService, GrpcCanary, GrpcIngress } = require('./lib');
const chart = new Chart(new App(), 'shop');
const service = new GrpcMeshService(chart, 'users', { name: 'users', namespace: 'shop', port: 50051, workload: { image: 'users:1.0.0' } });
new GrpcCanary(chart, 'canary', { service, canaryWorkload: { image: 'users:2.0.0' } });
new GrpcIngress(chart, 'ingress', { service, hosts: ['users.example.com'], tls: { credentialName: 'users-tls' } });
const yaml = chart.node.root.synthYaml();
const status = require('./lib/code-cache/install').codeCacheStatus();
process.stdout.write(JSON.stringify({ yaml, status, nodeCompile: Module.prototype._compile === nodeCompile, edited: globalThis.EDITED === 1 }));
`;

interface AppRun { yaml: string; status: { state: string; used: number; stale: number }; nodeCompile: boolean; edited: boolean }

function runApp(nodeArgs: readonly string[] = [], env: NodeJS.ProcessEnv = {}): AppRun {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_OPTIONS;
  if (!(('ISTIO_GRPC_CODE_CACHE') in env)) delete childEnv.ISTIO_GRPC_CODE_CACHE;
  return JSON.parse(execFileSync(process.execPath, [...nodeArgs, '-e', APP], { cwd: tree, env: childEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

/** Runs `body` with `file` (relative to the tree) rewritten by `edit`, then puts it back. */
function withEdited<T>(file: string, edit: (text: Buffer) => Buffer, body: () => T): T {
  const path = join(tree, file);
  const original = readFileSync(path);
  writeFileSync(path, edit(original));
  try {
    return body();
  } finally {
    writeFileSync(path, original);
  }
}

describe('the code cache', () => {
  let uncached: AppRun;
  beforeAll(() => {
    uncached = runApp([], { ISTIO_GRPC_CODE_CACHE: 'off' });
  });

  test('compiles the package\'s modules from it, and the app synthesizes the same YAML as without it', () => {
    const cached = runApp();
    expect(cached.status.state).toBe('active');
    expect(cached.status.used).toBeGreaterThan(150);
    expect(cached.status.stale).toBe(0);
    expect(cached.yaml).toBe(uncached.yaml);
    expect(cached.yaml).toMatch(/^kind: VirtualService$/m);
  });

  test('ISTIO_GRPC_CODE_CACHE=off leaves Node\'s loader as it is', () => {
    expect(uncached.status).toStrictEqual({ state: 'off', used: 0, stale: 0 });
    expect(uncached.nodeCompile).toBe(true);
  });

  test('a module edited since the build runs as edited, even at the same length', () => {
    // V8 itself checks only the source's length: without the digest the old code would run.
    const run = withEdited('lib/grpc-mesh-service.js', (text) => {
      const edited = text.toString('utf8').replace('"use strict";', 'EDITED = 1;  ');
      expect(edited.length).toBe(text.toString('utf8').length);
      return Buffer.from(edited, 'utf8');
    }, () => runApp());
    expect(run.edited).toBe(true);
    expect(run.status).toMatchObject({ state: 'active', stale: 1 });
    expect(run.status.used).toBeGreaterThan(150);
    expect(run.yaml).toBe(uncached.yaml);
  });

  test('a file that is not a cache file is not used, and the app runs', () => {
    const run = withEdited(CODE_CACHE_FILE, (bytes) => Buffer.concat([Buffer.from('junk'), bytes.subarray(4)]), () => runApp());
    expect(run.status).toStrictEqual({ state: 'unreadable', used: 0, stale: 0 });
    expect(run.nodeCompile).toBe(true);
    expect(run.yaml).toBe(uncached.yaml);
  });

  test('a file larger than any cache is not read', () => {
    // The real cache with zeros after it, up to one byte past the cap (sparse: the disk holds none
    // of them): read, it would serve as before.
    const run = withEdited(CODE_CACHE_FILE, (bytes) => bytes, () => {
      truncateSync(join(tree, CODE_CACHE_FILE), MAX_CODE_CACHE_BYTES + 1);
      return runApp();
    });
    expect(run.status).toStrictEqual({ state: 'unreadable', used: 0, stale: 0 });
    expect(run.nodeCompile).toBe(true);
    expect(run.yaml).toBe(uncached.yaml);
  });

  test('a cache made on another V8 is not used', () => {
    const run = withEdited(CODE_CACHE_FILE, (bytes) => {
      const file = decodeCodeCache(bytes)!;
      return encodeCodeCache({ ...file, runtime: { ...file.runtime, v8: '0.0.0' } });
    }, () => runApp());
    expect(run.status).toStrictEqual({ state: 'other-runtime', used: 0, stale: 0 });
    expect(run.nodeCompile).toBe(true);
    expect(run.yaml).toBe(uncached.yaml);
  });

  test('under V8 flags other than the build\'s, V8 refuses the first entry and the rest compile as usual', () => {
    const run = runApp(['--max-old-space-size=3000']);
    expect(run.status).toStrictEqual({ state: 'refused', used: 0, stale: 0 });
    expect(run.yaml).toBe(uncached.yaml);
  });

  test('with --enable-source-maps it is not used, so that Node maps stack traces to the TypeScript', () => {
    const run = runApp(['--enable-source-maps']);
    expect(run.status).toStrictEqual({ state: 'source-maps', used: 0, stale: 0 });
    expect(run.nodeCompile).toBe(true);
  });

  test('without a cache file the package loads as before', () => {
    const run = withEdited(CODE_CACHE_FILE, (bytes) => bytes, () => {
      rmSync(join(tree, CODE_CACHE_FILE));
      return runApp();
    });
    expect(run.status).toStrictEqual({ state: 'absent', used: 0, stale: 0 });
    expect(run.nodeCompile).toBe(true);
  });

  test('the CLI lints with it, with the same findings as without it', () => {
    const file = join(tree, 'users.yaml');
    writeFileSync(file, uncached.yaml);
    const lint = (env: NodeJS.ProcessEnv) => {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
      delete childEnv.NODE_OPTIONS;
      const r = spawnSync(process.execPath, ['-e', `
        process.argv = [process.argv[0], 'istio-grpc', 'lint', '--format', 'json', ${JSON.stringify(file)}];
        require('./lib/cli/main');
        process.on('exit', () => process.stderr.write(JSON.stringify(require('./lib/code-cache/install').codeCacheStatus())));`],
      { cwd: tree, env: childEnv, encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, cache: JSON.parse(r.stderr) };
    };
    const cached = lint({});
    const plain = lint({ ISTIO_GRPC_CODE_CACHE: 'off' });
    expect(cached.cache).toMatchObject({ state: 'active', stale: 0 });
    expect(cached.cache.used).toBeGreaterThan(100);
    expect(plain.cache.state).toBe('off');
    // The ingress's TLS Secret is not in the file: one error, the same either way.
    expect(JSON.parse(cached.stdout).summary).toMatchObject({ errors: 1 });
    expect({ status: cached.status, stdout: cached.stdout }).toStrictEqual({ status: plain.status, stdout: plain.stdout });
  });
});
