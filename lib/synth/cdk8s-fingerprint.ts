import { ApiObject, ApiObjectMetadataDefinition, ImplicitTokenResolver, Lazy, LazyResolver, NumberStringUnionResolver, resolve } from 'cdk8s';
import { functionSource, sourceDigest } from './source-digest';

/**
 * The digest of the cdk8s code objectJson() reproduces, in the cdk8s release it was checked
 * against (test/synth-object-json.test.ts compares the two serializations on every object of the
 * examples and on generated values). Where the installed code differs, objects serialize the
 * cdk8s way.
 */
export const VERIFIED_CDK8S_DIGEST = '7076d4330b0ed9b99323463d5cbbe0a5e32002e0993749d406d329513e254258';

let verified: boolean | undefined;

/** Whether the installed cdk8s serializes objects with the very code objectJson() reproduces. */
export function sameCdk8sAsVerified(): boolean {
  verified ??= installedCdk8sDigest() === VERIFIED_CDK8S_DIGEST;
  return verified;
}

/**
 * The digest of the installed cdk8s' serialization code: the classes ApiObject, its metadata,
 * Lazy and the built-in resolvers (whole, but for the release number each one carries), and the
 * resolve and sanitize functions ('' where sanitizeValue cannot be required; a piece that is not a
 * function digests as empty, so it does not match).
 */
export function installedCdk8sDigest(): string {
  try {
    // sanitizeValue is internal to cdk8s, which declares no exports map.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { sanitizeValue } = require('cdk8s/lib/_util') as { sanitizeValue: unknown };
    const code: Readonly<Record<string, unknown>> = {
      ApiObject, ApiObjectMetadataDefinition, Lazy, LazyResolver, ImplicitTokenResolver, NumberStringUnionResolver, resolve, sanitizeValue,
    };
    return sourceDigest(Object.keys(code), (name) => functionSource(code[name])?.replace(/version: "[^"]*"/g, 'version'));
  } catch {
    return '';
  }
}
