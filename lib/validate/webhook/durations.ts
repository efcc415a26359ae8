import { WEBHOOK_CODES } from './codes';
import { Issues } from './issues';
import { memoByString } from '../string-memo';

const UNIT_NANOS: Record<string, bigint> = {
  ns: 1n, us: 1_000n, µs: 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n,
};
const PART = /([0-9]*)(?:\.([0-9]*))?(ns|us|µs|ms|s|m|h)/y;
const MILLI = 1_000_000n;

/**
 * The longest duration Kubernetes and Istio can hold: Go's `time.Duration` is an int64 of
 * nanoseconds (about 2562047h47m). CEL's `duration()` in the CRD schemas and Istio's
 * `AsDuration()` both stop there, well below protobuf Duration's own limit of 315,576,000,000s.
 */
export const MAX_DURATION_NANOS = 9_223_372_036_854_775_807n;

/** The duration text Go would print for MAX_DURATION_NANOS. */
export const MAX_DURATION_TEXT = '2562047h47m16.854775807s';

/** A Go-style duration (`1h2m3.5s`, `250ms`) in nanoseconds, or undefined when it does not parse. */
export function parseDurationNanos(text: string): bigint | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  return durationNanosOf(text);
}

const durationNanosOf = memoByString(parseDuration);

function parseDuration(text: string): bigint | undefined {
  let rest = text;
  let negative = false;
  if (rest[0] === '-' || rest[0] === '+') {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  let total = 0n;
  PART.lastIndex = 0;
  while (PART.lastIndex < rest.length) {
    const start = PART.lastIndex;
    const m = PART.exec(rest);
    if (!m || m.index !== start || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
    const unit = UNIT_NANOS[m[3]];
    const fraction = m[2] ?? '';
    total += BigInt(m[1] || '0') * unit + (fraction ? (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length) : 0n);
    // Precision below a nanosecond is lost, which is what makes `1.0000000001s` sub-ms too.
    if (fraction && (BigInt(fraction) * unit) % 10n ** BigInt(fraction.length) !== 0n) total += 1n;
  }
  return negative ? -total : total;
}

/**
 * Istio's duration rule: at least 1ms and a whole number of milliseconds (Envoy's timers have
 * millisecond resolution). `allowZero` for the few fields where 0 means "off".
 */
export function checkDuration(issues: Issues, value: unknown, path: string, allowZero = false): void {
  if (value === undefined || value === null) return;
  const nanos = parseDurationNanos(String(value));
  if (nanos === undefined) {
    issues.error(WEBHOOK_CODES.DURATION, path, `${quoteDuration(value)} is not a duration; write e.g. 250ms, 2s or 1m`);
    return;
  }
  if (allowZero && nanos === 0n) return;
  if (nanos > MAX_DURATION_NANOS) {
    issues.error(WEBHOOK_CODES.DURATION, path, `${quoteDuration(value)} is longer than ${MAX_DURATION_TEXT}, the longest duration Kubernetes and Istio can hold; the API server refuses it`);
  } else if (nanos < MILLI) {
    issues.error(WEBHOOK_CODES.DURATION, path, `${String(value)} is shorter than 1ms, the smallest duration Istio accepts`);
  } else if (nanos % MILLI !== 0n) {
    issues.error(WEBHOOK_CODES.DURATION, path, `${String(value)} is not a whole number of milliseconds; Istio only supports millisecond precision`);
  }
}

/** The value as messages quote it: at most a few dozen characters of whatever was written. */
function quoteDuration(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}...` : text);
}
