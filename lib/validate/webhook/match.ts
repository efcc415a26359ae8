import { WEBHOOK_CODES } from './codes';
import { checkGatewayNames } from './gateway-names';
import { headerMatchNameProblem } from './header-names';
import { Issues, list, obj } from './issues';
import { isIstioDnsLabel } from './istio-hosts';
import { regexProblem } from './regex';
import { labelProblem } from '../../core/hosts';

export { regexCompiles } from './regex';

/** A StringMatch (`exact` | `prefix` | `regex`) of a route match. */
function checkStringMatch(issues: Issues, match: unknown, path: string, opts: { emptyPrefixAllowed: boolean; presenceRegexAllowed?: boolean }): void {
  const m = obj(match);
  if (!m) return;
  if (typeof m.prefix === 'string' && m.prefix === '' && !opts.emptyPrefixAllowed) {
    issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.prefix`, 'an empty prefix match is not allowed here; remove the match to match everything');
  }
  if (typeof m.regex === 'string') {
    if (m.regex === '') {issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.regex`, 'an empty regex match is not allowed; remove it or write a pattern');} else if (!(opts.presenceRegexAllowed && m.regex === '*')) {
      const problem = regexProblem(m.regex);
      if (problem) issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.regex`, `"${m.regex.length > 60 ? `${m.regex.slice(0, 57)}...` : m.regex}": ${problem}`);
    }
  }
}

const URI_MATCH = { emptyPrefixAllowed: true };
const OTHER_MATCH = { emptyPrefixAllowed: false };

/** The StringMatch fields of a match besides `uri`, and its maps of StringMatches. */
const OTHER_STRING_MATCHES = ['scheme', 'method', 'authority'] as const;
const MAP_MATCHES = ['headers', 'withoutHeaders', 'queryParams'] as const;

/** Istio's rules for the `match` list of an HTTP route. */
export function checkHttpMatches(issues: Issues, matches: unknown, path: string, appliesToMesh: boolean): void {
  list(matches).forEach((raw, i) => {
    const m = obj(raw);
    const at = `${path}[${i}]`;
    if (!m) return;
    // Istio checks only the regex of a uri match; scheme, method and authority as headers are.
    // Absent fields are skipped before their paths are written: most matches hold a uri only.
    if (obj(m.uri)) checkStringMatch(issues, m.uri, `${at}.uri`, URI_MATCH);
    for (const field of OTHER_STRING_MATCHES) {
      if (obj(m[field])) checkStringMatch(issues, m[field], `${at}.${field}`, OTHER_MATCH);
    }
    if (typeof m.port === 'number' && m.port !== 0 && !(m.port >= 1 && m.port <= 65535)) {
      issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${at}.port`, `port number ${m.port} must be in the range 1..65535`);
    }
    if (obj(m.sourceLabels)) {
      for (const [key, value] of Object.entries(m.sourceLabels)) {
        const problem = labelProblem(key, value);
        if (problem) issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${at}.sourceLabels.${key}`, problem);
      }
    }
    const gateways = list(m.gateways).filter((g): g is string => typeof g === 'string');
    if (gateways.length) checkGatewayNames(issues, gateways, `${at}.gateways`, false);
    if (typeof m.sourceNamespace === 'string' && m.sourceNamespace !== '' && !isIstioDnsLabel(m.sourceNamespace)) {
      issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${at}.sourceNamespace`, `sourceNamespace match ${m.sourceNamespace} is invalid`);
    }
    for (const field of MAP_MATCHES) {
      if (!obj(m[field])) continue;
      for (const [name, value] of Object.entries(m[field] as Record<string, unknown>)) {
        const hp = `${at}.${field}["${name}"]`;
        // Istio checks the names of headers only; query parameter names are free.
        const nameProblem = field === 'queryParams' ? undefined : headerMatchNameProblem(name);
        if (nameProblem) issues.error(WEBHOOK_CODES.ROUTE_MATCH, hp, nameProblem);
        checkStringMatch(issues, value, hp, { emptyPrefixAllowed: false, presenceRegexAllowed: field === 'withoutHeaders' });
        if (field !== 'queryParams' && name.startsWith('@request.auth.claims') && appliesToMesh) {
          issues.error(WEBHOOK_CODES.ROUTE_MATCH, hp, 'routing on JWT claims (@request.auth.claims.*) works only on gateways, not for sidecars; bind the VirtualService to a gateway only');
        }
      }
    }
  });
}
