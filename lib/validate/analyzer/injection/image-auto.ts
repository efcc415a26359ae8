import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { labelSelectorMatches, listOf, namespaceOf, objOf, specOf, stringLabels } from '../objects';

/**
 * IST0147: a Pod with an `image: auto` istio-proxy container (a placeholder only the injector
 * fills in; a Pod as written is never injected); IST0146: a Deployment with one whose pods no
 * Istio injection webhook selects.
 */
export const imageAutoAnalyzer: Analyzer = {
  name: 'injection.ImageAutoAnalyzer',
  inputs: ['Namespace', 'Pod', 'Deployment', 'MutatingWebhookConfiguration'],
  analyze({ index, report }) {
    const webhooks = index.of('MutatingWebhookConfiguration').flatMap((c) => listOf((c as any).webhooks).map(objOf))
      .filter((w) => typeof w.name === 'string' && w.name.endsWith('istio.io'));
    const hasAuto = (podSpec: unknown) => listOf(objOf(podSpec).containers).some((c) => objOf(c).name === 'istio-proxy' && objOf(c).image === 'auto');
    for (const pod of index.of('Pod')) {
      if (pod.apiVersion !== 'v1' || !hasAuto(specOf(pod))) continue;
      report(IST.ImageAutoWithoutInjectionError, pod, `Pod ${pod.metadata.name} has an istio-proxy container with image: auto, which only the injector replaces; it will not run as written`, 'spec.containers');
    }
    for (const d of index.of('Deployment')) {
      const template = objOf(specOf(d).template);
      if (!d.apiVersion.startsWith('apps/') || !hasAuto(template.spec)) continue;
      const ns = index.of('Namespace').find((n) => n.metadata.name === namespaceOf(d));
      const nsLabels = ns ? stringLabels(ns.metadata.labels) : {};
      const podLabels = stringLabels(objOf(template.metadata).labels);
      if (webhooks.some((w) => labelSelectorMatches(w.namespaceSelector, nsLabels) && labelSelectorMatches(w.objectSelector, podLabels))) continue;
      report(IST.ImageAutoWithoutInjectionWarning, d,
        `Deployment ${d.metadata.name} has an istio-proxy container with image: auto, but no Istio injection webhook selects its pods, so the placeholder stays; label the namespace or pods for injection`, 'spec.template.spec.containers');
    }
  },
};
