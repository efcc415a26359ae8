// Differential: the helpers that replaced per-call spellings (entries/filter/fromEntries, a JSON
// text built per pod) against those spellings, on generated input.
import * as fc from 'fast-check';
import { LifecycleModel } from '../lib/core/mesh-service-model';
import { proxyConfigAnnotation } from '../lib/core/render/lifecycle';
import { withoutUndefined } from '../lib/core/shape-checks';

/** Keys the resolvers spell (never `__proto__`), integer-like ones included for their ordering rule. */
const keyArb = fc.oneof(fc.constantFrom('maxConnections', 'idleTimeout', 'tcp', 'http', '0', '10', '2'), fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,8}$/));
const valueArb = fc.oneof(fc.constant(undefined), fc.integer(), fc.string(), fc.constant(null), fc.constant(false), fc.record({ a: fc.integer() }));

describe('withoutUndefined', () => {
  test('the same fields in the same order as filtering the entries', () => {
    fc.assert(fc.property(fc.dictionary(keyArb, valueArb), (obj) => {
      // GIVEN an object with some undefined fields; WHEN copied; THEN as Object.fromEntries of the kept entries
      const expected = Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
      const actual = withoutUndefined(obj);
      expect(Object.keys(actual)).toStrictEqual(Object.keys(expected));
      expect(actual).toStrictEqual(expected);
      expect(actual).not.toBe(obj);
    }), { numRuns: 500, seed: 20261203 });
  });
});

describe('proxyConfigAnnotation', () => {
  test('without the lifecycle profile: the text JSON.stringify gives', () => {
    expect(proxyConfigAnnotation(undefined)).toBe(JSON.stringify({ holdApplicationUntilProxyStarts: true }));
  });

  test('with the lifecycle profile: the drain and, when asked, the exit on zero connections', () => {
    const lifecycle = { drainDuration: '25s', exitOnZeroActiveConnections: true } as LifecycleModel;
    expect(proxyConfigAnnotation(lifecycle)).toBe('{"holdApplicationUntilProxyStarts":true,"terminationDrainDuration":"25s","proxyMetadata":{"EXIT_ON_ZERO_ACTIVE_CONNECTIONS":"true"}}');
    expect(proxyConfigAnnotation({ ...lifecycle, exitOnZeroActiveConnections: false })).toBe('{"holdApplicationUntilProxyStarts":true,"terminationDrainDuration":"25s"}');
  });
});
