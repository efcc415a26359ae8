/**
 * Writes `<root>/code-cache.bin`, the V8 code caches of the compiled package under `<root>` (its
 * `lib/` and `imports/`), made after a representative run (scripts/code-cache/warm-up.ts). The
 * examples and the workload are compiled into `<root>/examples` for the run, at the depth that
 * makes their `../../lib` imports the compiled tree's, and removed afterwards.
 *
 * Run by `npx projen compile` (root `out`) and by the benchmark for its own tree.
 * Usage: tsx scripts/code-cache/write-code-cache.ts <root>
 */
import { spawnSync } from 'child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import * as ts from 'typescript';
import { CODE_CACHE_ENV, CODE_CACHE_FILE } from '../../lib/code-cache/install';

const REPO = join(__dirname, '..', '..');

function transpile(source: string, target: string): void {
  const compilerOptions: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, ts.transpileModule(readFileSync(source, 'utf8'), { compilerOptions, fileName: source }).outputText);
}

/** Writes the code cache of the compiled tree `root`; returns the warm-up's summary line. */
export function writeCodeCache(root: string): string {
  const examples = join(root, 'examples');
  rmSync(examples, { recursive: true, force: true });
  try {
    for (const name of readdirSync(join(REPO, 'examples', 'cdk8s')).filter((f) => f.endsWith('.ts'))) {
      transpile(join(REPO, 'examples', 'cdk8s', name), join(examples, 'cdk8s', name.replace(/\.ts$/, '.js')));
    }
    cpSync(join(REPO, 'examples', 'protos'), join(examples, 'protos'), { recursive: true });
    const warmUp = join(examples, 'code-cache', 'warm-up.js');
    transpile(join(__dirname, 'warm-up.ts'), warmUp);
    // Plain node, no loader flags: V8 accepts a cache only under the flags it was made with. The
    // tree's current cache stays unused, so that every module is compiled, and recorded, afresh.
    const env: NodeJS.ProcessEnv = { ...process.env, [CODE_CACHE_ENV]: 'off' };
    delete env.NODE_OPTIONS;
    const run = spawnSync(process.execPath, [warmUp, join(root, CODE_CACHE_FILE)], { cwd: REPO, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`the code cache warm-up failed (exit ${run.status}): ${run.stderr || run.error?.message}`);
    return run.stdout.trim();
  } finally {
    rmSync(examples, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const root = resolve(process.argv[2] ?? 'out');
  process.stdout.write(`code cache ${join(root, CODE_CACHE_FILE)}: ${writeCodeCache(root)}\n`);
}
