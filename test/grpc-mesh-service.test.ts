import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { MESH_SERVICE_SCENARIOS } from '../examples/cdk8s/scenarios';
import {
  ClientTlsMode, Duration, GrpcCanary, GrpcIngress, GrpcMeshService, H2UpgradePolicy, Idempotency, LoadBalancer, ServiceProtocol,
} from '../lib';
import { only, synthMeshService } from './util/synth';
import { NON_IDEMPOTENT_METHODS_ANNOTATION } from '../lib/core/annotations';

describe('GrpcMeshService scenarios', () => {
  test.each(MESH_SERVICE_SCENARIOS.map((s) => [s.id, s] as const))('%s synthesizes the pinned manifests', (_id, scenario) => {
    // GIVEN / WHEN
    const objects = synthMeshService(scenario.props, scenario.props.name);
    // THEN
    expect(objects).toMatchSnapshot();
  });
});

describe('Service: protocol detection', () => {
  test('names the port grpc and sets appProtocol grpc by default', () => {
    const svc = only(synthMeshService({ name: 'users' }), 'Service');
    expect(svc.spec.ports).toStrictEqual([{ name: 'grpc', port: 50051, targetPort: 50051, protocol: 'TCP', appProtocol: 'grpc' }]);
    expect(svc.spec.selector).toStrictEqual({ app: 'users' });
    expect(svc.metadata.namespace).toBe('default');
  });

  test('accepts grpc-<suffix> names and a separate target port', () => {
    const svc = only(synthMeshService({ name: 'users', portName: 'grpc-api', port: 9000, targetPort: 8080 }), 'Service');
    expect(svc.spec.ports[0]).toStrictEqual({ name: 'grpc-api', port: 9000, targetPort: 8080, protocol: 'TCP', appProtocol: 'grpc' });
  });

  test('HTTP/2 services use http2 names and appProtocol http2, and no gRPC content-type match', () => {
    const objects = synthMeshService({ name: 'web', protocol: ServiceProtocol.HTTP2 });
    expect(only(objects, 'Service').spec.ports[0]).toMatchObject({ name: 'http2', appProtocol: 'http2' });
    expect(only(objects, 'VirtualService').spec.http[0].match).toBeUndefined();
  });

  test.each(['api', 'http-api', 'tcp-grpc', 'grpcapi', 'h2'])('rejects port name %s that Istio would not read as gRPC', (portName) => {
    expect(() => synthMeshService({ name: 'users', portName })).toThrow(/\[test\/svc\] portName: got ".*"; Istio infers the protocol from the port name prefix.*Fix: name the port "grpc" or "grpc-<suffix>"/);
  });

  test('rejects a port name longer than 15 characters', () => {
    expect(() => synthMeshService({ name: 'users', portName: 'grpc-much-too-long' })).toThrow(/portName: got "grpc-much-too-long"; must be a DNS-1123 label: 1-15/);
  });

  test('headless services render clusterIP None, no load balancer, and a warning', () => {
    const chart = Testing.chart();
    const svc = new GrpcMeshService(chart, 'svc', { name: 'users', headless: true });
    const objects = Testing.synth(chart);
    expect(only(objects, 'Service').spec.clusterIP).toBe('None');
    expect(only(objects, 'DestinationRule').spec.trafficPolicy.loadBalancer).toBeUndefined();
    expect(svc.warnings).toStrictEqual([expect.stringMatching(/headless Service: .* not balanced across pods/)]);
  });

  test('a headless service with an explicit load balancer is an error', () => {
    expect(() => synthMeshService({ name: 'users', headless: true, loadBalancer: LoadBalancer.ROUND_ROBIN }))
      .toThrow(/loadBalancer: got "ROUND_ROBIN"; the service is headless.*ORIGINAL_DST/);
  });
});

describe('names and ports', () => {
  test.each([
    ['name', { name: 'Users' }, /name: got "Users"; must be a DNS-1123 label.*Fix: use a name like "users"/],
    ['name', { name: '' }, /name: got ""; must be a DNS-1123 label/],
    ['namespace', { name: 'users', namespace: 'prod_1' }, /namespace: got "prod_1"; must be a DNS-1123 label.*"prod-1"/],
    ['port', { name: 'users', port: 70000 }, /port: got 70000; a port must be a whole number from 1 to 65535/],
    ['targetPort', { name: 'users', targetPort: 0 }, /targetPort: got 0; a port must be/],
    ['selector', { name: 'users', selector: {} }, /selector: got \{\}; an empty selector makes the Service select no pods/],
    ['selector.version', { name: 'users', selector: { app: 'users', version: 'v1' } }, /selector.version: got "v1"; the Service must select every version/],
    ['selector key', { name: 'users', selector: { 'bad key': 'x' } }, /selector.bad key: got "bad key"; is not a valid label key/],
  ])('rejects a bad %s', (_what, props, message) => {
    expect(() => synthMeshService(props as any)).toThrow(message);
  });
});

