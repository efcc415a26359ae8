import { runCliInMemory } from './util/run-cli';
import { only, synthMeshService } from './util/synth';
import { MESH_SERVICE_SCENARIOS } from '../examples/cdk8s/scenarios';
import { KubeObject } from '../lib/core/kube-object';
import { findResponseFlag } from '../lib/troubleshoot/flag-lookup';
import { ValidateOptions } from '../lib/validate';
import { analyzeObjects } from '../lib/validate/analyzer';

const KEEPALIVE = 'istio-grpc.dev/server-keepalive';
const service = (keepalive?: Record<string, string>, ports: Record<string, unknown>[] = [{ name: 'grpc', port: 50051, appProtocol: 'grpc' }]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'feed', namespace: 'shop', ...(keepalive ? { annotations: { [KEEPALIVE]: JSON.stringify(keepalive) } } : {}) },
  spec: { selector: { app: 'feed' }, ports },
}) as KubeObject;
const dr = (trafficPolicy: Record<string, unknown>, subsets?: Record<string, unknown>[]): KubeObject => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'DestinationRule',
  metadata: { name: 'feed', namespace: 'shop' },
  spec: { host: 'feed', trafficPolicy, ...(subsets ? { subsets } : {}) },
}) as KubeObject;
const deployment = (podSpec: Record<string, unknown>, proxyConfig?: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'feed', namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: 'feed' } },
    template: {
      metadata: { labels: { 'app': 'feed', 'sidecar.istio.io/inject': 'true' }, ...(proxyConfig ? { annotations: { 'proxy.istio.io/config': proxyConfig } } : {}) },
      spec: { containers: [{ name: 'server', image: 'a:1' }], ...podSpec },
    },
  },
}) as KubeObject;
const vs = (http: Record<string, unknown>[], annotations: Record<string, string>): KubeObject => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'feed', namespace: 'shop', annotations },
  spec: { hosts: ['feed'], http },
}) as KubeObject;
const codes = (objects: KubeObject[], options: ValidateOptions = {}) =>
  analyzeObjects(objects, options).filter((f) => f.code.startsWith('IGR31')).map((f) => `${f.code} ${f.resource.kind} ${f.path}`).sort();

describe('IGR3101: the server closes connections before the pool', () => {
  test('a server idle limit at or below the pool idle timeout (Istio\'s 1h default included)', () => {
    // GIVEN a server that closes idle connections after 10 minutes
    const svc = service({ maxConnectionIdle: '10m' });
    // THEN the default pool (1h) and a 15m pool are flagged, a 9m pool is not
    expect(codes([svc, dr({})])).toStrictEqual(['IGR3101 DestinationRule spec.trafficPolicy.connectionPool.http.idleTimeout']);
    expect(codes([svc, dr({ connectionPool: { http: { idleTimeout: '15m' } } })])).toHaveLength(1);
    expect(codes([svc, dr({ connectionPool: { http: { idleTimeout: '9m' } } })])).toStrictEqual([]);
  });

  test('a max connection age with a finite grace, unless the pool retires connections before it', () => {
    const svc = service({ maxConnectionAge: '30m', maxConnectionAgeGrace: '1m' });
    expect(codes([svc, dr({})])).toStrictEqual(['IGR3101 DestinationRule spec.trafficPolicy.connectionPool.tcp.maxConnectionDuration']);
    expect(codes([svc, dr({ connectionPool: { tcp: { maxConnectionDuration: '30m' } } })])).toHaveLength(1);
    expect(codes([svc, dr({ connectionPool: { tcp: { maxConnectionDuration: '25m' } } })])).toStrictEqual([]);
    // gRPC's default grace is unlimited: the age alone drains gracefully.
    expect(codes([service({ maxConnectionAge: '30m' }), dr({})])).toStrictEqual([]);
  });

  test('subsets with a pool of their own are checked; without one they inherit the checked top level', () => {
    const svc = service({ maxConnectionIdle: '10m' });
    const ok = { connectionPool: { http: { idleTimeout: '5m' } } };
    expect(codes([svc, dr(ok, [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { connectionPool: { http: { idleTimeout: '2h' } } } }])]))
      .toStrictEqual(['IGR3101 DestinationRule spec.subsets[1].trafficPolicy.connectionPool.http.idleTimeout']);
  });

  test('nothing without a declared keepalive, or with an annotation that is not JSON', () => {
    expect(codes([service(), dr({})])).toStrictEqual([]);
    const broken = { ...service(), metadata: { name: 'feed', namespace: 'shop', annotations: { [KEEPALIVE]: 'maxConnectionIdle=10m' } } } as KubeObject;
    expect(codes([broken, dr({})])).toStrictEqual([]);
  });
});

