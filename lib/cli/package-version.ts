import { readFileSync } from 'fs';
import { dirname, join } from 'path';

/** The npm package whose version `--version` prints. */
export const PACKAGE_NAME = 'istio-grpc';

/** How many directories up from this file package.json may be: out/lib/cli -> package root is 3. */
const MAX_LEVELS_UP = 5;

/**
 * The version in the package's own package.json, found relative to this file so that it works
 * from the sources (lib/cli), the compiled output (out/lib/cli) and an installed package
 * (node_modules/istio-grpc/out/lib/cli) alike. Throws when no package.json of ours is found.
 */
export function packageVersion(fromDir: string = __dirname): string {
  let dir = fromDir;
  for (let level = 0; level <= MAX_LEVELS_UP; level++) {
    const manifest = readManifest(join(dir, 'package.json'));
    if (manifest?.name === PACKAGE_NAME && typeof manifest.version === 'string') return manifest.version;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`cannot find the package.json of ${PACKAGE_NAME} above ${fromDir}`);
}

function readManifest(file: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // Missing or unreadable: keep walking up.
    return undefined;
  }
}

/**
 * {@link packageVersion}, or `unknown` when no package.json of ours is found (a copied-out
 * file): the version is worth no failure of lint itself.
 */
export function packageVersionOrUnknown(fromDir: string = __dirname): string {
  try {
    return packageVersion(fromDir);
  } catch {
    return 'unknown';
  }
}
