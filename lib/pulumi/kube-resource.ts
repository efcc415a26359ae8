import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { KubeObject } from '../core/kube-object';

/** A resource created for one manifest object: a typed core resource or an Istio CustomResource. */
export type KubeResource =
  | k8s.core.v1.Service
  | k8s.core.v1.ServiceAccount
  | k8s.core.v1.ConfigMap
  | k8s.apps.v1.Deployment
  | k8s.apiextensions.CustomResource;

/** `users-destinationrule-users`: unique per component, readable in `pulumi preview`. */
export function childName(component: string, shape: KubeObject): string {
  return `${component}-${shape.kind.toLowerCase()}-${shape.metadata.name}`;
}

/**
 * Registers one manifest object as a Pulumi resource. `shape` (known at construction) decides the
 * resource type and name; `object` (which may wait on inputs such as the namespace) gives the
 * content, so the registered inputs are exactly the manifest cdk8s synthesizes.
 */
export function createKubeResource(
  component: string,
  shape: KubeObject,
  object: pulumi.Output<KubeObject>,
  opts: pulumi.CustomResourceOptions,
): KubeResource {
  const name = childName(component, shape);
  const field = (key: string) => object.apply((o) => o[key] as any);
  const metadata = object.apply((o) => o.metadata as any);
  switch (`${shape.apiVersion}/${shape.kind}`) {
    case 'v1/Service':
      return new k8s.core.v1.Service(name, { metadata, spec: field('spec') }, opts);
    case 'v1/ServiceAccount':
      return new k8s.core.v1.ServiceAccount(name, { metadata }, opts);
    case 'v1/ConfigMap':
      return new k8s.core.v1.ConfigMap(name, { metadata, data: field('data') }, opts);
    case 'apps/v1/Deployment':
      return new k8s.apps.v1.Deployment(name, { metadata, spec: field('spec') }, opts);
    default: {
      // Istio and cert-manager kinds: every top-level field besides the identity is content.
      const args: k8s.apiextensions.CustomResourceArgs & Record<string, unknown> = { apiVersion: shape.apiVersion, kind: shape.kind, metadata };
      for (const key of Object.keys(shape)) {
        if (!['apiVersion', 'kind', 'metadata'].includes(key)) args[key] = field(key);
      }
      return new k8s.apiextensions.CustomResource(name, args, opts);
    }
  }
}
