import { MAX_DURATION_NANOS, parseDurationNanos } from '../webhook/durations';

/** What one evaluation of a rule gave: passed, failed (with CEL's error) or not checkable here. */
export interface RuleResult {
  readonly ok: boolean;
  readonly unsupported?: boolean;
  readonly error?: string;
}

/** A rule evaluated natively on the value at its place (as JSON) and the schema node there. */
export type NativeRule = (self: unknown, schema: Record<string, any>) => RuleResult;

/**
 * The rules on most fields of the pinned Istio CRDs, evaluated natively: loading the CEL
 * interpreter costs more than linting a small file, and converting each value to CEL's types
 * costs more than the rule. Each gives CEL's verdict on every value the structural schema lets
 * through (rules run only on objects that pass it), which test/validate-cel-native.test.ts checks
 * against @bufbuild/cel; on anything else it answers `unsupported` and the caller asks CEL.
 */
export function nativeRule(rule: string): NativeRule | undefined {
  // The CRDs fold long rules over lines; a line break is a space to CEL.
  const text = rule.replace(/\s*\n\s*/g, ' ');
  const exact = EXACT_RULES.get(text);
  if (exact) return exact;
  const fields = atMostOneOf(text);
  return fields ? atMostOnePresent(fields) : undefined;
}

const pass: RuleResult = { ok: true };
const fail: RuleResult = { ok: false };
/** Not typed as this evaluator expects: CEL decides. */
const unsupported: RuleResult = { ok: true, unsupported: true };
const verdict = (ok: boolean): RuleResult => (ok ? pass : fail);

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (map: Record<string, unknown>, field: string) => Object.prototype.hasOwnProperty.call(map, field);

/** `duration(self) >= duration('1ms')`, on almost 200 fields; CEL's duration() is Go's time.Duration. */
const minDuration: NativeRule = (self) => {
  const nanos = typeof self === 'string' ? parseDurationNanos(self) : undefined;
  if (nanos === undefined) return { ok: false, error: `invalid duration ${JSON.stringify(self)}` };
  // Beyond int64 nanoseconds CEL fails as out of range.
  if (nanos > MAX_DURATION_NANOS || nanos < -MAX_DURATION_NANOS - 1n) return { ok: false, error: 'duration out of range' };
  return verdict(nanos >= 1_000_000n);
};

/** Every key of a map passes `test` (`self.all(key, ...)` over a map visits its keys). */
const allKeys = (test: (key: string) => boolean | undefined): NativeRule => (self) => {
  if (!isMap(self)) return unsupported;
  for (const key of Object.keys(self)) {
    const ok = test(key);
    if (ok === undefined) return unsupported;
    if (!ok) return fail;
  }
  return pass;
};

/** A port key of PeerAuthentication's portLevelMtls, as CEL's int(key) reads it; undefined for text CEL might read otherwise. */
const portOfKey = (key: string) => (/^[0-9]{1,10}$/.test(key) ? Number(key) : undefined);

const EXACT_RULES = new Map<string, NativeRule>([
  ["duration(self) >= duration('1ms')", minDuration],
  // Label selectors (workloadSelector.labels, selector.matchLabels, ...).
  ['self.all(key, !key.contains("*"))', allKeys((key) => !key.includes('*'))],
  ['self.all(key, key.size() != 0)', allKeys((key) => key.length !== 0)],
  ['!self.contains("*")', (self) => (typeof self === 'string' ? verdict(!self.includes('*')) : unsupported)],
  // Port numbers: integers to CEL where the schema says so.
  ['0 < self && self <= 65535', (self, schema) => (typeof self === 'number' && Number.isInteger(self) && schema.type === 'integer' ? verdict(self > 0 && self <= 65535) : unsupported)],
  ['self.all(key, 0 < int(key) && int(key) <= 65535)', allKeys((key) => {
    const port = portOfKey(key);
    return port === undefined ? undefined : port > 0 && port <= 65535;
  })],
  // PeerAuthentication: port-level mTLS needs a selector with labels.
  ['has(self.portLevelMtls) ? (((has(self.selector) && has(self.selector.matchLabels)) ? self.selector.matchLabels : {}).size() > 0) : true', (self) => {
    if (!isMap(self)) return unsupported;
    if (!has(self, 'portLevelMtls')) return pass;
    if (!has(self, 'selector')) return fail;
    const selector = self.selector;
    if (!isMap(selector)) return unsupported;
    if (!has(selector, 'matchLabels')) return fail;
    return isMap(selector.matchLabels) ? verdict(Object.keys(selector.matchLabels).length > 0) : unsupported;
  }],
  // AuthorizationPolicy: service accounts exclude principals and namespaces.
  ['(has(self.serviceAccounts) || has(self.notServiceAccounts)) ? (!has(self.principals) && !has(self.notPrincipals) && !has(self.namespaces) && !has(self.notNamespaces)) : true', (self) => {
    if (!isMap(self)) return unsupported;
    if (!has(self, 'serviceAccounts') && !has(self, 'notServiceAccounts')) return pass;
    return verdict(!['principals', 'notPrincipals', 'namespaces', 'notNamespaces'].some((f) => has(self, f)));
  }],
]);

const COUNT_TERM = /^\(has\(self\.([A-Za-z_][A-Za-z0-9_]*)\) \? 1 : 0\)$/;

/** The fields of `(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) ... <= 1`, Istio's "at most one of". */
function atMostOneOf(rule: string): string[] | undefined {
  if (!rule.endsWith(' <= 1')) return undefined;
  const fields: string[] = [];
  for (const term of rule.slice(0, -' <= 1'.length).split(' + ')) {
    const m = COUNT_TERM.exec(term);
    if (!m) return undefined;
    fields.push(m[1]);
  }
  return fields.length >= 2 ? fields : undefined;
}

function atMostOnePresent(fields: readonly string[]): NativeRule {
  return (self) => (isMap(self) ? verdict(fields.filter((f) => has(self, f)).length <= 1) : unsupported);
}