describe('IGR3102: drain longer than the grace period', () => {
  test('a fixed sidecar drain at or above the grace period (Kubernetes\' 30s default included)', () => {
    expect(codes([deployment({}, '{"terminationDrainDuration":"45s"}')])).toStrictEqual(['IGR3102 Deployment spec.template.spec.terminationGracePeriodSeconds']);
    expect(codes([deployment({ terminationGracePeriodSeconds: 60 }, 'terminationDrainDuration: 45s')])).toStrictEqual([]);
    // Istio's 5s default drain fits the default grace period.
    expect(codes([deployment({})])).toStrictEqual([]);
  });

  test('EXIT_ON_ZERO_ACTIVE_CONNECTIONS replaces the fixed drain, in the pod\'s annotation or the mesh defaults', () => {
    const exit = '{"terminationDrainDuration":"45s","proxyMetadata":{"EXIT_ON_ZERO_ACTIVE_CONNECTIONS":"true"}}';
    expect(codes([deployment({}, exit)])).toStrictEqual([]);
    const meshConfig = { defaultConfig: { terminationDrainDuration: '60s' } };
    expect(codes([deployment({})], { meshConfig })).toStrictEqual(['IGR3102 Deployment spec.template.spec.terminationGracePeriodSeconds']);
    expect(codes([deployment({})], { meshConfig: { defaultConfig: { ...meshConfig.defaultConfig, proxyMetadata: { EXIT_ON_ZERO_ACTIVE_CONNECTIONS: 'true' } } } })).toStrictEqual([]);
  });

  test('a preStop sleep (exec, shell or sleep action) at or above the grace period', () => {
    const withPreStop = (preStop: Record<string, unknown>, grace = 20) =>
      deployment({ terminationGracePeriodSeconds: grace, containers: [{ name: 'server', image: 'a:1', lifecycle: { preStop } }] });
    expect(codes([withPreStop({ exec: { command: ['sleep', '20'] } })])).toStrictEqual(['IGR3102 Deployment spec.template.spec.containers[0].lifecycle.preStop']);
    expect(codes([withPreStop({ exec: { command: ['/bin/sh', '-c', 'echo bye; sleep 25'] } })])).toHaveLength(1);
    expect(codes([withPreStop({ sleep: { seconds: 30 } })])).toHaveLength(1);
    expect(codes([withPreStop({ exec: { command: ['sleep', '5'] } })])).toStrictEqual([]);
    expect(codes([withPreStop({ exec: { command: ['/bin/drain-and-wait'] } })])).toStrictEqual([]);
  });
});

describe('IGR3103: route timeouts shorter than the declared streams', () => {
  const annotations = { 'istio-grpc.dev/streaming-methods': '/feed.v1.Feed/Subscribe', 'istio-grpc.dev/max-stream-duration': '10m' };
  const route = { route: [{ destination: { host: 'feed' } }] };
  test('the exact route of the streaming method and a catch-all route carrying it', () => {
    const http = [
      { ...route, match: [{ uri: { exact: '/feed.v1.Feed/Subscribe' } }], timeout: '1m' },
      { ...route, match: [{ uri: { exact: '/feed.v1.Feed/Get' } }], timeout: '1s' },
      { ...route, match: [{ uri: { prefix: '/feed.v1.Feed/' } }], timeout: '30s' },
      { ...route, timeout: '10m' },
    ];
    expect(codes([vs(http, annotations)])).toStrictEqual(['IGR3103 VirtualService spec.http[0].timeout', 'IGR3103 VirtualService spec.http[2].timeout']);
  });

  test('nothing without the declared lifetime or streaming methods', () => {
    const http = [{ ...route, timeout: '1s' }];
    expect(codes([vs(http, { 'istio-grpc.dev/streaming-methods': '/feed.v1.Feed/Subscribe' })])).toStrictEqual([]);
    expect(codes([vs(http, { 'istio-grpc.dev/max-stream-duration': '10m' })])).toStrictEqual([]);
  });
});

