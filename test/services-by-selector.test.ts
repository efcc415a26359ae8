import * as fc from 'fast-check';
import { KubeObject } from '../lib/core/kube-object';
import { servicesBySelectorLabel } from '../lib/validate/analyzer/deployment/services-by-selector';
import { labelsMatch, namespaceOf, specOf, stringLabels } from '../lib/validate/analyzer/objects';

// Few keys and values, so selectors often overlap, share a first label or select nothing.
const labels = fc.dictionary(fc.constantFrom('app', 'version', 'tier', 'team'), fc.constantFrom('a', 'b', 'c'), { maxKeys: 4 });
const service = fc.record({
  apiVersion: fc.constantFrom('v1', 'v1', 'v2'),
  namespace: fc.constantFrom(undefined, 'default', 'shop'),
  // Non-string selector values are not labels: they are dropped, as the analyzers read them.
  selector: fc.oneof(labels, fc.constant(undefined), fc.dictionary(fc.constantFrom('app', 'tier'), fc.oneof(fc.constantFrom('a', 'b'), fc.integer()), { maxKeys: 2 })),
}).map(({ apiVersion, namespace, selector }): KubeObject => ({
  apiVersion, kind: 'Service', metadata: { name: 'svc', ...(namespace ? { namespace } : {}) }, spec: selector ? { selector } : {},
} as KubeObject));

/** Distinct names, so a result in the wrong order cannot compare equal. */
const named = (all: KubeObject[]) => all.map((s, i) => ({ ...s, metadata: { ...s.metadata, name: `s${i}` } }) as KubeObject);

/** What the analyzer did before the index: scan every Service. */
function scanAll(all: readonly KubeObject[], namespace: string, podLabels: Record<string, string>): KubeObject[] {
  return all.filter((s) => {
    const selector = stringLabels(specOf(s).selector);
    return s.apiVersion === 'v1' && namespaceOf(s) === namespace && Object.keys(selector).length > 0 && labelsMatch(selector, podLabels);
  });
}

describe('servicesBySelectorLabel', () => {
  test('selects exactly the Services a scan of all of them selects, in input order', () => {
    fc.assert(fc.property(fc.array(service, { maxLength: 30 }).map(named), fc.constantFrom('default', 'shop'), labels, (all, namespace, podLabels) => {
      expect(servicesBySelectorLabel(all).selecting(namespace, podLabels)).toStrictEqual(scanAll(all, namespace, podLabels));
    }), { numRuns: 500 });
  });

  test('a Service with an empty selector selects no pod', () => {
    const all = [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'headless' }, spec: { selector: {} } } as KubeObject];
    expect(servicesBySelectorLabel(all).selecting('default', { app: 'a' })).toStrictEqual([]);
  });
});
