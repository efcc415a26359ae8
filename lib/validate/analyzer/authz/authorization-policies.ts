import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { workloadInMesh } from '../deployment/in-mesh';
import { LabelIndex } from '../label-index';
import { Workload } from '../mesh-index';
import { IST } from '../messages';
import { formatLabels, listOf, namespaceOf, objOf, specOf, stringLabels } from '../objects';

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
    const policies = index.of('AuthorizationPolicy');
    const inMeshWorkloads = index.workloads.filter((w) => workloadInMesh(index, w));
    // The label indexes serve policies only: a mesh without any does not build them.
    if (policies.length === 0) return;
    const inMesh = new WorkloadsInMesh(inMeshWorkloads, index.workloads);
    for (const ap of policies) {
      checkWorkloads(ctx, ap, inMesh);
      // Without the workloads (and their Namespaces) in the input, judge namespaces only when it lists some.
      if (ctx.workloadsComplete || index.namespaces.size > 0) checkNamespaces(ctx, ap);
    }
  },
};

/** In-mesh workloads by labels, everywhere and per namespace, and the namespaces with input workloads. */
class WorkloadsInMesh {
  readonly all = new LabelIndex<Workload>();
  readonly byNamespace = new Map<string, LabelIndex<Workload>>();
  /** Namespaces where the input holds a workload (assumed ones aside), in mesh or not. */
  readonly withInputWorkloads: ReadonlySet<string>;
  constructor(workloads: readonly Workload[], every: readonly Workload[]) {
    this.withInputWorkloads = new Set(every.filter((w) => !w.assumed).map((w) => w.namespace));
    for (const w of workloads) {
      this.all.add(w, w.labels);
      let local = this.byNamespace.get(w.namespace);
      if (!local) this.byNamespace.set(w.namespace, local = new LabelIndex());
      local.add(w, w.labels);
    }
  }
}

function checkWorkloads({ mesh, report, workloadsComplete }: AnalysisContext, ap: KubeObject, inMesh: WorkloadsInMesh): void {
  const spec = specOf(ap);
  const ns = namespaceOf(ap);
  const hasSelector = spec.selector !== undefined && spec.selector !== null;
  const selector = stringLabels(objOf(spec.selector).matchLabels);
  if (ns === mesh.rootNamespace) {
    if (hasSelector && !inMesh.all.some(selector) && (workloadsComplete || inMesh.withInputWorkloads.size > 0)) {
      report(IST.NoMatchingWorkloadsFound, ap, `no in-mesh pod in any namespace carries ${formatLabels(selector) || 'these labels'}, so this mesh-wide policy applies to nothing`, 'spec.selector');
    }
    return;
  }
  const local = inMesh.byNamespace.get(ns) ?? new LabelIndex<Workload>();
  if (!workloadsComplete && !inMesh.withInputWorkloads.has(ns) && !hasSelector) return;
  if (!hasSelector) {
    if (local.size === 0 && workloadsComplete) report(IST.NoMatchingWorkloadsFound, ap, `no in-mesh pod runs in ${ns}, so this namespace-wide policy applies to nothing`, 'metadata.namespace');
    return;
  }
  if (!local.some(selector)) {
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
