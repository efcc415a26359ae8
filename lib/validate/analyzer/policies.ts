import { IST } from './codes';
import { listOf, MeshIndex, namespaceOf, objOf, ROOT_NAMESPACE } from './mesh-index';
import { KubeObject } from '../../core/kube-object';
import { Finding, findingOf } from '../finding';

/** IST0127/IST0101: AuthorizationPolicies selecting no in-mesh pod, or naming unknown namespaces. */
export function checkAuthorizationPolicy(index: MeshIndex, ap: KubeObject, out: Finding[]): void {
  const spec = objOf((ap as any).spec);
  const ns = namespaceOf(ap);
  const selector = objOf(objOf(spec.selector).matchLabels);
  if (Object.keys(selector).length > 0 && ns !== ROOT_NAMESPACE && !index.selected(selector, ns).some((w) => w.inMesh)) {
    out.push(findingOf(ap, IST.NO_MATCHING_WORKLOADS.severity, IST.NO_MATCHING_WORKLOADS.code,
      `no pod with an Istio sidecar in ${ns} carries ${Object.entries(selector).map(([k, v]) => `${k}=${String(v)}`).join(', ')}, so this policy applies to nothing`, 'spec.selector'));
  }
  // Only an input that lists Namespaces says which exist.
  if (index.namespaces.size === 0) return;
  listOf(spec.rules).forEach((rule, i) => {
    listOf(objOf(rule).from).forEach((from, j) => {
      listOf(objOf(objOf(from).source).namespaces).forEach((name, k) => {
        if (typeof name !== 'string' || namespaceExists(index, name)) return;
        out.push(findingOf(ap, IST.REFERENCED_RESOURCE_NOT_FOUND.severity, IST.REFERENCED_RESOURCE_NOT_FOUND.code,
          `namespace ${name} does not exist; callers from it can never match`, `spec.rules[${i}].from[${j}].source.namespaces[${k}]`));
      });
    });
  });
}

function namespaceExists(index: MeshIndex, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return [...index.namespaces].some((n) => n.endsWith(pattern.slice(1)));
  if (pattern.endsWith('*')) return [...index.namespaces].some((n) => n.startsWith(pattern.slice(0, -1)));
  return index.namespaces.has(pattern);
}

/** IST0101/IST0160/IST0157: Telemetry selecting no pod, several namespace-wide ones, log entries without provider. */
export function checkTelemetries(index: MeshIndex, out: Finding[]): void {
  const namespaceWide = new Map<string, KubeObject[]>();
  for (const tel of index.of('Telemetry')) {
    const spec = objOf((tel as any).spec);
    const ns = namespaceOf(tel);
    const selector = objOf(objOf(spec.selector).matchLabels);
    const targeted = spec.targetRef !== undefined || listOf(spec.targetRefs).length > 0;
    if (Object.keys(selector).length > 0) {
      // Judged only when the input holds workloads of that namespace.
      if (index.selected({}, ns).length > 0 && index.selected(selector, ns).length === 0) {
        out.push(findingOf(tel, IST.REFERENCED_RESOURCE_NOT_FOUND.severity, IST.REFERENCED_RESOURCE_NOT_FOUND.code,
          `selector ${Object.entries(selector).map(([k, v]) => `${k}=${String(v)}`).join(', ')} matches no pod in ${ns}`, 'spec.selector'));
      }
    } else if (!targeted) {
      namespaceWide.set(ns, [...(namespaceWide.get(ns) ?? []), tel]);
    }
    listOf(spec.accessLogging).forEach((entry, i) => {
      if (listOf(objOf(entry).providers).length > 0) return;
      out.push(findingOf(tel, IST.TELEMETRY_ACCESS_LOG_NO_PROVIDER.severity, IST.TELEMETRY_ACCESS_LOG_NO_PROVIDER.code,
        'this accessLogging entry names no provider and the mesh configures no default one, so it is ignored; add providers: [{ name: envoy }]', `spec.accessLogging[${i}]`));
    });
  }
  for (const [ns, list] of namespaceWide) {
    if (list.length < 2) continue;
    for (const tel of list) {
      out.push(findingOf(tel, IST.MULTIPLE_TELEMETRIES_WITHOUT_SELECTOR.severity, IST.MULTIPLE_TELEMETRIES_WITHOUT_SELECTOR.code,
        `${list.length} Telemetry resources in ${ns} have no selector; Istio applies only one; merge them`, 'spec'));
    }
  }
}
