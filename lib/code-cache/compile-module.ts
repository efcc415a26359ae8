import { createHash } from 'crypto';
import * as nodeModule from 'module';
import { dirname, relative, sep } from 'path';
import * as vm from 'vm';

/** What Node's CommonJS loader has and its typings leave out. */
interface LoaderInternals {
  _extensions: NodeJS.RequireExtensions;
  _cache: NodeJS.Require['cache'];
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: NodeModule): string[] | null;
}
const loader = nodeModule as unknown as typeof nodeModule & LoaderInternals;
const mainModule = require.main;

/** Node's compile of a CommonJS module's source, as the loader calls it. */
export type ModuleCompile = (this: NodeModule, content: string, filename: string, ...rest: unknown[]) => unknown;

/**
 * Replaces Node's compile of CommonJS modules with what `make` builds around the current one
 * (which it hands on everything it does not compile itself), for the rest of the process.
 */
export function wrapModuleCompile(make: (previous: ModuleCompile) => ModuleCompile): void {
  const prototype = (nodeModule as unknown as { prototype: { _compile: ModuleCompile } }).prototype;
  prototype._compile = make(prototype._compile);
}

/** The path a cache entry is keyed on: `filename` relative to the compiled root, with `/`. */
export function cachePath(root: string, filename: string): string {
  return relative(root, filename).split(sep).join('/');
}

/** The digest a cache entry is keyed on: a cache is only ever used for the very source it was made from. */
export function sourceDigest(content: string): string {
  return createHash('sha1').update(content).digest('hex');
}

/**
 * Compiles a CommonJS module's source as Node does (its function wrapper), from `cachedData` when
 * given. The producer and the consumer of a code cache compile through this one function: V8
 * accepts a cache only for the very script text it was made from.
 */
export function compileModule(content: string, filename: string, cachedData?: Buffer): vm.Script {
  return new vm.Script(nodeModule.wrap(content), { filename, cachedData });
}

/** Runs a compiled module with the arguments Node gives every CommonJS module. */
export function runModule(script: vm.Script, module: NodeModule, filename: string): unknown {
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  return wrapper.call(module.exports, module.exports, requireOf(module), module, filename, dirname(filename));
}

/** The `require` Node would give `module`: resolution, the cache and the main module are Node's own. */
function requireOf(module: NodeModule): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) =>
    loader._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => loader._resolveLookupPaths(request, module);
  require.resolve = resolve;
  // This module's own require is Node's (it loads before any cache is in place): its main is the process's.
  require.main = mainModule;
  require.extensions = loader._extensions;
  require.cache = loader._cache;
  return require;
}
