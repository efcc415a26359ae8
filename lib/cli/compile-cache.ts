import * as nodeModule from 'module';

/**
 * Turns on Node's module compile cache (Node 22.1 and later) for what the CLI loads next: later
 * starts read the compiled code instead of compiling the modules again, most of what a small lint
 * spends starting. On older Node there is no such cache and nothing happens. The cache is Node's
 * own: NODE_COMPILE_CACHE names its directory (the OS temporary directory by default) and
 * NODE_DISABLE_COMPILE_CACHE turns it off; a directory that cannot be written only loses the gain.
 */
export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof enable !== 'function') return;
  try {
    enable();
  } catch {
    // Starting without the cache is only slower.
  }
}
