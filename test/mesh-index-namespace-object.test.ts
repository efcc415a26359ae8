import * as fc from 'fast-check';
import { KubeObject } from '../lib/core/kube-object';
import { MeshIndex } from '../lib/validate/analyzer/mesh-index';

describe('MeshIndex.namespaceObject', () => {
  test('finds what scanning the Namespaces for the first v1 one of that name finds', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'constructor', '__proto__');
    const object = fc.record({
      apiVersion: fc.constantFrom('v1', 'v2', 'apps/v1'),
      kind: fc.constantFrom('Namespace', 'Service'),
      metadata: fc.record({ name, labels: fc.dictionary(fc.constantFrom('istio-injection'), fc.constantFrom('enabled', 'disabled')) }),
    });
    fc.assert(fc.property(fc.array(object, { maxLength: 12 }), name, (raw, wanted) => {
      const objects = raw.map((o) => JSON.parse(JSON.stringify(o)) as KubeObject);
      const index = new MeshIndex(objects);
      const scanned = index.of('Namespace').find((n) => n.apiVersion === 'v1' && n.metadata.name === wanted);
      expect(index.namespaceObject(wanted)).toBe(scanned);
    }), { numRuns: 1000 });
  });
});
