import { WEBHOOK_CODES } from './codes';
import { checkDuration } from './durations';
import { Issues, obj } from './issues';
import { KNOWN_HTTP_STATUS_CODES } from '../../core/http-status';
import { memoByString } from '../string-memo';

/** Envoy's retry conditions that Istio accepts in `retryOn`, besides HTTP status codes. */
export const RETRY_ON_POLICIES = new Set([
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'envoy-ratelimited', 'retriable-4xx',
  'refused-stream', 'retriable-status-codes', 'retriable-headers', 'http3-post-connect-failure',
  'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
]);


/** Go's strconv.Atoi: an optional sign and decimal digits, else 0. */
function atoi(text: string): number {
  return /^[+-]?\d+$/.test(text) ? Number(text) : 0;
}

/** What is wrong with a `retryOn` text, one message per bad token in order (none for most). */
function retryOnProblems(retryOn: string): readonly string[] {
  const out: string[] = [];
  // Split on "," exactly as Istio does: "unavailable, cancelled" holds the token " cancelled".
  for (const token of retryOn.split(',')) {
    if (RETRY_ON_POLICIES.has(token) || KNOWN_HTTP_STATUS_CODES.has(atoi(token))) continue;
    const why = token.trim() !== token && RETRY_ON_POLICIES.has(token.trim())
      ? `"${token}" is not a valid retryOn policy: Istio does not trim spaces, write "${retryOn.split(',').map((t) => t.trim()).join(',')}"`
      : /^[+-]?\d+$/.test(token) ? `${token} is not a known HTTP status code` : `"${token}" is not a valid retryOn policy`;
    out.push(`${why}; use gRPC conditions (cancelled, deadline-exceeded, internal, resource-exhausted, unavailable), Envoy's (5xx, gateway-error, reset, connect-failure, refused-stream, retriable-4xx, ...) or an HTTP status code`);
  }
  return out;
}

/** The routes of a mesh repeat a few retryOn texts: each is split and judged once. */
const retryOnProblemsOf = memoByString(retryOnProblems);

/** Istio's rules for an HTTP route's `retries` (agent.ValidateHTTPRetry). */
export function checkRetries(issues: Issues, retries: unknown, path: string): void {
  const r = obj(retries);
  if (!r) return;
  const attempts = typeof r.attempts === 'number' ? r.attempts : 0;
  if (attempts < 0) issues.error(WEBHOOK_CODES.RETRIES, `${path}.attempts`, `attempts must not be negative (got ${attempts})`);
  if (attempts === 0) {
    // Istio counts a field as configured when present at all (retryRemoteLocalities: false too).
    const present = (k: string) => r[k] !== undefined && r[k] !== null && !(k === 'retryOn' && r[k] === '');
    const others = ['perTryTimeout', 'retryOn', 'retryRemoteLocalities'].filter(present);
    if (others.length) {
      issues.error(WEBHOOK_CODES.RETRIES, path, `attempts is 0, which switches retries off, yet ${others.join(' and ')} ${others.length > 1 ? 'are' : 'is'} set; remove ${others.length > 1 ? 'them' : 'it'} or set attempts > 0`);
    }
  }
  checkDuration(issues, r.perTryTimeout, `${path}.perTryTimeout`);
  if (typeof r.retryOn === 'string' && r.retryOn !== '') {
    for (const message of retryOnProblemsOf(r.retryOn)) issues.error(WEBHOOK_CODES.RETRIES, `${path}.retryOn`, message);
  }
  checkDuration(issues, r.backoff, `${path}.backoff`);
}
