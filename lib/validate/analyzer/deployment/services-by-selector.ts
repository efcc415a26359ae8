import { KubeObject } from '../../../core/kube-object';
import { labelsMatch, namespaceOf, specOf, stringLabels } from '../objects';

/** Finds the Services whose selector selects a pod, without scanning every Service. */
export interface ServicesBySelector {
  /** The v1 Services of `namespace` with a non-empty selector that `podLabels` satisfy, in input order. */
  selecting(namespace: string, podLabels: Readonly<Record<string, string>>): KubeObject[];
}

/**
 * The v1 Services with a selector, keyed by namespace and one label of their selector: a
 * Deployment looks up only the Services one of its pod labels can satisfy instead of scanning
 * every Service (quadratic in meshes of thousands). Order stays the input's.
 */
export function servicesBySelectorLabel(all: readonly KubeObject[]): ServicesBySelector {
  const byKey = new Map<string, { order: number; service: KubeObject; selector: Record<string, string> }[]>();
  all.forEach((service, order) => {
    const selector = stringLabels(specOf(service).selector);
    const first = Object.keys(selector)[0];
    if (service.apiVersion !== 'v1' || first === undefined) return;
    const key = labelKey(namespaceOf(service), first, selector[first]);
    const bucket = byKey.get(key) ?? [];
    bucket.push({ order, service, selector });
    byKey.set(key, bucket);
  });
  return {
    selecting(namespace: string, podLabels: Readonly<Record<string, string>>): KubeObject[] {
      const found = Object.entries(podLabels).flatMap(([k, v]) => byKey.get(labelKey(namespace, k, v)) ?? []);
      return found.filter((c) => labelsMatch(c.selector, podLabels)).sort((a, b) => a.order - b.order).map((c) => c.service);
    },
  };
}

function labelKey(namespace: string, key: string, value: string): string {
  return JSON.stringify([namespace, key, value]);
}
