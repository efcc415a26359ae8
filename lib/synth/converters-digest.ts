import { createHash } from 'crypto';

/**
 * The digest of converters' source text, in `names` order: what scripts/k8s-converters.ts records
 * for the converters it rewrote, and what lib/synth/k8s-converters.ts compares at run time.
 */
export function convertersDigest(names: readonly string[], sourceOf: (name: string) => string | undefined): string {
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update('\0').update(sourceOf(name) ?? '').update('\0');
  return hash.digest('hex');
}
