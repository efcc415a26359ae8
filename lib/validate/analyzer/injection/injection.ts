import { DATAPLANE_MODE_LABEL, INJECTION_LABEL, injectorConfigMapName, REVISION_LABEL } from './labels';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { jsonOf, listOf, namespaceOf, nameOf, objOf, specOf, stringLabels } from '../objects';

/**
 * IST0102/IST0123/IST0148: Namespaces without an injection label, with several, or injected
 * because the injector enables namespaces by default; IST0103: Pods of injected namespaces
 * without a proxy. Only Namespaces and Pods the input holds are judged.
 */
export const injectionAnalyzer: Analyzer = {
  name: 'injection.Analyzer',
  inputs: ['Namespace', 'Pod', 'ConfigMap'],
  analyze({ index, report }) {
    const injected = new Set<string>();
    let enabledByDefault = false;
    for (const ns of index.of('Namespace')) {
      if (ns.apiVersion !== 'v1' || ns.metadata.name === 'istio-system') continue;
      const labels = stringLabels(ns.metadata.labels);
      const injection = labels[INJECTION_LABEL];
      const revision = labels[REVISION_LABEL];
      const found = injection !== undefined ? [`${INJECTION_LABEL}=${injection}`] : [];
      for (const l of [REVISION_LABEL, DATAPLANE_MODE_LABEL]) {
        if (labels[l] !== undefined && (injection === undefined || injection === 'enabled')) found.push(`${l}=${labels[l]}`);
      }
      if (found.length > 1) {
        // With sidecar injection and ambient together the outcome is known: istio-cni leaves pods with a sidecar out of ambient.
        const outcome = labels[DATAPLANE_MODE_LABEL] === 'ambient' && found.length === 2
          ? 'the sidecar wins: pods are injected and istio-cni leaves pods with a sidecar out of ambient'
          : 'which one wins is undefined';
        report(IST.NamespaceMultipleInjectionLabels, ns, `namespace ${ns.metadata.name} has several injection labels (${found.join(', ')}); ${outcome}; keep one`, 'metadata.labels');
      }
      if (labels[DATAPLANE_MODE_LABEL] === 'ambient') continue;
      const injector = index.of('ConfigMap').find((cm) => cm.apiVersion === 'v1' && cm.metadata.name === injectorConfigMapName(revision));
      if (injector) enabledByDefault = jsonOf(objOf((injector as any).data).values)?.sidecarInjectorWebhook?.enableNamespacesByDefault === true;
      if (!injection && revision === undefined) {
        if (enabledByDefault) {
          report(IST.NamespaceInjectionEnabledByDefault, ns, `namespace ${ns.metadata.name} is injected: the injector enables every namespace by default (enableNamespacesByDefault)`, 'metadata.name');
        } else {
          report(IST.NamespaceNotInjected, ns,
            `namespace ${ns.metadata.name} has no injection label, so its pods get no sidecar; label it istio-injection=enabled (or =disabled to say it needs none)`, 'metadata.name');
        }
        continue;
      }
      if (injection === 'enabled') injected.add(ns.metadata.name);
    }
    for (const pod of index.of('Pod')) {
      if (pod.apiVersion !== 'v1' || !injected.has(namespaceOf(pod))) continue;
      const annotations = stringLabels(pod.metadata.annotations);
      const labels = stringLabels(pod.metadata.labels);
      const inject = labels['sidecar.istio.io/inject'] ?? annotations['sidecar.istio.io/inject'] ?? '';
      const spec = specOf(pod);
      if (inject.toLowerCase() === 'false' || spec.hostNetwork === true) continue;
      const proxy = [...listOf(spec.containers), ...listOf(spec.initContainers)].map(objOf).find((c) => c.name === 'istio-proxy');
      if (proxy && typeof proxy.image === 'string' && proxy.image !== '') continue;
      report(IST.PodMissingProxy, pod, `pod ${nameOf(pod)} is in an injected namespace but has no istio-proxy container; restart or redeploy it`, 'spec.containers');
    }
  },
};
