import { ambientIndex } from '../ambient/membership';
import { MeshIndex, Workload } from '../mesh-index';
import { listOf, objOf, stringEntry } from '../objects';

/**
 * Whether pods get an Istio proxy, as Istio's analyzers decide: an istio-proxy container with an
 * image, else the `sidecar.istio.io/inject` label, else that annotation, else the
 * `istio-injection=enabled` label of a Namespace the input holds.
 */
export function podInMesh(
  index: MeshIndex,
  namespace: string,
  labels: Readonly<Record<string, string>>,
  annotations: Readonly<Record<string, string>>,
  podSpec: Record<string, any>,
): boolean {
  return proxied(index, namespace, labels[INJECT], annotations[INJECT], podSpec);
}

const INJECT = 'sidecar.istio.io/inject';

/** podInMesh given the pod's inject label and annotation (undefined when absent or not a string). */
function proxied(
  index: MeshIndex, namespace: string, label: string | undefined, annotation: string | undefined, podSpec: Record<string, any>,
): boolean {
  if (hasProxyContainer(podSpec.containers) || hasProxyContainer(podSpec.initContainers)) return true;
  if (label !== undefined) return label === 'true';
  if (annotation !== undefined) return annotation === 'true';
  const ns = index.namespaceObject(namespace);
  return ns !== undefined && stringEntry(ns.metadata.labels, 'istio-injection') === 'enabled';
}

function hasProxyContainer(containers: unknown): boolean {
  return listOf(containers).some((raw) => {
    const c = objOf(raw);
    return c.name === 'istio-proxy' && typeof c.image === 'string' && c.image !== '';
  });
}

/** Whether the pods of a pod template get an Istio proxy (see podInMesh). */
export function templateInMesh(index: MeshIndex, namespace: string, template: Record<string, any>): boolean {
  // Reads the two entries it needs rather than copying every label and annotation.
  const metadata = objOf(template.metadata);
  return proxied(index, namespace, stringEntry(metadata.labels, INJECT), stringEntry(metadata.annotations, INJECT), objOf(template.spec));
}

/**
 * Whether a workload of the index gets an Istio proxy, or runs in ambient mode: the CNI's
 * redirection annotation (running pods only), else the ambient labels of the pod or its Namespace
 * as the ambient index reads them (the CNI's enablement selectors).
 */
export function workloadInMesh(index: MeshIndex, w: Workload): boolean {
  return w.annotations['ambient.istio.io/redirection'] === 'enabled' || ambientIndex(index).workloadLabelledAmbient(w)
    || podInMesh(index, w.namespace, w.labels, w.annotations, objOf(w.podSpec));
}
