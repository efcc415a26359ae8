import * as fc from 'fast-check';
import { checkCelRules } from '../lib/validate/schema/cel-rules';

const rule = (text: string, message: string) => [{ rule: text, message }];

/** Rules on several fields at several depths; `g` and `d` have none. */
function schema(slowPath: boolean): Record<string, any> {
  // An additionalProperties schema with a rule makes the walk list every key of an object.
  const extra = slowPath ? { additionalProperties: { 'x-kubernetes-validations': rule('true', 'never') } } : {};
  return {
    type: 'object',
    ...extra,
    properties: {
      a: { 'type': 'string', 'x-kubernetes-validations': rule('self.size() < 3', 'a is short') },
      b: {
        type: 'object',
        ...extra,
        properties: {
          c: { 'type': 'integer', 'x-kubernetes-validations': rule('self > 0', 'c is positive') },
          d: { type: 'string' },
          k: { 'type': 'string', 'x-kubernetes-validations': rule("self != 'x'", 'k is not x') },
        },
      },
      e: { type: 'array', items: { type: 'object', ...extra, properties: { f: { 'type': 'string', 'x-kubernetes-validations': rule("self != 'x'", 'f is not x') } } } },
      g: { type: 'string' },
    },
  };
}

const text = fc.constantFrom('', 'x', 'ab', 'abcd');
const inner = fc.record({ c: fc.integer({ min: -1, max: 1 }), d: text, k: text, z: text }, { requiredKeys: [] });
/** Objects with their keys in any order, undeclared ones (`h`, `z`) among them. */
function shuffled<T extends Record<string, unknown>>(record: fc.Arbitrary<T>): fc.Arbitrary<Record<string, unknown>> {
  return record.chain((r) => fc.shuffledSubarray(Object.keys(r), { minLength: Object.keys(r).length })
    .map((keys) => Object.fromEntries(keys.map((k) => [k, r[k]]))));
}
const value = shuffled(fc.record({
  a: text,
  b: shuffled(inner),
  e: fc.array(shuffled(fc.record({ f: text, h: text }, { requiredKeys: [] })), { maxLength: 3 }),
  g: text,
  h: text,
}, { requiredKeys: [] }));

describe('the CEL walk', () => {
  it('finds the same violations, in the same order, whether or not it lists every key of an object', () => {
    const fast = schema(false);
    const slow = schema(true);
    fc.assert(fc.property(value, (v) => {
      expect(checkCelRules(fast, v)).toEqual(checkCelRules(slow, v));
    }), { numRuns: 1000 });
  });

  it('reports a violation under each field that has one', () => {
    const found = checkCelRules(schema(false), { b: { k: 'x', c: 0 }, a: 'abcd', e: [{ f: 'x' }] });
    expect(found.map((v) => `${v.path}: ${v.message}`)).toEqual(['b.k: k is not x', 'b.c: c is positive', 'a: a is short', 'e[0].f: f is not x']);
  });
});