describe('IGR3104: HTTP/2 pings more frequent than the server permits', () => {
  const pings = (interval: string) => dr({ connectionPool: { http: { http2KeepAlive: { interval } } } });
  test('gRPC\'s default 5 minutes, or the declared permitKeepaliveTime', () => {
    expect(codes([service(), pings('60s')])).toStrictEqual(['IGR3104 DestinationRule spec.trafficPolicy.connectionPool.http.http2KeepAlive.interval']);
    expect(codes([service(), pings('5m')])).toStrictEqual([]);
    expect(codes([service({ permitKeepaliveTime: '30s' }), pings('60s')])).toStrictEqual([]);
  });

  test('not for a Service that is not gRPC and declares nothing', () => {
    expect(codes([service(undefined, [{ name: 'http2-web', port: 8080 }]), pings('10s')])).toStrictEqual([]);
  });
});

describe('istio-grpc flags points at the lifecycle checks', () => {
  test('UC, UR and UT name the lint codes and props that address them', () => {
    expect(findResponseFlag('UC')!.checks.join(' ')).toMatch(/IGR3101.*IGR3102.*IGR3104/);
    expect(findResponseFlag('UC')!.settings).toEqual(expect.arrayContaining(['serverKeepalive', 'connectionPool.tcpKeepalive']));
    expect(findResponseFlag('UR')!.checks.join(' ')).toMatch(/IGR3101/);
    expect(findResponseFlag('UT')!.checks.join(' ')).toMatch(/IGR3103/);
  });
});

describe('istio-grpc lint on hand-written YAML', () => {
  test('reports IGR3101 and IGR3102 with the object and field', async () => {
    // GIVEN a server that closes idle connections after 5 minutes and a pod whose sidecar drains longer than its grace period
    const yaml = [
      'apiVersion: v1', 'kind: Service', 'metadata:', '  name: feed', '  namespace: shop', '  annotations:',
      '    istio-grpc.dev/server-keepalive: \'{"maxConnectionIdle":"5m"}\'',
      'spec:', '  selector: {app: feed}', '  ports: [{name: grpc, port: 50051, appProtocol: grpc}]', '---',
      'apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata: {name: feed, namespace: shop}',
      'spec:', '  host: feed', '  trafficPolicy: {connectionPool: {http: {idleTimeout: 10m}}}', '---',
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: feed, namespace: shop}', 'spec:', '  selector: {matchLabels: {app: feed}}',
      '  template:', '    metadata:', '      labels: {app: feed, sidecar.istio.io/inject: "true"}',
      '      annotations: {proxy.istio.io/config: "terminationDrainDuration: 60s"}',
      '    spec:', '      terminationGracePeriodSeconds: 30', '      containers: [{name: server, image: "a:1"}]', '',
    ].join('\n');
    // WHEN linted from stdin
    const r = await runCliInMemory(['lint', '--format', 'json', '-'], yaml);
    // THEN both findings are reported, with their paths
    const findings = JSON.parse(r.stdout).findings.filter((f: any) => f.code.startsWith('IGR31')).map((f: any) => `${f.code} ${f.resource.kind} ${f.path}`).sort();
    expect(findings).toStrictEqual([
      'IGR3101 DestinationRule spec.trafficPolicy.connectionPool.http.idleTimeout',
      'IGR3102 Deployment spec.template.spec.terminationGracePeriodSeconds',
    ]);
  });
});

describe('the constructs\' output, edited by hand', () => {
  test('a raised pool idle timeout, a shortened grace period and a stream route timeout are each reported', () => {
    // GIVEN the long-lived-streams example, clean as synthesized
    const scenario = MESH_SERVICE_SCENARIOS.find((s) => s.id === 'long-lived-streams')!;
    const objects = JSON.parse(JSON.stringify(synthMeshService(scenario.props))) as any[];
    expect(codes(objects)).toStrictEqual([]);
    // WHEN edited the way hand edits go wrong
    only(objects, 'DestinationRule').spec.trafficPolicy.connectionPool.http.idleTimeout = '20m';
    only(objects, 'Deployment').spec.template.spec.terminationGracePeriodSeconds = 5;
    only(objects, 'VirtualService').spec.http[0].timeout = '30s';
    // THEN lint names each
    expect(codes(objects)).toStrictEqual([
      'IGR3101 DestinationRule spec.trafficPolicy.connectionPool.http.idleTimeout',
      'IGR3102 Deployment spec.template.spec.containers[0].lifecycle.preStop',
      'IGR3103 VirtualService spec.http[0].timeout',
    ]);
  });
});
