import { celEnv, CelScalar, isCelError, parse, plan } from '@bufbuild/cel';
import * as fc from 'fast-check';
import { K8S_CEL_FUNCTIONS } from '../lib/validate/schema/cel-k8s-functions';
import { nativeRule } from '../lib/validate/schema/cel-native';
import { toCel } from '../lib/validate/schema/cel-value';
import { crdVersionsOf } from '../lib/validate/schema/crd-bundle';
import { ISTIO_CRD_SCHEMAS } from '../lib/validate/schemas/istio-crds.generated';

// The oracle: @bufbuild/cel with the same environment as the schema stage's fallback.
const env = celEnv({ variables: { self: CelScalar.DYN }, funcs: K8S_CEL_FUNCTIONS });
const celVerdict = (rule: string, self: unknown): boolean => {
  const result = plan(env, parse(rule))({ self } as never);
  // An evaluation error refuses the object, as a false result does.
  return isCelError(result) ? false : result === true;
};

/** Every rule of the pinned CRDs with the schema node it sits on. */
function pinnedRules(): { rule: string; schema: Record<string, any> }[] {
  const out: { rule: string; schema: Record<string, any> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const schema = node as Record<string, any>;
    for (const r of schema['x-kubernetes-validations'] ?? []) out.push({ rule: r.rule, schema });
    for (const [key, child] of Object.entries(schema)) if (key !== 'x-kubernetes-validations') walk(child);
  };
  for (const crd of crdVersionsOf(ISTIO_CRD_SCHEMAS)) walk(crd.schema);
  return out;
}

const RULES = pinnedRules();
const NATIVE = [...new Set(RULES.map((r) => r.rule))].filter((rule) => nativeRule(rule));
const schemaOf = (rule: string) => RULES.find((r) => r.rule === rule)!.schema;

// Values the structural schema lets through at each rule's place, as JSON.
const labelKey = fc.oneof(fc.constantFrom('', '*', 'app', 'a*b', 'version'), fc.string({ maxLength: 6 }));
const labelMap = fc.dictionary(labelKey, fc.string({ maxLength: 4 }), { maxKeys: 4 });
const labelValue = fc.oneof(fc.constantFrom('', '*', 'v1', 'a*'), fc.string({ maxLength: 6 }));
const port = fc.oneof(fc.constantFrom(-1, 0, 1, 65535, 65536), fc.integer({ min: -100_000, max: 100_000 }));
const portKey = fc.oneof(fc.constantFrom('0', '1', '080', '65535', '65536', '9999999999', '+1', '-1', ' 1', '1e3', '0x10', 'abc', ''), fc.nat({ max: 70_000 }).map(String));
const duration = fc.oneof(fc.constantFrom('1ms', '0s', '999us', '1.5ms', '2562047h47m16.854775807s', '2562047h47m16.854775808s', 'abc', '10', '-1s'),
  fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.constantFrom('ns', 'us', 'ms', 's', 'm', 'h', '')).map(([n, u]) => `${n}${u}`));

/** An object with any subset of these fields (and one the rule does not name). */
const someOf = (fields: readonly string[], value: fc.Arbitrary<unknown> = fc.constant({})) =>
  fc.subarray([...fields, 'other']).chain((present) => fc.tuple(...present.map(() => value)).map((values) => Object.fromEntries(present.map((f, i) => [f, values[i]]))));

function arbitraryFor(rule: string): fc.Arbitrary<unknown> {
  if (rule.startsWith('duration(')) return duration;
  if (rule.includes('int(key)')) return fc.dictionary(portKey, fc.constant({ mode: 'STRICT' }), { maxKeys: 3 });
  if (rule.startsWith('self.all(key')) return labelMap;
  if (rule === '!self.contains("*")') return labelValue;
  if (rule === '0 < self && self <= 65535') return port;
  if (rule.startsWith('has(self.portLevelMtls)')) {
    const selector = fc.option(fc.record({ matchLabels: labelMap }, { requiredKeys: [] }), { nil: undefined });
    return fc.tuple(fc.boolean(), selector).map(([mtls, sel]) => ({ ...(mtls ? { portLevelMtls: { 8080: { mode: 'DISABLE' } } } : {}), ...(sel ? { selector: sel } : {}) }));
  }
  return someOf([...new Set([...rule.matchAll(/has\(self\.(\w+)\)/g)].map((m) => m[1]))], fc.constant(['x']));
}

describe('schema stage: the natively evaluated CEL rules agree with CEL', () => {
  test('the native rules cover the common rules of the pinned CRDs', () => {
    // GIVEN the rules of the pinned CRDs, each counted once per field it sits on
    const nativeFields = RULES.filter((r) => nativeRule(r.rule)).length;
    // THEN three fields in four need no CEL interpreter
    expect(nativeFields / RULES.length).toBeGreaterThan(0.75);
    expect(NATIVE.length).toBeGreaterThanOrEqual(10);
  });

  test.each(NATIVE)('%s', (rule) => {
    const native = nativeRule(rule)!;
    const schema = schemaOf(rule);
    fc.assert(fc.property(arbitraryFor(rule), (self) => {
      const result = native(self, schema);
      // THEN the same verdict as CEL on the value as CEL sees it, or an explicit hand-over to CEL
      return result.unsupported === true || result.ok === celVerdict(rule, toCel(self, schema));
    }), { numRuns: 300 });
  });

  test('a value of another type than the schema\'s is handed to CEL, not judged', () => {
    expect(nativeRule('0 < self && self <= 65535')!(8080.5, { type: 'integer' })).toStrictEqual({ ok: true, unsupported: true });
    expect(nativeRule('0 < self && self <= 65535')!(8080, { type: 'number' })).toStrictEqual({ ok: true, unsupported: true });
    expect(nativeRule('self.all(key, key.size() != 0)')!(['a'], {})).toStrictEqual({ ok: true, unsupported: true });
    expect(nativeRule('self.all(key, 0 < int(key) && int(key) <= 65535)')!({ '0x10': {} }, {})).toStrictEqual({ ok: true, unsupported: true });
  });

  test('rules outside the native set are left to CEL', () => {
    expect(nativeRule('self.all(l1, self.exists_one(l2, l1.number == l2.number))')).toBeUndefined();
    expect(nativeRule('(has(self.a) ? 1 : 0) <= 1')).toBeUndefined();
    expect(nativeRule('(has(self.a) ? 1 : 0) + (has(self.b) ? 2 : 0) <= 1')).toBeUndefined();
  });
});
