// Kubernetes core objects (Service, ServiceAccount, Deployment) as JSON manifests, without loading
// cdk8s-plus-28 at run time: its generated types stay the typed form of our rendering (imported for
// types only), but the Pulumi entry point must work where cdk8s-plus-28 is not installed.
import type { k8s } from 'cdk8s-plus-28';
import { KubeObject } from '../kube-object';

/**
 * A scalar Kubernetes accepts as an int-or-string or a quantity. Same shape as cdk8s-plus-28's
 * `k8s.IntOrString` and `k8s.Quantity`, whose converters read `.value` too.
 */
export class KubeScalar {
  /** For a port that is a number or a named port. */
  public static intOrString(value: number | string): k8s.IntOrString { return new KubeScalar(value); }
  /** For a resource quantity such as `250m` or `1Gi`. */
  public static quantity(value: string): k8s.Quantity { return new KubeScalar(value); }
  private constructor(public readonly value: string | number) {}
}

/**
 * Field names the generated types spell with lower-case acronyms (`clusterIp`) where the API
 * has capitals (`clusterIP`): the renames of the core/v1 and apps/v1 schemas.
 */
const API_NAMES: Readonly<Record<string, string>> = {
  clusterIp: 'clusterIP',
  loadBalancerIp: 'loadBalancerIP',
  externalId: 'externalID',
  hostIp: 'hostIP',
  hostIpc: 'hostIPC',
  hostPid: 'hostPID',
  setHostnameAsFqdn: 'setHostnameAsFQDN',
  podCidr: 'podCIDR',
  podCidRs: 'podCIDRs',
  providerId: 'providerID',
  diskUri: 'diskURI',
  volumeId: 'volumeID',
  pdId: 'pdID',
  nodeId: 'nodeID',
  datasetUuid: 'datasetUUID',
  storagePolicyId: 'storagePolicyID',
  targetWwNs: 'targetWWNs',
  insecureSkipTlsVerify: 'insecureSkipTLSVerify',
};

/** Keys under which the values are user data (labels, selectors, ...), never renamed. */
const MAP_FIELDS = new Set(['labels', 'annotations', 'selector', 'matchLabels', 'nodeSelector', 'limits', 'requests', 'data', 'stringData']);

function isScalar(value: object): value is { value: string | number } {
  // Our scalars, and cdk8s-plus-28's own when a caller passed one.
  const name = value.constructor?.name;
  return value instanceof KubeScalar || name === 'IntOrString' || name === 'Quantity';
}

/** The JSON form of typed props: undefined fields dropped, scalars unwrapped, API names restored. */
function toJson(value: unknown, renameKeys: boolean): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => toJson(v, renameKeys));
  if (isScalar(value)) return value.value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const apiKey = renameKeys ? API_NAMES[key] ?? key : key;
    // Below labels, selectors and the like every key is data, however it is spelled.
    result[apiKey] = toJson(field, renameKeys && !MAP_FIELDS.has(key));
  }
  return result;
}

/** The manifest of a Service. */
export function serviceManifest(props: k8s.KubeServiceProps): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', ...(toJson(props, true) as object) } as KubeObject;
}

/** The manifest of a ServiceAccount. */
export function serviceAccountManifest(props: k8s.KubeServiceAccountProps): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', ...(toJson(props, true) as object) } as KubeObject;
}

/** The manifest of a Deployment. */
export function deploymentManifest(props: k8s.KubeDeploymentProps): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', ...(toJson(props, true) as object) } as KubeObject;
}

/** The manifest of a ConfigMap (its props are already in the API's field form). */
export function configMapManifest(props: k8s.KubeConfigMapProps): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { ...props.metadata }, ...(props.data ? { data: { ...props.data } } : {}) } as KubeObject;
}
