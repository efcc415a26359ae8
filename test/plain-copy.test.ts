import { Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import { plainCopy } from '../lib/core/plain-copy';

/** Every key of every object, depth first, in the order Object.keys gives them. */
function keyOrder(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [`[${i}]`, ...keyOrder(v)]);
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((k) => [k, ...keyOrder((value as Record<string, unknown>)[k])]);
}

/** The converters' way of building an object: one spread per key, undefined values left out. */
function spreadBuilt(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(spreadBuilt);
  if (value === null || typeof value !== 'object') return value;
  return Object.entries(value).reduce((r, [k, v]) => (v === undefined ? r : { ...r, [k]: spreadBuilt(v) }), {});
}

describe('plainCopy', () => {
  // Keys include integer-like ones (listed first by Object.keys) and undefined values (kept).
  const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('0', '10', 'apiVersion', 'metadata', '__proto__x'));
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  })).value;

  test('is equal to its input in every key, key order and value, and writes the same YAML', () => {
    fc.assert(fc.property(json, (value) => {
      const copy = plainCopy(value);
      expect(copy).toStrictEqual(value);
      expect(keyOrder(copy)).toStrictEqual(keyOrder(value));
      expect(Yaml.stringify(copy)).toBe(Yaml.stringify(value));
    }), { numRuns: 500 });
  });

  test('copies objects built by spreading as the generated converters do', () => {
    fc.assert(fc.property(json, (value) => {
      const built = spreadBuilt(value);
      const copy = plainCopy(built);
      expect(copy).toStrictEqual(built);
      expect(keyOrder(copy)).toStrictEqual(keyOrder(built));
      expect(Yaml.stringify(copy)).toBe(Yaml.stringify(built));
    }), { numRuns: 300 });
  });

  test('keeps a __proto__ key a field of the copy, as JSON.parse made it', () => {
    // GIVEN an object with an own __proto__ field (which an assignment would take as the prototype)
    const value = JSON.parse('{"a": 1, "__proto__": {"polluted": true}, "b": [{"__proto__": 2}]}');
    // WHEN copied
    const copy = plainCopy(value);
    // THEN the field is there, in its place, and no prototype changed
    expect(Object.keys(copy)).toStrictEqual(['a', '__proto__', 'b']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toStrictEqual(JSON.parse('{"polluted": true}'));
    expect(Object.getOwnPropertyDescriptor(copy.b[0], '__proto__')?.value).toBe(2);
    expect(Yaml.stringify(copy)).toBe(Yaml.stringify(value));
  });

  test('keeps holes of arrays and objects of other prototypes as they are', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    const date = new Date(0);
    const bare = Object.assign(Object.create(null), { a: 1 });
    const copy = plainCopy({ sparse, date, bare });
    expect(1 in copy.sparse).toBe(false);
    expect(copy.sparse).toHaveLength(3);
    expect(copy.date).toBe(date);
    expect(copy.bare).toBe(bare);
  });
});
