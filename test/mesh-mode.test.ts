import * as pulumi from '@pulumi/pulumi';
import { App, Chart, Testing } from 'cdk8s';
import { DataPlane, GrpcMeshService, IstioGrpcError, RoutingApi } from '../lib';
import { MESH_MODE_DEFAULT_KEYS } from '../lib/core/mesh-mode';
import { GrpcMeshService as PulumiGrpcMeshService } from '../lib/pulumi';
import { installPulumiMocks, valueOf } from './util/pulumi-mocks';

beforeAll(() => installPulumiMocks());

describe('routing API and data plane', () => {
  test('default to Istio routing on sidecars', () => {
    const service = new GrpcMeshService(Testing.chart(), 'users', { name: 'users' });
    expect(service._model.mode).toStrictEqual({ routingApi: RoutingApi.ISTIO, dataPlane: DataPlane.SIDECAR });
  });

  test('an unknown value is refused with the values there are and the app-wide key', () => {
    const make = (props: object) => () => new GrpcMeshService(Testing.chart(), 'users', { name: 'users', ...props } as any);
    expect(make({ routingApi: 'GAMMA' })).toThrow(IstioGrpcError);
    expect(make({ routingApi: 'GAMMA' })).toThrow(/routingApi: got "GAMMA"; is not a routing API this library renders\. Fix: use one of RoutingApi: ISTIO, GATEWAY_API \(app-wide: the istio-grpc:routingApi context or config key\)/);
    expect(make({ dataPlane: 'ztunnel' })).toThrow(/dataPlane: got "ztunnel"; is not a data plane this library renders\. Fix: use one of DataPlane: SIDECAR, AMBIENT/);
  });

  test('the cdk8s context sets the app-wide default; an explicit prop wins', () => {
    const app = new App({ outdir: Testing.app().outdir });
    app.node.setContext(MESH_MODE_DEFAULT_KEYS.routingApi, RoutingApi.GATEWAY_API);
    app.node.setContext(MESH_MODE_DEFAULT_KEYS.dataPlane, DataPlane.AMBIENT);
    const chart = new Chart(app, 'mesh');
    const defaulted = new GrpcMeshService(chart, 'users', { name: 'users' });
    const explicit = new GrpcMeshService(chart, 'orders', { name: 'orders', routingApi: RoutingApi.ISTIO, dataPlane: DataPlane.SIDECAR });
    expect(defaulted._model.mode).toStrictEqual({ routingApi: RoutingApi.GATEWAY_API, dataPlane: DataPlane.AMBIENT });
    expect(explicit._model.mode).toStrictEqual({ routingApi: RoutingApi.ISTIO, dataPlane: DataPlane.SIDECAR });
  });

  test('a bad app-wide value is refused like a bad prop', () => {
    const app = new App({ outdir: Testing.app().outdir });
    app.node.setContext(MESH_MODE_DEFAULT_KEYS.routingApi, 'istio');
    expect(() => new GrpcMeshService(new Chart(app, 'mesh'), 'users', { name: 'users' })).toThrow(/routingApi: got "istio"/);
  });

  test('Pulumi reads the app-wide default from stack config; an explicit arg wins', async () => {
    const config = { [MESH_MODE_DEFAULT_KEYS.routingApi]: RoutingApi.GATEWAY_API };
    pulumi.runtime.setAllConfig(config);
    try {
      const defaulted = new PulumiGrpcMeshService('users', { name: 'users' });
      const explicit = new PulumiGrpcMeshService('orders', { name: 'orders', routingApi: RoutingApi.ISTIO });
      expect((await valueOf(defaulted.model)).mode.routingApi).toBe(RoutingApi.GATEWAY_API);
      expect((await valueOf(explicit.model)).mode.routingApi).toBe(RoutingApi.ISTIO);
      // The objects are computed (and validated) before the test ends.
      await valueOf(defaulted.manifests);
      await valueOf(explicit.manifests);
    } finally {
      pulumi.runtime.setAllConfig({});
    }
  });
});
