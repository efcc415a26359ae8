import { IstioGrpcError } from './errors';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Go/Istio duration text: `250ms`, `2s`, `1.5s`, `1m30s`, `1h`. */
const DURATION_TEXT = /^(\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

/**
 * A length of time, rendered in the duration format Istio accepts (`250ms`, `2s`, `90s`).
 *
 * Istio keeps millisecond precision and rejects durations under 1ms, so values are held as a
 * number of milliseconds; the fields that use a Duration check those limits where the field name
 * is known, so the error can name it.
 */
export class Duration {
  /** A duration of `amount` milliseconds. */
  public static millis(amount: number): Duration {
    return new Duration(amount);
  }

  /** A duration of `amount` seconds. */
  public static seconds(amount: number): Duration {
    return new Duration(amount * UNIT_MS.s);
  }

  /** A duration of `amount` minutes. */
  public static minutes(amount: number): Duration {
    return new Duration(amount * UNIT_MS.m);
  }

  /** A duration of `amount` hours. */
  public static hours(amount: number): Duration {
    return new Duration(amount * UNIT_MS.h);
  }

  /**
   * Parses Go/Istio duration text such as `250ms`, `2s`, `1.5s`, `1m30s` or `1h`.
   * @throws IstioGrpcError when the text is not a duration.
   */
  public static parse(text: string): Duration {
    const parts = typeof text === 'string' && DURATION_TEXT.test(text) ? text.match(/\d+(?:\.\d+)?(?:ms|s|m|h)/g) : null;
    if (!parts) {
      throw new IstioGrpcError({
        construct: 'Duration',
        field: 'parse(text)',
        value: text,
        reason: 'a duration is a number followed by a unit (ms, s, m or h), e.g. "250ms", "2s", "1m30s"',
        fix: 'write the duration like "2s", or use Duration.seconds(2)',
      });
    }
    let total = 0;
    for (const part of parts) {
      const [, amount, unit] = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(part)!;
      total += Number(amount) * UNIT_MS[unit];
    }
    return new Duration(total);
  }

  /** The length in milliseconds (may be fractional when built from a fractional amount). */
  public readonly milliseconds: number;

  private constructor(milliseconds: number) {
    this.milliseconds = milliseconds;
  }

  /** Renders the Istio form: whole seconds as `Ns`, anything else as `Nms`. */
  public toIstio(): string {
    const ms = Math.round(this.milliseconds);
    return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
  }

  /** The same as `toIstio()`, so a Duration prints readably in messages. */
  public toString(): string {
    return this.toIstio();
  }
}

/**
 * True for a Duration, also one from another copy of this package (plain JavaScript and jsii
 * callers can pass anything, so the check is structural).
 */
export function isDuration(value: unknown): value is Duration {
  return value instanceof Duration || (value !== null && typeof value === 'object'
    && typeof (value as Duration).milliseconds === 'number' && typeof (value as Duration).toIstio === 'function');
}

/** How to write `value` as a Duration: `use Duration.seconds(10)` for "10s" or 10. */
export function durationFix(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return `use Duration.seconds(${value}) (or Duration.millis(${value}) if you meant milliseconds)`;
  }
  if (typeof value === 'string' && DURATION_TEXT.test(value)) {
    return `use ${factoryFor(Duration.parse(value).milliseconds)}`;
  }
  return 'use e.g. Duration.seconds(2) or Duration.millis(250)';
}

/** The simplest factory call that builds `ms` milliseconds. */
function factoryFor(ms: number): string {
  for (const [factory, unit] of [['hours', 'h'], ['minutes', 'm'], ['seconds', 's']] as const) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `Duration.${factory}(${ms / UNIT_MS[unit]})`;
  }
  return `Duration.millis(${ms})`;
}

/** What a field that takes a Duration accepts. */
export interface DurationLimits {
  /** Smallest accepted value in milliseconds. @default 1 */
  readonly minMillis?: number;
  /** Largest accepted value in milliseconds. @default - no upper limit */
  readonly maxMillis?: number;
}

/**
 * Checks that `value` is a finite whole number of milliseconds within `limits`, and renders it.
 * Istio keeps millisecond precision and rejects anything under 1ms, so `Duration.millis(0.5)` is
 * an error here rather than a silently rounded value.
 */
export function renderDuration(construct: string, field: string, value: Duration, limits: DurationLimits = {}): string {
  if (!isDuration(value)) {
    throw new IstioGrpcError({ construct, field, value, reason: 'must be a Duration', fix: durationFix(value) });
  }
  const min = limits.minMillis ?? 1;
  const ms = value.milliseconds;
  const fail = (reason: string, fix: string): never => {
    throw new IstioGrpcError({ construct, field, value: Number.isFinite(ms) ? `${ms}ms` : String(ms), reason, fix });
  };
  if (!Number.isFinite(ms)) fail('a duration must be a finite number', 'use e.g. Duration.seconds(2)');
  if (!Number.isInteger(ms)) fail('Istio keeps millisecond precision, so a fraction of a millisecond cannot be expressed', `round to whole milliseconds, e.g. Duration.millis(${Math.max(1, Math.round(ms))})`);
  if (ms < min) fail(`the value must be at least ${min}ms (Istio rejects shorter durations)`, `use Duration.millis(${min}) or more`);
  if (limits.maxMillis !== undefined && ms > limits.maxMillis) fail(`the value must be at most ${limits.maxMillis}ms`, `use Duration.millis(${limits.maxMillis}) or less`);
  return value.toIstio();
}
