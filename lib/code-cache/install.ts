import { closeSync, fstatSync, openSync, readSync } from 'fs';
import { join, sep } from 'path';
import { CodeCacheEntry, currentRuntime, decodeCodeCache } from './cache-file';
import { cachePath, compileModule, runModule, sourceDigest, wrapModuleCompile } from './compile-module';

/** The file the build writes beside the compiled `lib/` and `imports/`. */
export const CODE_CACHE_FILE = 'code-cache.bin';
/** Far above the real file (about 3 MB): a larger one is not read at all. */
export const MAX_CODE_CACHE_BYTES = 64 * 1024 * 1024;
/** `ISTIO_GRPC_CODE_CACHE=off` loads the package without its code cache. */
export const CODE_CACHE_ENV = 'ISTIO_GRPC_CODE_CACHE';

/**
 * - `active`: modules of the package compile from the cache;
 * - `off`: turned off by the environment;
 * - `absent`: no cache file (sources run by a TypeScript loader, or a build without one);
 * - `unreadable`: the file is not a cache file, or is larger than any (MAX_CODE_CACHE_BYTES);
 * - `other-runtime`: made on another V8 or architecture, so V8 would refuse every entry;
 * - `source-maps`: `--enable-source-maps` is on, and Node maps stack traces only of modules it compiles itself;
 * - `refused`: V8 refused an entry (other V8 flags, such as a heap size): the rest compile as usual.
 */
export type CodeCacheState = 'active' | 'off' | 'absent' | 'unreadable' | 'other-runtime' | 'source-maps' | 'refused';

export interface CodeCacheStatus {
  readonly state: CodeCacheState;
  /** Modules compiled from the cache. */
  readonly used: number;
  /** Modules whose source differs from the one their cache was made from (compiled as usual). */
  readonly stale: number;
}

const status = { state: 'absent' as CodeCacheState, used: 0, stale: 0 };
let installed = false;

/** What the package's code cache did in this process. */
export function codeCacheStatus(): CodeCacheStatus {
  return { ...status };
}

/**
 * Compiles the package's own modules under `root` (the compiled package root holding `lib/`) from
 * the code cache the build wrote there, for the rest of the process. Only files under `root` with
 * an entry whose digest matches their source are affected; every other module, and every module
 * a loader has rewritten, goes to Node's compile as before. Anything unexpected leaves Node's
 * loader as it is: the cache can only save time.
 */
export function installCodeCache(root: string): CodeCacheStatus {
  if (installed) return codeCacheStatus();
  installed = true;
  const { state, entries } = openCache(root);
  status.state = state;
  if (!entries) return codeCacheStatus();
  const prefix = root.endsWith(sep) ? root : root + sep;
  wrapModuleCompile((previous) => function compileFromCache(this: NodeModule, content: string, filename: string, ...rest: unknown[]): unknown {
    const entry = status.state === 'active' && typeof filename === 'string' && filename.startsWith(prefix)
      ? entries.get(cachePath(root, filename))
      : undefined;
    if (!entry || typeof content !== 'string') return previous.call(this, content, filename, ...rest);
    if (sourceDigest(content) !== entry.digest) {
      status.stale++;
      return previous.call(this, content, filename, ...rest);
    }
    const script = compileModule(content, filename, entry.data);
    // V8 compiled it afresh: the flags differ from the build's, and would for every other entry.
    if (script.cachedDataRejected) status.state = 'refused';
    else status.used++;
    return runModule(script, this, filename);
  });
  return codeCacheStatus();
}

/** Whether to use the cache, and its entries by path when so. */
function openCache(root: string): { state: CodeCacheState; entries?: Map<string, CodeCacheEntry> } {
  if (process.env[CODE_CACHE_ENV] === 'off') return { state: 'off' };
  if ((process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled || process.execArgv.includes('--enable-source-maps')) return { state: 'source-maps' };
  let buffer: Buffer | undefined;
  try {
    buffer = readBounded(join(root, CODE_CACHE_FILE));
  } catch {
    return { state: 'absent' };
  }
  const file = buffer && decodeCodeCache(buffer);
  if (!file) return { state: 'unreadable' };
  const runtime = currentRuntime();
  if (file.runtime.v8 !== runtime.v8 || file.runtime.arch !== runtime.arch) return { state: 'other-runtime' };
  return { state: 'active', entries: new Map(file.entries.map((e) => [e.path, e])) };
}

/** The file's bytes, or `undefined` when it is larger than MAX_CODE_CACHE_BYTES (or not a regular file). */
function readBounded(path: string): Buffer | undefined {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CODE_CACHE_BYTES) return undefined;
    const buffer = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
