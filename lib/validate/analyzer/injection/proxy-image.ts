import { INJECTION_LABEL, INJECTOR_CONFIG_MAP, injectorConfigMapName, REVISION_LABEL } from './labels';
import { KubeObject } from '../../../core/kube-object';
import { parseYamlDocuments } from '../../yaml-documents';
import { AnalysisContext, Analyzer } from '../analyzer';
import { IST } from '../messages';
import { jsonOf, labelsMatch, listOf, namespaceOf, objOf, specOf, stringEntry, stringLabels } from '../objects';

/**
 * IST0158: pods of injected namespaces whose istio-proxy image is not the one the injector's
 * ConfigMap would inject now (usually: pods not restarted after a control-plane upgrade).
 */
export const proxyImageAnalyzer: Analyzer = {
  name: 'injection.ImageAnalyzer',
  inputs: ['Namespace', 'Pod', 'ConfigMap', 'MeshConfig', 'ProxyConfig'],
  analyze(ctx) {
    const { index, report } = ctx;
    const images = new Map<string, string>();
    for (const cm of index.of('ConfigMap')) {
      if (cm.apiVersion !== 'v1' || !cm.metadata.name.startsWith(INJECTOR_CONFIG_MAP)) continue;
      const g = objOf(jsonOf(objOf((cm as any).data).values)?.global);
      const image = typeof objOf(g.proxy).image === 'string' ? g.proxy.image : '';
      images.set(cm.metadata.name, image.includes('/') ? image : `${String(g.hub ?? '')}/${image}:${String(g.tag ?? '')}`);
    }
    if (images.size === 0) return;
    const injectorOf = new Map<string, string>();
    const namespaces = new Map<string, KubeObject>();
    for (const ns of index.of('Namespace')) {
      const labels = stringLabels(ns.metadata.labels);
      namespaces.set(ns.metadata.name, ns);
      if (labels[REVISION_LABEL] !== undefined) injectorOf.set(ns.metadata.name, injectorConfigMapName(labels[REVISION_LABEL]));
      else if (labels[INJECTION_LABEL] === 'enabled') injectorOf.set(ns.metadata.name, injectorConfigMapName(undefined));
    }
    const mismatched = new Map<string, string[]>();
    for (const pod of index.of('Pod')) {
      const injector = injectorOf.get(namespaceOf(pod));
      if (pod.apiVersion !== 'v1' || injector === undefined) continue;
      if (stringEntry(pod.metadata.annotations, 'sidecar.istio.io/proxyImage')) continue;
      const expected = images.get(injector);
      if (expected === undefined) continue;
      const variant = imageType(ctx, pod);
      const spec = specOf(pod);
      for (const c of [...listOf(spec.containers), ...listOf(spec.initContainers)].map(objOf)) {
        if (c.name !== 'istio-proxy' || c.image === expected || c.image === `${expected}-${variant}`) continue;
        mismatched.set(namespaceOf(pod), [...(mismatched.get(namespaceOf(pod)) ?? []), pod.metadata.name]);
      }
    }
    for (const [ns, pods] of mismatched) {
      const namespace = namespaces.get(ns);
      if (!namespace) continue;
      report(IST.PodsIstioProxyImageMismatchInNamespace, namespace,
        `the istio-proxy image of pods ${pods.sort().join(', ')} is not the one the injector uses now (${images.get(injectorOf.get(ns)!)}); redeploy them after the control-plane upgrade`, 'metadata.name');
    }
  },
};

/** The proxy image variant (e.g. distroless) in force for a pod: mesh, root, namespace, workload ProxyConfig, then the pod annotation. */
function imageType({ index, mesh }: AnalysisContext, pod: KubeObject): string {
  const typeOf = (config: unknown) => {
    const t = objOf(objOf(config).image).imageType;
    return typeof t === 'string' ? t : '';
  };
  let variant = typeOf(objOf(mesh.raw.defaultConfig));
  const ns = namespaceOf(pod);
  const labels = stringLabels(pod.metadata.labels);
  const proxyConfigs = index.of('ProxyConfig');
  for (const pc of proxyConfigs) if (namespaceOf(pc) === mesh.rootNamespace && typeOf(specOf(pc))) variant = typeOf(specOf(pc));
  for (const pc of proxyConfigs) {
    if (namespaceOf(pc) !== ns || namespaceOf(pc) === mesh.rootNamespace || specOf(pc).selector !== undefined) continue;
    if (typeOf(specOf(pc))) variant = typeOf(specOf(pc));
  }
  for (const pc of proxyConfigs) {
    if (namespaceOf(pc) !== ns || namespaceOf(pc) === mesh.rootNamespace || specOf(pc).selector === undefined) continue;
    if (labelsMatch(objOf(objOf(specOf(pc).selector).matchLabels), labels) && typeOf(specOf(pc))) variant = typeOf(specOf(pc));
  }
  const annotation = stringLabels(pod.metadata.annotations)['proxy.istio.io/config'];
  if (annotation !== undefined) {
    const parsed = parseYamlDocuments(annotation, 'proxy.istio.io/config');
    if (parsed.problems.length === 0 && typeOf(parsed.sources[0]?.object)) variant = typeOf(parsed.sources[0]?.object);
  }
  return variant === 'default' ? '' : variant;
}
