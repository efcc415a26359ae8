import { RESPONSE_FLAGS, ResponseFlagInfo } from './response-flags';

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
 * flags with commas; older versions and some log pipelines use spaces or `|`.
 */
export function splitResponseFlags(value: string | undefined): string[] {
  if (!value || value === '-') return [];
  return value.split(/[,|\s]+/).filter((f) => f.length > 0 && f !== '-');
}

/** Edit distance between two short strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
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
