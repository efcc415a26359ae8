import { ApiObject, Testing } from 'cdk8s';
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

  test('the chart is validated once however many services it holds', () => {
    const chart = Testing.chart();
    new GrpcMeshService(chart, 'a', { name: 'a' });
    new GrpcMeshService(chart, 'b', { name: 'b' });
    new ApiObject(chart, 'Copy', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    new ApiObject(chart, 'Copy2', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    // WHEN
    const messages = chart.node.validate();
    // THEN the one duplicate is reported once, not once per service
    expect(messages).toHaveLength(1);
  });
});
