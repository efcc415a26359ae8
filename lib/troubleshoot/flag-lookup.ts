import { RESPONSE_FLAGS, ResponseFlagInfo } from './response-flags';
import { editDistance } from '../core/did-you-mean';

const BY_NAME = new Map<string, ResponseFlagInfo>();
for (const flag of RESPONSE_FLAGS) {
  BY_NAME.set(flag.code.toUpperCase(), flag);
  BY_NAME.set(flag.longName.toUpperCase(), flag);
}

/** Looks a flag up by short code (`UO`) or long name (`UpstreamOverflow`), case-insensitively. */
export function findResponseFlag(name: string): ResponseFlagInfo | undefined {
  return BY_NAME.get(name.trim().toUpperCase());
}

/**
 * Splits a `%RESPONSE_FLAGS%` value (`UT,URX`; `-` for none) into its flags. Envoy joins several
 * flags with commas; older versions and some log pipelines use spaces or `|`. Repeats are dropped.
 */
export function splitResponseFlags(value: string | undefined): string[] {
  if (!value || value === '-') return [];
  // A flag written twice (`UF,UF`) is still one flag of the request.
  return [...new Set(value.split(/[,|\s]+/).filter((f) => f.length > 0 && f !== '-'))];
}

/**
 * The known flags closest to an unknown name, for a "did you mean" hint: codes within edit
 * distance 1 (2 for long names), or that start with the input.
 */
export function suggestResponseFlags(name: string, max = 3): string[] {
  const wanted = name.trim().toUpperCase();
  if (!wanted) return [];
  const scored: Array<{ code: string; score: number }> = [];
  for (const flag of RESPONSE_FLAGS) {
    const byCode = editDistance(wanted, flag.code);
    const byLong = editDistance(wanted, flag.longName.toUpperCase());
    const prefix = flag.code.startsWith(wanted) || flag.longName.toUpperCase().startsWith(wanted) ? 0.5 : Infinity;
    const score = Math.min(byCode <= 1 ? byCode : Infinity, byLong <= 2 ? byLong : Infinity, prefix);
    if (score !== Infinity) scored.push({ code: flag.code, score });
  }
  return scored.sort((x, y) => x.score - y.score || x.code.localeCompare(y.code)).slice(0, max).map((s) => s.code);
}

/** Whether a flag records a failure (anything but informational flags such as DI and RFCF). */
export function isFailureFlag(flag: ResponseFlagInfo): boolean {
  return flag.category !== 'informational';
}
