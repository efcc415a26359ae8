import { globMatch } from './glob-match';
import { Suppression } from './suppress-option';
import { IST } from '../validate/analyzer/codes';
import { ALL_CODES } from '../validate/codes';
import { Finding, ResourceRef } from '../validate/finding';
import { ISTIO_WEBHOOK_CODES } from '../validate/webhook/codes';

// The option's parser lives apart so that defining the lint command loads no code table.
export { MAX_SUPPRESSION_LENGTH, MAX_SUPPRESSIONS, parseSuppression } from './suppress-option';
export type { Suppression } from './suppress-option';

/** Every code lint can report: ours, the IST codes of the analyzers and of the webhook rules. */
export function knownCodes(): Set<string> {
  return new Set([...ALL_CODES.map((c) => c.code), ...Object.values(IST).map((c) => c.code), ...Object.values(ISTIO_WEBHOOK_CODES)]);
}

/**
 * Suppressions whose code (without wildcards) lint never reports. `istioctl analyze` warns about
 * these and goes on; so do we, since a typo would otherwise silently suppress nothing.
 */
export function unknownSuppressionCodes(suppressions: readonly Suppression[]): string[] {
  const known = knownCodes();
  return [...new Set(suppressions.map((s) => s.code).filter((code) => !code.includes('*') && !known.has(code)))];
}

/**
 * The names a suppression's resource part is matched against, as istioctl names objects:
 * `Kind name.namespace`. An object without namespace is in `default` for namespaced kinds
 * (as kubectl and the engine assume) and has no namespace if cluster-scoped, so both forms match.
 */
export function suppressionNamesOf(ref: ResourceRef): string[] {
  const base = `${ref.kind} ${ref.name}`;
  return ref.namespace ? [`${base}.${ref.namespace}`] : [base, `${base}.default`];
}

/** True when some suppression covers this finding's code and object. */
export function isSuppressed(finding: Finding, suppressions: readonly Suppression[]): boolean {
  if (!suppressions.length) return false;
  const names = suppressionNamesOf(finding.resource);
  return suppressions.some((s) => globMatch(s.code, finding.code) && names.some((n) => globMatch(s.resource, n)));
}
