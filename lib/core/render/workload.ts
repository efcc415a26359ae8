import type { k8s } from 'cdk8s-plus-28';
import { MeshServiceModel, WorkloadModel } from '../mesh-service-model';
import { AMBIENT_POD_LABELS } from './ambient/labels';
import { KubeScalar } from './kube-json';
import { objectMeta } from './labels';
import { containerLifecycleFields, podLifecycleFields, proxyConfigAnnotation } from './lifecycle';

/** Pod label that asks Istio to inject the sidecar (the label form replaced the annotation). */
export const SIDECAR_INJECT_LABEL = 'sidecar.istio.io/inject';

/** The writable scratch directory a read-only root filesystem leaves the server. */
const TMP_VOLUME = 'tmp';

/** Name of the Deployment for one version of the workload: `<service>-<version>`. */
export function deploymentName(serviceName: string, version: string): string {
  return `${serviceName}-${version}`;
}

/** The ServiceAccount the workload runs as; its SPIFFE identity is what authorization matches. */
export function renderServiceAccount(model: MeshServiceModel, workload: WorkloadModel): k8s.KubeServiceAccountProps {
  return { metadata: objectMeta(workload.serviceAccountName, model.namespace, model.name) };
}

/**
 * A Deployment running one version of the gRPC server with the Istio sidecar (or, in ambient
 * mode, labelled for ztunnel), meeting Pod
 * Security "restricted". The pod mounts no Kubernetes API token: the server does not call the
 * API, and the injected istio-proxy authenticates to istiod with its own projected token volume
 * (`istio-token`, audience istio-ca), which does not depend on automountServiceAccountToken.
 */
export function renderDeployment(model: MeshServiceModel, workload: WorkloadModel): k8s.KubeDeploymentProps {
  const quantities = (values: Record<string, string>) => {
    const out: Record<string, ReturnType<typeof KubeScalar.quantity>> = {};
    for (const key of Object.keys(values)) out[key] = KubeScalar.quantity(values[key]);
    return out;
  };
  const env = Object.entries(workload.env).sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => ({ name, value }));
  const readOnly = workload.readOnlyRootFilesystem;
  return {
    metadata: objectMeta(deploymentName(model.name, workload.version), model.namespace, model.name),
    spec: {
      replicas: workload.replicas,
      selector: { matchLabels: { ...workload.podLabels } },
      template: {
        // Ambient pods have no sidecar, so neither its injection label nor its ProxyConfig.
        metadata: model.ambient ? { labels: { ...workload.podLabels, ...AMBIENT_POD_LABELS } } : {
          labels: { ...workload.podLabels, [SIDECAR_INJECT_LABEL]: 'true' },
          annotations: { 'proxy.istio.io/config': proxyConfigAnnotation(model.lifecycle) },
        },
        spec: {
          serviceAccountName: workload.serviceAccountName,
          automountServiceAccountToken: false,
          ...podLifecycleFields(model.lifecycle),
          securityContext: {
            runAsNonRoot: true,
            ...(workload.runAsUser !== undefined ? { runAsUser: workload.runAsUser } : {}),
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [{
            name: 'server',
            image: workload.image,
            ...(workload.args ? { args: [...workload.args] } : {}),
            ...(env.length ? { env } : {}),
            ports: [{ name: model.portName, containerPort: model.targetPort, protocol: 'TCP' }],
            resources: { requests: quantities(workload.resources.requests), limits: quantities(workload.resources.limits) },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              readOnlyRootFilesystem: readOnly,
              runAsNonRoot: true,
            },
            ...(readOnly ? { volumeMounts: [{ name: TMP_VOLUME, mountPath: '/tmp' }] } : {}),
            ...(workload.grpcHealthProbe ? { readinessProbe: { grpc: { port: model.targetPort }, periodSeconds: 5 } } : {}),
            ...containerLifecycleFields(model.lifecycle),
          }],
          ...(readOnly ? { volumes: [{ name: TMP_VOLUME, emptyDir: {} }] } : {}),
        },
      },
    },
  };
}