describe('DestinationRule', () => {
  test('uses the FQDN, ISTIO_MUTUAL, LEAST_REQUEST and gRPC-appropriate outlier detection by default', () => {
    const dr = only(synthMeshService({ name: 'users', namespace: 'prod' }), 'DestinationRule');
    expect(dr.metadata.name).toBe('users');
    expect(dr.spec).toStrictEqual({
      host: 'users.prod.svc.cluster.local',
      trafficPolicy: {
        loadBalancer: { simple: 'LEAST_REQUEST' },
        outlierDetection: { consecutiveGatewayErrors: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
        tls: { mode: 'ISTIO_MUTUAL' },
      },
    });
  });

  test('renders the typed HTTP/2 connection pool', () => {
    const dr = only(synthMeshService({
      name: 'users',
      connectionPool: {
        maxConnections: 10,
        connectTimeout: Duration.millis(250),
        http2MaxRequests: 500,
        maxRequestsPerConnection: 100,
        maxConcurrentStreams: 64,
        idleTimeout: Duration.minutes(2),
        h2UpgradePolicy: H2UpgradePolicy.UPGRADE,
        maxRetries: 3,
      },
    }), 'DestinationRule');
    expect(dr.spec.trafficPolicy.connectionPool).toStrictEqual({
      tcp: { maxConnections: 10, connectTimeout: '250ms' },
      http: { http2MaxRequests: 500, maxRequestsPerConnection: 100, maxConcurrentStreams: 64, idleTimeout: '120s', h2UpgradePolicy: 'UPGRADE', maxRetries: 3 },
    });
  });

  test('outlier detection can be tuned or switched off, and tls disabled explicitly', () => {
    const tuned = only(synthMeshService({ name: 'u', outlierDetection: { consecutive5xxErrors: 7, maxEjectionPercent: 20 } }), 'DestinationRule');
    expect(tuned.spec.trafficPolicy.outlierDetection).toStrictEqual({ consecutive5xxErrors: 7, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 20 });
    const off = only(synthMeshService({ name: 'u', outlierDetection: { enabled: false }, clientTlsMode: ClientTlsMode.DISABLE }), 'DestinationRule');
    expect(off.spec.trafficPolicy.outlierDetection).toBeUndefined();
    expect(off.spec.trafficPolicy.tls).toStrictEqual({ mode: 'DISABLE' });
  });

  test.each([
    [{ connectionPool: { maxConnections: 0 } }, /connectionPool.maxConnections: got 0; must be a whole number from 1 to 2147483647/],
    [{ connectionPool: { maxConcurrentStreams: -1 } }, /connectionPool.maxConcurrentStreams: got -1/],
    [{ connectionPool: { maxRequestsPerConnection: 1.5 } }, /connectionPool.maxRequestsPerConnection: got 1.5/],
    [{ connectionPool: { idleTimeout: Duration.millis(0.5) } }, /connectionPool.idleTimeout: got "0.5ms"; Istio keeps millisecond precision/],
    [{ connectionPool: { h2UpgradePolicy: 'SOMETIMES' } }, /connectionPool.h2UpgradePolicy: got "SOMETIMES"/],
    [{ outlierDetection: { maxEjectionPercent: 101 } }, /outlierDetection.maxEjectionPercent: got 101; must be a whole number from 0 to 100/],
    [{ outlierDetection: { enabled: false, interval: Duration.seconds(1) } }, /outlierDetection.interval: got "1s"; outlier detection is disabled/],
    [{ loadBalancer: 'FASTEST' }, /loadBalancer: got "FASTEST"; is not a load balancer Istio knows/],
    [{ clientTlsMode: 'SIMPLE' }, /clientTlsMode: got "SIMPLE"; is not a supported client TLS mode/],
  ])('rejects bad traffic policy %#', (extra, message) => {
    expect(() => synthMeshService({ name: 'users', ...(extra as any) })).toThrow(message);
  });
});

describe('VirtualService', () => {
  test('routes gRPC by content-type prefix to the FQDN and port, with pre-request-only retries', () => {
    const vs = only(synthMeshService({ name: 'users', namespace: 'prod' }), 'VirtualService');
    expect(vs.spec).toStrictEqual({
      hosts: ['users.prod.svc.cluster.local'],
      http: [{
        name: 'grpc-default',
        match: [{ headers: { 'content-type': { prefix: 'application/grpc' } } }],
        route: [{ destination: { host: 'users.prod.svc.cluster.local', port: { number: 50051 } } }],
        retries: { attempts: 2, retryOn: 'connect-failure,refused-stream,reset-before-request' },
      }],
    });
  });

  test('per-method routes come first, exact-matched on /package.Service/Method', () => {
    const vs = only(synthMeshService({
      name: 'users',
      protoService: 'users.v1.UserService',
      methods: [{ name: 'GetUser' }, { name: 'Ping', service: 'health.v1.Health', timeout: Duration.millis(300) }],
    }), 'VirtualService');
    expect(vs.spec.http.map((r: any) => [r.name, r.match, r.timeout])).toStrictEqual([
      ['users.v1.UserService/GetUser', [{ uri: { exact: '/users.v1.UserService/GetUser' } }], undefined],
      ['health.v1.Health/Ping', [{ uri: { exact: '/health.v1.Health/Ping' } }], '300ms'],
      ['grpc-default', [{ headers: { 'content-type': { prefix: 'application/grpc' } } }], undefined],
    ]);
  });

  test('annotates the methods that must not be retried, so lint can guard hand edits', () => {
    // GIVEN one idempotent, one non-idempotent and one undeclared method
    const vs = only(synthMeshService({
      name: 'users',
      protoService: 'users.v1.UserService',
      methods: [
        { name: 'GetUser', idempotency: Idempotency.NO_SIDE_EFFECTS },
        { name: 'CreateUser', idempotency: Idempotency.NON_IDEMPOTENT },
        { name: 'Audit' },
      ],
    }), 'VirtualService');
    // THEN only the retry-unsafe ones are listed
    expect(vs.metadata.annotations).toStrictEqual({
      [NON_IDEMPOTENT_METHODS_ANNOTATION]: '/users.v1.UserService/CreateUser,/users.v1.UserService/Audit',
    });
  });

  test('no annotation when every method is retry-safe', () => {
    const vs = only(synthMeshService({ name: 'users', protoService: 'a.B', methods: [{ name: 'Get', idempotency: Idempotency.IDEMPOTENT }] }), 'VirtualService');
    expect(vs.metadata.annotations).toBeUndefined();
  });

  test.each([
    [{ methods: [{ name: 'GetUser' }] }, /methods\[0\].service: got undefined; method GetUser has no proto service/],
    [{ protoService: 'users v1', methods: [{ name: 'GetUser' }] }, /protoService: got "users v1"; is not a fully-qualified proto service name/],
    [{ protoService: 'a.B', methods: [{ name: '/a.B/GetUser' }] }, /methods\[0\].name: got "\/a.B\/GetUser"; is not a proto method name/],
    [{ protoService: 'a.B', methods: [{ name: 'Get' }, { name: 'Get' }] }, /methods\[1\]: got "\/a.B\/Get"; declares the same method as methods\[0\]/],
    [{ timeout: Duration.millis(0) }, /timeout: got "0ms"; the value must be at least 1ms/],
  ])('rejects bad routes %#', (extra, message) => {
    expect(() => synthMeshService({ name: 'users', ...(extra as any) })).toThrow(message);
  });
});

describe('escape hatches', () => {
  test('every object is a public field and takes JSON patches', () => {
    const chart = Testing.chart();
    const svc = new GrpcMeshService(chart, 'svc', { name: 'users', workload: { image: 'example/users:1' } });
    ApiObject.of(svc.destinationRule).addJsonPatch(JsonPatch.add('/spec/exportTo', ['.']));
    const objects = Testing.synth(chart);
    expect(only(objects, 'DestinationRule').spec.exportTo).toStrictEqual(['.']);
    expect([svc.service, svc.deployment, svc.serviceAccount, svc.virtualService].every(Boolean)).toBe(true);
    expect(svc.fqdn).toBe('users.default.svc.cluster.local');
  });

  test('manifests() equals what cdk8s synthesizes', () => {
    const chart = Testing.chart();
    const svc = new GrpcMeshService(chart, 'svc', MESH_SERVICE_SCENARIOS[2].props);
    expect(svc.manifests()).toEqual(Testing.synth(chart));
  });
});

describe('namespace from the Chart', () => {
  test('the Chart namespace is the default; the canary and ingress follow the service', () => {
    // GIVEN a chart with a namespace and a service without one
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const users = new GrpcMeshService(chart, 'users', { name: 'users', workload: { image: 'registry.example.com/users:1' } });
    new GrpcCanary(chart, 'canary', { service: users, canaryWorkload: { image: 'registry.example.com/users:2' } });
    new GrpcIngress(chart, 'edge', { service: users, hosts: ['users.example.com'], tls: { credentialName: 'users-tls' } });
    // WHEN
    const objects = Testing.synth(chart);
    // THEN every object of the service lives in the chart's namespace, the Gateway in the gateway's
    expect(users.fqdn).toBe('users.shop.svc.cluster.local');
    const namespaces = new Set(objects.filter((o) => o.kind !== 'Gateway').map((o) => o.metadata.namespace));
    expect([...namespaces]).toStrictEqual(['shop']);
    expect(objects.find((o) => o.kind === 'Gateway').metadata.namespace).toBe('istio-system');
  });

  test('an explicit namespace wins over the Chart namespace', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const users = new GrpcMeshService(chart, 'users', { name: 'users', namespace: 'accounts' });
    expect(users.namespace).toBe('accounts');
    expect(Testing.synth(chart).map((o) => o.metadata.namespace)).toStrictEqual(Array(4).fill('accounts'));
  });

  test('without a Chart namespace the default is "default"', () => {
    expect(new GrpcMeshService(Testing.chart(), 'users', { name: 'users' }).fqdn).toBe('users.default.svc.cluster.local');
  });
});
