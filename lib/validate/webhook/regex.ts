import type { RE2JS as RE2JSClass } from 're2js';

/** Istio refuses longer patterns: it approximates Envoy's RE2 program size limit by length. */
export const MAX_REGEX_LENGTH = 1024;

const problems = new Map<string, string | undefined>();

// Loaded on the first pattern: most inputs hold none, and the RE2 port is a large module to load.
let re2: typeof RE2JSClass | undefined;

/**
 * Why Istio's webhook refuses a regular expression, or undefined when it compiles. Istio checks
 * patterns with Go's regexp (RE2 syntax), and Envoy matches with RE2: a pure JavaScript port of
 * RE2 gives the same verdict, where JavaScript's own RegExp would refuse `(?i)`, `\pL`,
 * `[[:alpha:]]` or `\z` and accept lookarounds, backreferences and `a{1001}`.
 */
export function regexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_REGEX_LENGTH) return `regex is too large, max length allowed is ${MAX_REGEX_LENGTH} (got ${pattern.length})`;
  if (problems.has(pattern)) return problems.get(pattern);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  re2 ??= (require('re2js') as typeof import('re2js')).RE2JS;
  let problem: string | undefined;
  try {
    re2.compile(pattern);
  } catch (err) {
    problem = `${(err as Error).message}; Istio uses RE2 syntax (https://github.com/google/re2/wiki/Syntax)`;
  }
  // Bounded: a stream of distinct hostile patterns must not grow the cache without limit.
  if (problems.size > 10_000) problems.clear();
  problems.set(pattern, problem);
  return problem;
}

/** Whether a pattern is a regular expression Istio accepts. */
export function regexCompiles(pattern: string): boolean {
  return regexProblem(pattern) === undefined;
}
