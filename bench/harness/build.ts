import { createHash } from 'crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import * as ts from 'typescript';
import { writeCodeCache } from '../../scripts/code-cache/write-code-cache';

/** The source trees the measured programs come from. */
const SOURCE_DIRS = ['lib', 'imports', 'bench'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** What generated inputs are made from: the library and the mesh generator. */
const INPUT_SOURCES = ['lib', 'imports', 'bench/mesh.ts', 'bench/mesh-range.ts', 'bench/features.ts', 'bench/subjects/write-mesh.ts', 'bench/subjects/write-objects.ts', 'bench/harness/inputs.ts'];

/** A digest of the inputs' sources: inputs generated from unchanged sources are reused. */
export function inputDigest(root: string): string {
  const hash = createHash('sha1');
  const files = INPUT_SOURCES.flatMap((p) => (statSync(join(root, p)).isDirectory() ? tsFiles(join(root, p)) : [join(root, p)]));
  for (const file of files.sort()) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

/**
 * Compiles lib/, imports/ and bench/ to CommonJS under `outDir`, file by file (types are not
 * checked: `npm test` does that), so measured processes run plain JavaScript as an installed
 * package does, with no TypeScript loader in their start-up or memory.
 */
export function compileTree(root: string, outDir: string): void {
  const compilerOptions: ts.CompilerOptions = {
    // Node16 emits CommonJS here (no "type": "module") yet keeps import() for ESM-only packages.
    module: ts.ModuleKind.Node16,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    resolveJsonModule: true,
  };
  for (const file of SOURCE_DIRS.flatMap((d) => tsFiles(join(root, d)))) {
    const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file }).outputText);
  }
}

/**
 * compileTree, then the code cache the package ships, made for this tree as `npx projen compile`
 * makes it for out/: the tree runs as an installed package does. The tree must resolve cdk8s
 * (it lies inside the repository, or has node_modules linked).
 */
export function compilePackageTree(root: string, outDir: string): void {
  compileTree(root, outDir);
  writeCodeCache(outDir);
}
