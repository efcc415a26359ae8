import { PropChecker } from './checks';
import { renderDuration } from './duration';
import { KNOWN_HTTP_STATUS_CODES } from './http-status';
import { RenderedRetries } from './mesh-service-model';
import { Idempotency } from './method';
import { DEFAULT_RETRY_ON, PRE_REQUEST_RETRY_CONDITIONS, RetryOn, RetryPolicy } from './retry';

const KNOWN_RETRY_ON = new Set<string>(Object.values(RetryOn));

/**
 * What routes without an explicit policy get: retries of failures that never reached the server.
 * Rendering it explicitly matters: without `retries`, Istio applies its mesh default, which also
 * retries `unavailable` and `cancelled` and so can run a non-idempotent call twice.
 */
export const PRE_REQUEST_ONLY_RETRIES: RenderedRetries = {
  attempts: 2,
  retryOn: PRE_REQUEST_RETRY_CONDITIONS.join(','),
};

/** True for the idempotency levels that make a retry safe. */
export function isRetrySafe(idempotency: Idempotency): boolean {
  return idempotency === Idempotency.IDEMPOTENT || idempotency === Idempotency.NO_SIDE_EFFECTS;
}

/** True when the policy can re-send a request the server may already have processed. */
export function canDuplicate(policy: RetryPolicy): boolean {
  if (policy.attempts === 0) return false;
  const conditions = policy.retryOn ?? DEFAULT_RETRY_ON;
  const preRequestOnly = conditions.every((c) => PRE_REQUEST_RETRY_CONDITIONS.includes(c));
  return !preRequestOnly || (policy.retryOnHttpStatusCodes ?? []).length > 0;
}

/**
 * Checks a retry policy and renders Istio's `retries` fields.
 * `field` is the prop path used in errors, e.g. `methods[1].retries`.
 */
export function renderRetries(check: PropChecker, field: string, policy: RetryPolicy): RenderedRetries {
  check.integer(`${field}.attempts`, policy.attempts, 0, 10_000);
  if (policy.attempts === 0) {
    // Istio rejects attempts: 0 together with any other retry field.
    const extra = (['perTryTimeout', 'retryOn', 'retryOnHttpStatusCodes', 'backoff', 'retryRemoteLocalities', 'retryIgnorePreviousHosts'] as const)
      .filter((k) => policy[k] !== undefined);
    if (extra.length > 0) {
      check.fail(`${field}.${extra[0]}`, policy[extra[0]], 'retries are switched off (attempts: 0), and Istio rejects other retry fields alongside attempts: 0', `remove ${extra.join(', ')}, or set attempts above 0`);
    }
    return { attempts: 0 };
  }
  const retryOn = policy.retryOn ?? [...DEFAULT_RETRY_ON];
  retryOn.forEach((condition, i) => {
    if (!KNOWN_RETRY_ON.has(condition)) {
      check.fail(`${field}.retryOn[${i}]`, condition, 'is not a retry condition Envoy knows', `use one of RetryOn: ${[...KNOWN_RETRY_ON].join(', ')}`);
    }
  });
  if (new Set(retryOn).size !== retryOn.length) {
    check.fail(`${field}.retryOn`, retryOn, 'lists a condition twice', 'list each condition once');
  }
  const codes = policy.retryOnHttpStatusCodes ?? [];
  codes.forEach((code, i) => {
    check.integer(`${field}.retryOnHttpStatusCodes[${i}]`, code, 100, 599);
    if (!KNOWN_HTTP_STATUS_CODES.has(code)) {
      check.fail(`${field}.retryOnHttpStatusCodes[${i}]`, code, 'is not a standard HTTP status code, and Istio refuses unknown codes in retryOn', 'use a code such as 429, 502, 503 or 504');
    }
  });
  if (codes.length > 0 && !retryOn.includes(RetryOn.RETRIABLE_STATUS_CODES)) {
    // Envoy only looks at the status code list under this condition.
    retryOn.push(RetryOn.RETRIABLE_STATUS_CODES);
  }
  if (retryOn.length === 0) {
    check.fail(`${field}.retryOn`, retryOn, 'an empty list means Istio falls back to its default conditions, not "never"', 'list the conditions to retry on, or set attempts: 0 to switch retries off');
  }
  return {
    attempts: policy.attempts,
    ...(policy.perTryTimeout ? { perTryTimeout: renderDuration(check.construct, `${field}.perTryTimeout`, policy.perTryTimeout) } : {}),
    retryOn: [...retryOn, ...codes.map(String)].join(','),
    ...(policy.backoff ? { backoff: renderDuration(check.construct, `${field}.backoff`, policy.backoff) } : {}),
    ...(policy.retryRemoteLocalities !== undefined ? { retryRemoteLocalities: policy.retryRemoteLocalities } : {}),
    ...retryIgnorePreviousHostsOf(check, field, policy.retryIgnorePreviousHosts),
  };
}

/** The sentence every duplicate-risk error shares. */
export const DUPLICATE_RISK =
  'a retry re-sends a call the server may already have executed (the response was lost, not the request), so a non-idempotent method such as CreateUser runs twice and creates duplicates';

function retryIgnorePreviousHostsOf(check: PropChecker, field: string, value: boolean | undefined): Pick<RenderedRetries, 'retryIgnorePreviousHosts'> {
  if (value === undefined) return {};
  if (typeof value !== 'boolean') check.fail(`${field}.retryIgnorePreviousHosts`, value, 'must be true or false', 'set it to true to retry on other endpoints, or leave it out');
  return { retryIgnorePreviousHosts: value };
}
