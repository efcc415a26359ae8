import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { GrpcCanary, GrpcMeshService, Validation } from '../lib';

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

describe('serialization at synth', () => {
  test('a second synthesis reads the objects afresh in one walk, as the first did, and writes the same YAML', async () => {
    // GIVEN an app synthesized once, after which its synthesis pass has ended
    const chart = Testing.chart();
    const users = new GrpcMeshService(chart, 'users', { name: 'users', workload: { image: 'ghcr.io/acme/users:1.0.0' } });
    new GrpcCanary(chart, 'canary', { service: users, canaryWorkload: { image: 'ghcr.io/acme/users:2.0.0' } });
    const first = Testing.synth(chart);
    await Promise.resolve();
    // WHEN it is synthesized again
    const cdk8sWay = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      const second = Testing.synth(chart);
      // THEN no object went the cdk8s way (the first synthesis's served JSON did not stand in the way)
      expect(cdk8sWay).not.toHaveBeenCalled();
      expect(second).toStrictEqual(first);
    } finally {
      cdk8sWay.mockRestore();
    }
  });
});

describe('warnings at synth', () => {
  let stderr: jest.SpyInstance;
  beforeEach(() => { stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true); });
  afterEach(() => stderr.mockRestore());
  const printed = () => stderr.mock.calls.map((c) => String(c[0]));

  test('construct and analyzer warnings print on stderr once per synth, one line each with construct path and code', () => {
    // GIVEN a headless service (construct warning) and a VirtualService whose weights sum to 90 (analyzer warning)
    const app = Testing.app();
    const chart = new Chart(app, 'mesh');
    new GrpcMeshService(chart, 'users', { name: 'users', headless: true });
    new ApiObject(new Chart(app, 'other'), 'Orders', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'orders', namespace: 'default' },
      spec: { selector: { app: 'orders' }, ports: [{ name: 'grpc', port: 50051, appProtocol: 'grpc' }] },
    });
    new ApiObject(chart, 'Split', {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'split', namespace: 'default' },
      spec: {
        hosts: ['orders.default.svc.cluster.local'],
        http: [{
          route: [
            { destination: { host: 'orders.default.svc.cluster.local', port: { number: 50051 } }, weight: 50 },
            { destination: { host: 'orders.default.svc.cluster.local', port: { number: 50051 } }, weight: 40 },
          ],
        }],
      },
    } as any);
    // WHEN
    app.synth();
    // THEN
    const lines = printed().filter((l) => l.includes('warning'));
    expect(lines).toContainEqual(expect.stringMatching(/^\[mesh\/users\] warning IGR5001 Service default\/users: headless: headless Service: .*\n$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\[mesh\/Split\] warning IGR3001 VirtualService default\/split .*\n$/));
    expect(lines.every((l) => l.split('\n').length === 2)).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
  });

  test('the same findings are available from code, errors first', () => {
    const chart = Testing.chart();
    new GrpcMeshService(chart, 'users', { name: 'users', headless: true });
    new ApiObject(chart, 'Copy', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'users', namespace: 'default' } });
    const findings = Validation.findingsOf(chart);
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toStrictEqual(['error IGR0002', 'warning IGR5001']);
    expect(stderr).not.toHaveBeenCalled();
  });

  test('findings from code reflect later changes, and synth writes the changed objects', () => {
    // GIVEN findings read before a canary shifts, in the same run as the synth
    const chart = Testing.chart();
    const users = new GrpcMeshService(chart, 'users', { name: 'users', workload: { image: 'registry.example.com/users:1' } });
    const canary = new GrpcCanary(chart, 'canary', { service: users, canaryWorkload: { image: 'registry.example.com/users:2' } });
    expect(Validation.findingsOf(chart)).toStrictEqual([]);
    // WHEN
    canary.shift(40);
    const vs = Testing.synth(chart).find((o) => o.kind === 'VirtualService');
    // THEN
    expect(vs.spec.http[0].route.map((r: any) => r.weight)).toStrictEqual([60, 40]);
  });

  test('a correct app prints nothing', () => {
    const chart = Testing.chart();
    new GrpcMeshService(chart, 'users', { name: 'users' });
    Testing.synth(chart);
    expect(printed()).toStrictEqual([]);
  });
});
