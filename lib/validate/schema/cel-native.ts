import { MAX_DURATION_NANOS, parseDurationNanos } from '../webhook/durations';

/** What one evaluation of a rule on `self` gave: passed, failed (with CEL's error) or not checkable. */
export interface RuleResult {
  readonly ok: boolean;
  readonly unsupported?: boolean;
  readonly error?: string;
}

/** A compiled rule; `self` is the value as CEL sees it (maps as `Map`, integers as `bigint`). */
export type RuleProgram = (self: unknown) => RuleResult;

/**
 * The rules that cover most fields of the pinned Istio CRDs, evaluated natively: loading the CEL
 * interpreter costs more than linting a small file. Each gives CEL's verdict on every value the
 * structural schema lets through (CEL rules run only on objects that pass it), which
 * test/validate-cel-native.test.ts checks against @bufbuild/cel. Other rules go to CEL.
 */
export function nativeRule(rule: string): RuleProgram | undefined {
  const exact = EXACT_RULES.get(rule);
  if (exact) return exact;
  const fields = atMostOneOf(rule);
  return fields ? atMostOnePresent(fields) : undefined;
}

const pass: RuleResult = { ok: true };
const fail: RuleResult = { ok: false };
const verdict = (ok: boolean): RuleResult => (ok ? pass : fail);

/** `duration(self) >= duration('1ms')`: on almost 200 fields; CEL's duration() is Go's time.Duration. */
const minDuration: RuleProgram = (self) => {
  const nanos = typeof self === 'string' ? parseDurationNanos(self) : undefined;
  if (nanos === undefined) return { ok: false, error: `invalid duration ${JSON.stringify(self)}` };
  // Beyond int64 nanoseconds CEL fails as out of range.
  if (nanos > MAX_DURATION_NANOS || nanos < -MAX_DURATION_NANOS - 1n) return { ok: false, error: 'duration out of range' };
  return verdict(nanos >= 1_000_000n);
};

/** Map keys as CEL's `self.all(key, ...)` visits them; undefined when `self` is not a map. */
function mapKeys(self: unknown): string[] | undefined {
  return self instanceof Map ? [...self.keys()].map(String) : undefined;
}

const EXACT_RULES = new Map<string, RuleProgram>([
  ["duration(self) >= duration('1ms')", minDuration],
  // Label selectors (workloadSelector.labels, selector.matchLabels, ...).
  ['self.all(key, !key.contains("*"))', (self) => {
    const keys = mapKeys(self);
    return keys ? verdict(keys.every((k) => !k.includes('*'))) : unsupported;
  }],
  ['self.all(key, key.size() != 0)', (self) => {
    const keys = mapKeys(self);
    return keys ? verdict(keys.every((k) => k.length !== 0)) : unsupported;
  }],
  ['!self.contains("*")', (self) => (typeof self === 'string' ? verdict(!self.includes('*')) : unsupported)],
  // Port numbers.
  ['0 < self && self <= 65535', (self) => (typeof self === 'bigint' ? verdict(self > 0n && self <= 65535n) : unsupported)],
]);

/** A value this evaluator does not type like CEL would: the caller hands the rule to CEL instead. */
const unsupported: RuleResult = { ok: true, unsupported: true };

const COUNT_TERM = /^\(has\(self\.([A-Za-z_][A-Za-z0-9_]*)\) \? 1 : 0\)$/;

/** The fields of `(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) ... <= 1`, Istio's "at most one of". */
function atMostOneOf(rule: string): string[] | undefined {
  if (!rule.endsWith(' <= 1')) return undefined;
  const terms = rule.slice(0, -' <= 1'.length).split(' + ');
  const fields: string[] = [];
  for (const term of terms) {
    const m = COUNT_TERM.exec(term);
    if (!m) return undefined;
    fields.push(m[1]);
  }
  return fields.length >= 2 ? fields : undefined;
}

function atMostOnePresent(fields: readonly string[]): RuleProgram {
  return (self) => (self instanceof Map ? verdict(fields.filter((f) => self.has(f)).length <= 1) : unsupported);
}
