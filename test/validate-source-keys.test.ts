import * as fc from 'fast-check';
import { KubeObject } from '../lib/core/kube-object';
import { resourceRefOf, SourcedObject } from '../lib/validate';
import { objectRefKey, refKey, Sourced, sourcesOf } from '../lib/validate/source-keys';

// Parts with the separator in them, so that different objects can share a key.
const part = fc.constantFrom('a', 'b', 'a|b', '|', 'b|', '', 'v1');
const sourced = fc.record({
  apiVersion: part.filter((p) => p !== ''),
  kind: part.filter((p) => p !== ''),
  namespace: fc.oneof(part, fc.constant(undefined), fc.integer({ min: 0, max: 1 })),
  name: part.filter((p) => p !== ''),
  line: fc.nat(99),
}).map(({ apiVersion, kind, namespace, name, line }): Sourced => ({
  object: { apiVersion, kind, metadata: { name, ...(namespace !== undefined ? { namespace } : {}) } } as KubeObject,
  source: { object: undefined, line } as SourcedObject,
}));

describe('sourcesOf', () => {
  it('finds for each wanted key the source a Map of every object by key holds', () => {
    fc.assert(fc.property(fc.array(sourced, { maxLength: 12 }), fc.array(fc.nat(20), { maxLength: 6 }), (objects, picks) => {
      const everyKey = new Map(objects.map((s) => [refKey(resourceRefOf(s.object)), s.source]));
      const wanted = new Set(picks.map((i) => (i < objects.length ? refKey(resourceRefOf(objects[i].object)) : `x|${i}`)));
      const found = sourcesOf(objects, wanted);
      for (const key of wanted) expect(found.get(key)).toBe(everyKey.get(key));
    }), { numRuns: 3000 });
  });

  it('keys an object as refKey keys its resource', () => {
    fc.assert(fc.property(sourced, ({ object }) => {
      expect(objectRefKey(object)).toBe(refKey(resourceRefOf(object)));
    }));
  });
});
