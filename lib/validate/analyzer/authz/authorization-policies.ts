import { Analyzer } from '../analyzer';
import { MeshIndex } from '../mesh-index';
import { IST } from '../messages';
import { formatLabels, listOf, namespaceOf, objOf, specOf } from '../objects';

/** IST0127/IST0101: AuthorizationPolicies selecting no in-mesh pod, or naming unknown namespaces. */
export const authorizationPoliciesAnalyzer: Analyzer = {
  name: 'auth.AuthorizationPoliciesAnalyzer',
  inputs: ['AuthorizationPolicy', 'Namespace', 'Pod'],
  analyze({ index, mesh, report }) {
    for (const ap of index.of('AuthorizationPolicy')) {
      const spec = specOf(ap);
      const ns = namespaceOf(ap);
      const selector = objOf(objOf(spec.selector).matchLabels);
      if (Object.keys(selector).length > 0 && ns !== mesh.rootNamespace && !index.selected(selector, ns).some((w) => w.inMesh)) {
        report(IST.NoMatchingWorkloadsFound, ap, `no pod with an Istio sidecar in ${ns} carries ${formatLabels(selector)}, so this policy applies to nothing`, 'spec.selector');
      }
      // Only an input that lists Namespaces says which exist.
      if (index.namespaces.size === 0) continue;
      listOf(spec.rules).forEach((rule, i) => {
        listOf(objOf(rule).from).forEach((from, j) => {
          listOf(objOf(objOf(from).source).namespaces).forEach((name, k) => {
            if (typeof name !== 'string' || namespaceExists(index, name)) return;
            report(IST.ReferencedResourceNotFound, ap, `namespace ${name} does not exist; callers from it can never match`, `spec.rules[${i}].from[${j}].source.namespaces[${k}]`);
          });
        });
      });
    }
  },
};

function namespaceExists(index: MeshIndex, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return [...index.namespaces].some((n) => n.endsWith(pattern.slice(1)));
  if (pattern.endsWith('*')) return [...index.namespaces].some((n) => n.startsWith(pattern.slice(0, -1)));
  return index.namespaces.has(pattern);
}
