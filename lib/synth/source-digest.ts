import { createHash } from 'crypto';

/**
 * The digest of named pieces of code, in `names` order: how the one-walk serialization knows the
 * installed cdk8s (cdk8s-fingerprint.ts) and cdk8s-plus-28 converters (k8s-converters.ts, and
 * scripts/k8s-converters.ts, which records theirs) are the code it was checked against.
 */
export function sourceDigest(names: readonly string[], sourceOf: (name: string) => string | undefined): string {
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update('\0').update(sourceOf(name) ?? '').update('\0');
  return hash.digest('hex');
}

/** The source text of a function (of a class, its whole body); undefined for anything else. */
export function functionSource(f: unknown): string | undefined {
  return typeof f === 'function' ? Function.prototype.toString.call(f) : undefined;
}
