import { execFileSync } from 'child_process';
import { join } from 'path';
import * as ts from 'typescript';
import { runOk } from './shell';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..');

/**
 * Compiles the library (jsii, into the git-ignored out/ and .jsii) and packs it into `destination`
 * as `npm pack` does for a release; resolves to the tarball's path.
 */
export async function buildAndPack(destination: string): Promise<string> {
  await runOk('npx', ['projen', 'compile'], ROOT);
  const packed = await runOk('npm', ['pack', '--json', '--pack-destination', destination], ROOT);
  const [{ filename }] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
  return join(destination, filename);
}

/** The paths inside a tarball, without npm's `package/` prefix. */
export function tarballEntries(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\n').filter(Boolean).map((p) => p.replace(/^package\//, ''));
}

/** The text of one file in the tarball (`path` relative to the package root). */
export function readTarballFile(tarball: string, path: string): string {
  return execFileSync('tar', ['-xzOf', tarball, `package/${path}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** A TypeScript snippet as the CommonJS JavaScript a user would write by hand (`require`). */
export function toCommonJs(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
  }).outputText;
}

/** The exact version of a package installed in this repository (what the tests run against). */
export function installedVersion(name: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(ROOT, 'node_modules', name, 'package.json')) as { version: string }).version;
}
