import type { k8s } from 'cdk8s-plus-28';
import { MeshServiceModel, WorkloadModel } from '../mesh-service-model';
import { KubeScalar } from './kube-json';
import { objectMeta } from './labels';

/** Pod label that asks Istio to inject the sidecar (the label form replaced the annotation). */
export const SIDECAR_INJECT_LABEL = 'sidecar.istio.io/inject';

/**
 * Start the app only once Envoy is ready: otherwise the server's first outbound calls (and
 * readiness) race the sidecar and fail with UF/URX.
 */
const PROXY_CONFIG = JSON.stringify({ holdApplicationUntilProxyStarts: true });

/** Name of the Deployment for one version of the workload: `<service>-<version>`. */
export function deploymentName(serviceName: string, version: string): string {
  return `${serviceName}-${version}`;
}

/** The ServiceAccount the workload runs as; its SPIFFE identity is what authorization matches. */
export function renderServiceAccount(model: MeshServiceModel, workload: WorkloadModel): k8s.KubeServiceAccountProps {
  return { metadata: objectMeta(workload.serviceAccountName, model.namespace, model.name) };
}

/** A Deployment running one version of the gRPC server with the Istio sidecar. */
export function renderDeployment(model: MeshServiceModel, workload: WorkloadModel): k8s.KubeDeploymentProps {
  const quantities = (values?: Record<string, string>) =>
    values ? Object.fromEntries(Object.entries(values).map(([k, v]) => [k, KubeScalar.quantity(v)])) : undefined;
  const env = Object.entries(workload.env).sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => ({ name, value }));
  return {
    metadata: objectMeta(deploymentName(model.name, workload.version), model.namespace, model.name),
    spec: {
      replicas: workload.replicas,
      selector: { matchLabels: { ...workload.podLabels } },
      template: {
        metadata: {
          labels: { ...workload.podLabels, [SIDECAR_INJECT_LABEL]: 'true' },
          annotations: { 'proxy.istio.io/config': PROXY_CONFIG },
        },
        spec: {
          serviceAccountName: workload.serviceAccountName,
          containers: [{
            name: 'server',
            image: workload.image,
            ...(workload.args ? { args: [...workload.args] } : {}),
            ...(env.length ? { env } : {}),
            ports: [{ name: model.portName, containerPort: model.targetPort, protocol: 'TCP' }],
            ...(workload.resources ? {
              resources: {
                ...(workload.resources.requests ? { requests: quantities(workload.resources.requests) } : {}),
                ...(workload.resources.limits ? { limits: quantities(workload.resources.limits) } : {}),
              },
            } : {}),
            ...(workload.grpcHealthProbe ? { readinessProbe: { grpc: { port: model.targetPort }, periodSeconds: 5 } } : {}),
          }],
        },
      },
    },
  };
}
