import { ISTIO_ANNOTATIONS } from './catalog';
import { ANNOTATION_VALUE_CHECKS } from './values';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { stringLabels } from '../objects';

/** Annotations Istio writes itself; never judged. */
const ALWAYS_IGNORED = new Set(['sidecar.istio.io/status', 'gateway.istio.io/controller-version', 'istio.io/rev']);

/**
 * IST0108: unknown annotations in Istio's domains (`*istio.io/...`); IST0135: deprecated ones;
 * IST0107: annotations on a kind they do not apply to; IST0125: values the injector refuses.
 * On Namespaces, Services, Pods and Deployments, as Istio checks them.
 */
export const annotationsAnalyzer: Analyzer = {
  name: 'annotations.K8sAnalyzer',
  inputs: ['Namespace', 'Service', 'Pod', 'Deployment'],
  analyze({ index, report }) {
    for (const kind of ['Namespace', 'Service', 'Pod', 'Deployment']) {
      for (const o of index.of(kind)) {
        if (o.apiVersion !== (kind === 'Deployment' ? 'apps/v1' : 'v1')) continue;
        const annotations = stringLabels(o.metadata.annotations);
        const labels = stringLabels(o.metadata.labels);
        for (const [name, value] of Object.entries(annotations)) {
          if (!isIstioAnnotation(name) || ALWAYS_IGNORED.has(name)) continue;
          const path = `metadata.annotations.${name}`;
          const def = ISTIO_ANNOTATIONS.get(name);
          if (!def) {
            report(IST.UnknownAnnotation, o, `${name} is not an Istio annotation (check its spelling); Istio ignores it`, path);
            continue;
          }
          // The inject annotation is deprecated for the label; with the label set too it is harmless.
          if (def.deprecated && !(name === 'sidecar.istio.io/inject' && labels[name] !== undefined)) {
            report(IST.DeprecatedAnnotation, o, `${name} is deprecated${name === 'sidecar.istio.io/inject' ? ' in favor of the sidecar.istio.io/inject label' : ''} and may stop working`, path);
          }
          if (def.resources.includes('Any')) continue;
          if (!def.resources.includes(kind)) {
            report(IST.MisplacedAnnotation, o, `${name} applies to ${def.resources.join(', ')}, not to a ${kind}; move it there (for pods of a Deployment: spec.template.metadata)`, path);
            continue;
          }
          const problem = ANNOTATION_VALUE_CHECKS[name]?.(value);
          if (problem) report(IST.InvalidAnnotation, o, `${name}: ${problem}`, path);
        }
      }
    }
  },
};

/** Istio's domains: any annotation whose prefix ends in istio.io, and kubernetes.io/ingress.class. */
function isIstioAnnotation(name: string): boolean {
  return name === 'kubernetes.io/ingress.class' || name.split('/')[0].endsWith('istio.io');
}
