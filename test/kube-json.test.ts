// Differential: our converter of Service/ServiceAccount/Deployment props against the converters
// cdk8s-plus-28 generates (the oracle), for every example scenario and for generated props.
import { k8s } from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { validMeshServicePropsArb } from './util/arbitraries';
import { MESH_SERVICE_SCENARIOS } from '../examples/cdk8s/scenarios';
import { IstioGrpcError } from '../lib/core/errors';
import { deploymentManifest, KubeScalar, serviceAccountManifest, serviceManifest } from '../lib/core/render/kube-json';
import { MeshServiceRendering, renderMeshService } from '../lib/core/render/mesh-service';
import { resolveMeshService } from '../lib/core/resolve-mesh-service';

function expectSameAsCdk8sPlus(rendering: MeshServiceRendering): void {
  expect(serviceManifest(rendering.service)).toStrictEqual(k8s.KubeService.manifest(rendering.service));
  const account = rendering.serviceAccount;
  if (account) expect(serviceAccountManifest(account)).toStrictEqual(k8s.KubeServiceAccount.manifest(account));
  if (rendering.deployment) expect(deploymentManifest(rendering.deployment)).toStrictEqual(k8s.KubeDeployment.manifest(rendering.deployment));
}

describe('kube-json converters', () => {
  test.each(MESH_SERVICE_SCENARIOS.map((s) => [s.id, s] as const))('%s: the same manifests as cdk8s-plus-28', (_id, scenario) => {
    expectSameAsCdk8sPlus(renderMeshService(resolveMeshService('test', scenario.props)));
  });

  test('generated props: the same manifests as cdk8s-plus-28', () => {
    fc.assert(fc.property(validMeshServicePropsArb, (props) => {
      let rendering: MeshServiceRendering;
      try {
        rendering = renderMeshService(resolveMeshService('test', props));
      } catch (e) {
        if (e instanceof IstioGrpcError) return; // refused props render nothing
        throw e;
      }
      expectSameAsCdk8sPlus(rendering);
    }), { numRuns: 200 });
  });

  test('API spellings are restored, scalars unwrapped, and label keys kept as given', () => {
    // GIVEN props that use every kind of field the converter treats specially
    const props: k8s.KubeServiceProps = {
      metadata: { name: 'x', labels: { clusterIp: 'kept', app: 'x' }, annotations: { hostIpc: 'kept' } },
      spec: {
        clusterIp: 'None',
        loadBalancerIp: '10.0.0.1',
        selector: { loadBalancerIp: 'kept' },
        ports: [{ port: 80, targetPort: KubeScalar.intOrString('grpc'), name: undefined }],
      },
    };
    // THEN
    expect(serviceManifest(props)).toStrictEqual(k8s.KubeService.manifest(props));
    expect(serviceManifest(props)).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'x', labels: { clusterIp: 'kept', app: 'x' }, annotations: { hostIpc: 'kept' } },
      spec: { clusterIP: 'None', loadBalancerIP: '10.0.0.1', selector: { loadBalancerIp: 'kept' }, ports: [{ port: 80, targetPort: 'grpc' }] },
    });
  });

  test('pod-level spellings, quantities and a selector struct (matchLabels) are converted like cdk8s-plus-28', () => {
    const props: k8s.KubeDeploymentProps = {
      metadata: { name: 'x' },
      spec: {
        selector: { matchLabels: { hostPid: 'kept' } },
        template: {
          spec: {
            hostIpc: false,
            hostPid: false,
            setHostnameAsFqdn: true,
            containers: [{ name: 'c', resources: { limits: { cpu: KubeScalar.quantity('500m') }, requests: { memory: k8s.Quantity.fromString('1Gi') } } }],
          },
        },
      },
    };
    expect(deploymentManifest(props)).toStrictEqual(k8s.KubeDeployment.manifest(props));
  });
});
