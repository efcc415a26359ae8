import { KubeObject } from '../../../lib/core/kube-object';
import { AnalysisContext, Analyzer } from '../../../lib/validate/analyzer/analyzer';
import { workloadInMesh } from '../../../lib/validate/analyzer/deployment/in-mesh';
import { Workload } from '../../../lib/validate/analyzer/mesh-index';
import { IST } from '../../../lib/validate/analyzer/messages';
import { formatLabels, listOf, namespaceOf, objOf, specOf, stringLabels } from '../../../lib/validate/analyzer/objects';

/**
 * IST0127: an AuthorizationPolicy that applies to no in-mesh (sidecar or ambient) pod: its
 * selector matches none in its namespace (any namespace for the root namespace), or without a
 * selector its namespace has none. IST0101: source namespaces that match no Namespace.
 */
export const authorizationPoliciesAnalyzer: Analyzer = {
  name: 'auth.AuthorizationPoliciesAnalyzer',
  inputs: ['AuthorizationPolicy', 'Namespace', 'Pod'],
  analyze(ctx) {
    const { index } = ctx;
    const inMesh = index.workloads.filter((w) => workloadInMesh(index, w));
    for (const ap of index.of('AuthorizationPolicy')) {
      checkWorkloads(ctx, ap, inMesh);
      // Without the workloads (and their Namespaces) in the input, judge namespaces only when it lists some.
      if (ctx.workloadsComplete || index.namespaces.size > 0) checkNamespaces(ctx, ap);
    }
  },
};

function checkWorkloads({ index, mesh, report, workloadsComplete }: AnalysisContext, ap: KubeObject, inMesh: readonly Workload[]): void {
  const spec = specOf(ap);
  const ns = namespaceOf(ap);
  const hasSelector = spec.selector !== undefined && spec.selector !== null;
  const selector = stringLabels(objOf(spec.selector).matchLabels);
  const matches = (w: { labels: Readonly<Record<string, string>> }) => Object.entries(selector).every(([k, v]) => w.labels[k] === v);
  if (ns === mesh.rootNamespace) {
    if (hasSelector && !inMesh.some(matches) && (workloadsComplete || index.workloads.some((w) => !w.assumed))) {
      report(IST.NoMatchingWorkloadsFound, ap, `no in-mesh pod in any namespace carries ${formatLabels(selector) || 'these labels'}, so this mesh-wide policy applies to nothing`, 'spec.selector');
    }
    return;
  }
  const local = inMesh.filter((w) => w.namespace === ns);
  if (!workloadsComplete && !index.workloads.some((w) => w.namespace === ns && !w.assumed) && !hasSelector) return;
  if (!hasSelector) {
    if (local.length === 0 && workloadsComplete) report(IST.NoMatchingWorkloadsFound, ap, `no in-mesh pod runs in ${ns}, so this namespace-wide policy applies to nothing`, 'metadata.namespace');
    return;
  }
  if (!local.some(matches)) {
    report(IST.NoMatchingWorkloadsFound, ap, `no pod with an Istio sidecar in ${ns} carries ${formatLabels(selector) || 'these labels'}, so this policy applies to nothing`, 'spec.selector');
  }
}

function checkNamespaces({ index, report }: AnalysisContext, ap: KubeObject): void {
  listOf(specOf(ap).rules).forEach((rule, i) => {
    listOf(objOf(rule).from).forEach((from, j) => {
      const source = objOf(objOf(from).source);
      for (const field of ['namespaces', 'notNamespaces']) {
        listOf(source[field]).forEach((name, k) => {
          if (typeof name !== 'string' || [...index.namespaces].some((n) => namespaceMatch(n, name))) return;
          report(IST.ReferencedResourceNotFound, ap, `namespace ${name} matches no Namespace of the input; callers from it can never match`, `spec.rules[${i}].from[${j}].source.${field}[${k}]`);
        });
      }
    });
  });
}

/** Istio's namespace pattern: `*`, `*suffix`, `prefix*`, or the name (case-insensitive). */
function namespaceMatch(ns: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return ns.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return ns.startsWith(pattern.slice(0, -1));
  return ns.toLowerCase() === pattern.toLowerCase();
}
