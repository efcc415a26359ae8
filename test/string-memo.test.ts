import * as fc from 'fast-check';
import { memoByString } from '../lib/validate/string-memo';
import { parseDurationNanos } from '../lib/validate/webhook/durations';
import { fqdnProblem, wildcardDomainProblem } from '../lib/validate/webhook/istio-hosts';

describe('memoByString', () => {
  test('gives what the function gives, for any sequence of keys, however often the memory starts over', () => {
    const key = fc.oneof(fc.constantFrom('5s', '500ms', 'a.b', '', 'x'), fc.string({ maxLength: 6 }), fc.string({ minLength: 250, maxLength: 300 }));
    fc.assert(fc.property(fc.array(key, { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (keys, maxEntries) => {
      const compute = (k: string) => ({ length: k.length, upper: k.toUpperCase() });
      const remembered = memoByString(compute, maxEntries);
      for (const k of keys) expect(remembered(k)).toStrictEqual(compute(k));
    }), { numRuns: 500 });
  });

  test('computes each short key once while it is held, and long keys every time', () => {
    // GIVEN a memo over a counting function
    const calls: string[] = [];
    const remembered = memoByString((k) => { calls.push(k); return undefined; }, 2);
    const long = 'x'.repeat(300);
    // WHEN keys repeat (an undefined result is remembered too), then a third key starts the memory over
    ['a', 'a', 'b', 'a', long, long, 'c', 'a'].forEach((k) => remembered(k));
    // THEN
    expect(calls).toStrictEqual(['a', 'b', long, long, 'c', 'a']);
  });
});

describe('remembered host and duration checks', () => {
  // Differential: the first call of a key computes it, the later ones are remembered; both must agree.
  const host = fc.oneof(fc.constantFrom('*.example.com', 'a.b.svc.cluster.local', 'x..y', '1.2.3.4', 'a.123', '*', 'istio.io.'), fc.domain(), fc.string({ maxLength: 12 }));
  const duration = fc.oneof(fc.constantFrom('5s', '1h2m3.5s', '0', '-1ms', '1.0000000001s', 'ms', '2562047h47m16.854775808s'), fc.string({ maxLength: 8 }));
  test.each([
    ['wildcardDomainProblem', wildcardDomainProblem, host],
    ['fqdnProblem', fqdnProblem, host],
    ['parseDurationNanos', parseDurationNanos, duration],
  ] as const)('%s answers a repeated value as it answered it first', (_name, check, arbitrary) => {
    fc.assert(fc.property(fc.array(arbitrary as fc.Arbitrary<string>, { minLength: 1, maxLength: 10 }), (values) => {
      const first = values.map((v) => (check as (v: string) => unknown)(v));
      expect(values.map((v) => (check as (v: string) => unknown)(v))).toStrictEqual(first);
    }), { numRuns: 300 });
  });
});
