import { MeshConfig } from './mesh-config';
import { namespaceOf } from './objects';
import { KubeObject } from '../../core/kube-object';

/** The namespace Istio is installed in, where its default ingress gateway runs. */
export const ISTIO_NAMESPACE = 'istio-system';

/** The default ingress gateway's Service ports (port = targetPort), as `istioctl analyze` assumes them on files. */
export const DEFAULT_INGRESS_PORTS: readonly { readonly name: string; readonly port: number }[] = [
  { name: 'http2', port: 80 }, { name: 'https', port: 443 }, { name: 'tcp', port: 31400 }, { name: 'tls', port: 15443 },
];

/**
 * Istio's default ingress gateway, a Pod labelled `istio: ingressgateway` and its Service, which
 * `istioctl analyze` adds to files as present in every installation (unless the mesh config turns
 * ingressControllerMode OFF). Objects of the input with the same name replace them.
 */
export function defaultIngressObjects(mesh: MeshConfig, input: readonly KubeObject[]): KubeObject[] {
  if (mesh.raw.ingressControllerMode === 'OFF') return [];
  const service = typeof mesh.raw.ingressService === 'string' && mesh.raw.ingressService ? mesh.raw.ingressService : 'istio-ingressgateway';
  const defaults = [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${service}-dummypod`, namespace: ISTIO_NAMESPACE, labels: { istio: 'ingressgateway' } },
      spec: { containers: [{ name: 'istio-proxy', image: 'proxyv2' }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: service, namespace: ISTIO_NAMESPACE },
      spec: { selector: { istio: 'ingressgateway' }, ports: DEFAULT_INGRESS_PORTS.map((p) => ({ ...p, protocol: 'TCP', targetPort: p.port })) },
    },
  ] as KubeObject[];
  // Only a kind starting with Pod or Service can give the key of a default: the rest are not keyed.
  const taken = new Set<string>();
  for (const o of input) {
    const kind = `${o.kind}`;
    if (kind.startsWith('Pod') || kind.startsWith('Service')) taken.add(`${kind}|${namespaceOf(o)}|${o.metadata.name}`);
  }
  return defaults.filter((o) => !taken.has(`${o.kind}|${namespaceOf(o)}|${o.metadata.name}`));
}
