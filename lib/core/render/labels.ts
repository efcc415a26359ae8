/** Labels on every object the library renders, so `kubectl get -l` finds them. */
export function managedLabels(serviceName: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': serviceName,
    'app.kubernetes.io/managed-by': 'istio-grpc',
  };
}

/** What an object adds to the managed labels and its annotations. */
export interface ObjectMetaExtras {
  readonly annotations?: Record<string, string>;
  readonly labels?: Record<string, string>;
}

/** `metadata` with an explicit name: objects refer to each other by name, so names are never hashed. */
export function objectMeta(name: string, namespace: string, serviceName: string, extra: ObjectMetaExtras = {}) {
  return {
    name,
    namespace,
    labels: { ...managedLabels(serviceName), ...extra.labels },
    ...(extra.annotations && Object.keys(extra.annotations).length ? { annotations: extra.annotations } : {}),
  };
}
