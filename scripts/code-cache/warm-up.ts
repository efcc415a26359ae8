/**
 * The workload a code cache is made from, run with plain `node` inside a compiled tree (as
 * `<root>/examples/code-cache/warm-up.js`, beside the compiled examples): it compiles the
 * package's modules under `<root>/lib` and `<root>/imports` itself, synthesizes the example app
 * (every construct, validation at synth), validates renamed copies of its objects past the schema
 * walk's limit (so the generated validators load, as in a large app), lints what it wrote with
 * the CLI, and then writes each module's V8 code cache, functions compiled on the way included,
 * to the file named by argv[2].
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the workload must load after the hook is in place */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, sep } from 'path';
import type { Script } from 'vm';
import { CodeCacheEntry, currentRuntime, encodeCodeCache } from '../../lib/code-cache/cache-file';
import { cachePath, compileModule, runModule, sourceDigest, wrapModuleCompile } from '../../lib/code-cache/compile-module';

const root = join(__dirname, '..', '..');
const cached = [join(root, 'lib') + sep, join(root, 'imports') + sep];
const compiled: { path: string; digest: string; script: Script }[] = [];

wrapModuleCompile((previous) => function record(this: NodeModule, content: string, filename: string, ...rest: unknown[]): unknown {
  if (!cached.some((dir) => filename.startsWith(dir))) return previous.call(this, content, filename, ...rest);
  const script = compileModule(content, filename);
  compiled.push({ path: cachePath(root, filename), digest: sourceDigest(content), script });
  return runModule(script, this, filename);
});

async function main(output: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'istio-grpc-warm-up-'));
  try {
    const { buildExampleApp } = require('../cdk8s/app') as typeof import('../../examples/cdk8s/app');
    const { EXTRA_BUILDERS } = require('../cdk8s/builders') as typeof import('../../examples/cdk8s/builders');
    const app = buildExampleApp(join(work, 'dist'), EXTRA_BUILDERS);
    const yaml = app.synthYaml();
    // A large app's path too: past SCHEMA_WALK_LIMIT objects of a kind, its generated validator
    // judges the rest. Renamed copies of the examples' objects take every kind there.
    const { validateObjects } = require('../../lib/validate/engine') as typeof import('../../lib/validate/engine');
    const { SCHEMA_WALK_LIMIT } = require('../../lib/validate/schema/openapi-check') as typeof import('../../lib/validate/schema/openapi-check');
    const { parseAllDocuments } = require('yaml') as typeof import('yaml');
    const objects = parseAllDocuments(yaml).map((d) => d.toJS() as { metadata?: { name: string } } | null)
      .filter((o): o is { metadata: { name: string } } => typeof o?.metadata?.name === 'string');
    const copies = Array.from({ length: SCHEMA_WALK_LIMIT + 1 }, (_, i) => objects.map((o) => ({ ...o, metadata: { ...o.metadata, name: `${o.metadata.name}-${i}` } }))).flat();
    validateObjects(copies);
    const file = join(work, 'app.yaml');
    writeFileSync(file, yaml);
    const { runCli } = require('../../lib/cli/program') as typeof import('../../lib/cli/program');
    const { PassThrough } = require('stream') as typeof import('stream');
    const io = { stdout: new PassThrough().resume(), stderr: new PassThrough().resume(), stdin: new PassThrough() };
    await runCli(['lint', file], io);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const entries: CodeCacheEntry[] = compiled.map(({ path, digest, script }) => ({ path, digest, data: script.createCachedData() }));
  writeFileSync(output, encodeCodeCache({ runtime: currentRuntime(), entries }));
  process.stdout.write(`${entries.length} modules, ${entries.reduce((n, e) => n + e.data.length, 0)} bytes\n`);
}

main(process.argv[2]).catch((err) => {
  process.stderr.write(`warm-up failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
