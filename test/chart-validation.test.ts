import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { GrpcMeshService } from '../lib';

describe('validation at synth', () => {
  test('an error finding on any object of the chart fails synth with the object path and the finding', () => {
    // GIVEN a service and a second object defining the same Service again
    const chart = Testing.chart();
    new GrpcMeshService(chart, 'users', { name: 'users' });
    new ApiObject(chart, 'Copy', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'users', namespace: 'default' } });
    // WHEN / THEN
    expect(() => Testing.synth(chart)).toThrow(/\[test\/Copy\] error IGR0002 Service default\/users: Service default\/users is defined twice/);
  });

  test('a correct service synthesizes without findings', () => {
    const chart = Testing.chart();
    new GrpcMeshService(chart, 'a', { name: 'a' });
    new GrpcMeshService(chart, 'b', { name: 'b' });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('the app is validated once however many services and charts it holds', () => {
    const chart = Testing.chart();
    new GrpcMeshService(chart, 'a', { name: 'a' });
    new GrpcMeshService(chart, 'b', { name: 'b' });
    new ApiObject(chart, 'Copy', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    new ApiObject(chart, 'Copy2', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    new GrpcMeshService(new Chart(chart.node.root as App, 'other'), 'c', { name: 'c' });
    // WHEN
    const messages = chart.node.root.node.findAll().flatMap((c) => c.node.validate());
    // THEN the one duplicate is reported once, not once per service or chart
    expect(messages).toHaveLength(1);
  });

  test('cross-object checks see every chart of the app', () => {
    // GIVEN a VirtualService in one chart routing to a service defined in another
    const app = Testing.app();
    new GrpcMeshService(new Chart(app, 'mesh'), 'users', { name: 'users' });
    new ApiObject(new Chart(app, 'edge'), 'Route', {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'edge', namespace: 'default' },
      spec: { hosts: ['users.example.com'], gateways: ['istio-system/edge'], http: [{ route: [{ destination: { host: 'users.default.svc.cluster.local', port: { number: 50051 } } }] }] },
    } as any);
    // WHEN / THEN the route's host is found, only the missing gateway is reported
    expect(() => app.synth()).toThrow(/\[edge\/Route\] error IST0101 VirtualService default\/edge spec.gateways\[0\]: gateway istio-system\/edge not found/);
  });
});
