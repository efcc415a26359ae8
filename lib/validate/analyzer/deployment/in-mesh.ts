import { MeshIndex } from '../mesh-index';
import { listOf, objOf, stringLabels } from '../objects';

/**
 * Whether pods of this template get an Istio proxy, as Istio's analyzers decide: an istio-proxy
 * container with an image, else the `sidecar.istio.io/inject` label, else that annotation, else
 * the `istio-injection=enabled` label of a Namespace the input holds.
 */
export function templateInMesh(index: MeshIndex, namespace: string, template: Record<string, any>): boolean {
  const containers = listOf(objOf(template.spec).containers).map(objOf);
  if (containers.some((c) => c.name === 'istio-proxy' && typeof c.image === 'string' && c.image !== '')) return true;
  const metadata = objOf(template.metadata);
  const label = stringLabels(metadata.labels)['sidecar.istio.io/inject'];
  if (label !== undefined) return label === 'true';
  const annotation = stringLabels(metadata.annotations)['sidecar.istio.io/inject'];
  if (annotation !== undefined) return annotation === 'true';
  const ns = index.of('Namespace').find((n) => n.apiVersion === 'v1' && n.metadata.name === namespace);
  return ns !== undefined && stringLabels(ns.metadata.labels)['istio-injection'] === 'enabled';
}
