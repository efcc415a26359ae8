import type { k8s } from 'cdk8s-plus-28';
import { MeshServiceModel, meshObjectNames } from '../mesh-service-model';
import { waypointServiceLabels } from './ambient/labels';
import { KubeScalar } from './kube-json';
import { objectMeta } from './labels';
import { serviceLifecycleAnnotations } from './lifecycle';

/**
 * The Kubernetes Service. The port carries both signals Istio reads for protocol detection: a
 * `grpc`/`grpc-*` (or `http2`/`http2-*`) name and `appProtocol`.
 */
export function renderService(model: MeshServiceModel): k8s.KubeServiceProps {
  return {
    metadata: objectMeta(meshObjectNames(model).service, model.namespace, model.name, {
      annotations: serviceLifecycleAnnotations(model),
      labels: waypointServiceLabels(model),
    }),
    spec: {
      ...(model.headless ? { clusterIp: 'None' } : {}),
      selector: { ...model.selector },
      ports: [{
        name: model.portName,
        port: model.port,
        targetPort: KubeScalar.intOrString(model.targetPort),
        protocol: 'TCP',
        appProtocol: model.protocol,
      }],
    },
  };
}
