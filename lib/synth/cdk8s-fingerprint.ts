import { createHash } from 'crypto';
import { ApiObject, ApiObjectMetadataDefinition, ImplicitTokenResolver, Lazy, LazyResolver, NumberStringUnionResolver, resolve } from 'cdk8s';

/**
 * The digest of the cdk8s code objectJson() reproduces, in the cdk8s release it was checked
 * against (test/synth-object-json.test.ts compares the two serializations on every object of the
 * examples and on generated values). Where the installed code differs, objects serialize the
 * cdk8s way.
 */
export const VERIFIED_CDK8S_DIGEST = '3c3dd24f6ef50084916d2e2c55f565e1463fa19f1e4c463632e11fdbfb3e42fe';

let verified: boolean | undefined;

/** Whether the installed cdk8s serializes objects with the very code objectJson() reproduces. */
export function sameCdk8sAsVerified(): boolean {
  verified ??= installedCdk8sDigest() === VERIFIED_CDK8S_DIGEST;
  return verified;
}

/**
 * The digest of the installed cdk8s' serialization code: the classes ApiObject, its metadata,
 * Lazy and the built-in resolvers (whole, but for the release number each one carries), and the
 * resolve and sanitize functions. '' where one cannot be read.
 */
export function installedCdk8sDigest(): string {
  try {
    // sanitizeValue is internal to cdk8s, which declares no exports map.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { sanitizeValue } = require('cdk8s/lib/_util') as { sanitizeValue: unknown };
    const code: unknown[] = [
      ApiObject, ApiObjectMetadataDefinition, Lazy, LazyResolver, ImplicitTokenResolver, NumberStringUnionResolver, resolve, sanitizeValue,
    ];
    const hash = createHash('sha256');
    for (const f of code) {
      if (typeof f !== 'function') return '';
      hash.update(Function.prototype.toString.call(f).replace(/version: "[^"]*"/g, 'version')).update('\0');
    }
    return hash.digest('hex');
  } catch {
    return '';
  }
}
