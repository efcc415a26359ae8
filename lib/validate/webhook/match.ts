import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';

const compiled = new Map<string, boolean>();

/**
 * Whether a regex compiles. Istio uses RE2; JavaScript's engine is an approximation (it accepts
 * a few constructs RE2 refuses, such as lookarounds and backreferences, which are refused here).
 */
export function regexCompiles(pattern: string): boolean {
  let ok = compiled.get(pattern);
  if (ok === undefined) {
    ok = !/\(\?[=!<]|\\[1-9]/.test(pattern);
    if (ok) {
      try {
        new RegExp(pattern, 'u');
      } catch {
        ok = false;
      }
    }
    compiled.set(pattern, ok);
  }
  return ok;
}

/** A StringMatch (`exact` | `prefix` | `regex`) of a route match. */
function checkStringMatch(issues: Issues, match: unknown, path: string, opts: { emptyPrefixAllowed: boolean; presenceRegexAllowed?: boolean }): void {
  const m = obj(match);
  if (!m) return;
  if (typeof m.prefix === 'string' && m.prefix === '' && !opts.emptyPrefixAllowed) {
    issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.prefix`, 'an empty prefix match is not allowed here; remove the match to match everything');
  }
  if (typeof m.regex === 'string') {
    if (m.regex === '') {issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.regex`, 'an empty regex match is not allowed; remove it or write a pattern');} else if (!(opts.presenceRegexAllowed && m.regex === '*') && !regexCompiles(m.regex)) {
      issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.regex`, `"${m.regex}" is not a valid RE2 regular expression`);
    }
  }
}

/** Istio's rules for the `match` list of an HTTP route. */
export function checkHttpMatches(issues: Issues, matches: unknown, path: string, appliesToMesh: boolean): void {
  list(matches).forEach((raw, i) => {
    const m = obj(raw);
    const at = `${path}[${i}]`;
    if (!m) return;
    for (const field of ['uri', 'scheme', 'method', 'authority'] as const) {
      checkStringMatch(issues, m[field], `${at}.${field}`, { emptyPrefixAllowed: true });
    }
    for (const field of ['headers', 'withoutHeaders', 'queryParams'] as const) {
      for (const [name, value] of Object.entries(obj(m[field]) ?? {})) {
        const hp = `${at}.${field}["${name}"]`;
        if (name === '') issues.error(WEBHOOK_CODES.ROUTE_MATCH, hp, 'header name must not be empty');
        checkStringMatch(issues, value, hp, { emptyPrefixAllowed: false, presenceRegexAllowed: field === 'withoutHeaders' });
        if (field !== 'queryParams' && name.startsWith('@request.auth.claims') && appliesToMesh) {
          issues.error(WEBHOOK_CODES.ROUTE_MATCH, hp, 'routing on JWT claims (@request.auth.claims.*) works only on gateways, not for sidecars; bind the VirtualService to a gateway only');
        }
      }
    }
  });
}
