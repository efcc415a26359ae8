import { Testing } from 'cdk8s';
import { MESH_SERVICE_SCENARIOS } from '../examples/cdk8s/scenarios';
import { Duration, GrpcCanary, GrpcMeshService, GrpcMeshServiceProps, Idempotency, PreStopAction, StreamingKind } from '../lib';
import { only, synthMeshService } from './util/synth';
import { KubeObject } from '../lib/core/kube-object';
import { validateObjects } from '../lib/validate/engine';

const IMAGE = 'ghcr.io/acme/feed:1.0.0';
const streaming = (extra: Partial<GrpcMeshServiceProps> = {}): GrpcMeshServiceProps => ({
  name: 'feed',
  namespace: 'shop',
  protoService: 'feed.v1.Feed',
  workload: { image: IMAGE },
  methods: [{ name: 'Subscribe', streaming: StreamingKind.SERVER, idempotency: Idempotency.NO_SIDE_EFFECTS }],
  ...extra,
});
const podSpec = (objects: any[]) => only(objects, 'Deployment').spec.template.spec;
const proxyConfig = (objects: any[]) => JSON.parse(only(objects, 'Deployment').spec.template.metadata.annotations['proxy.istio.io/config']);
const pool = (objects: any[]) => only(objects, 'DestinationRule').spec.trafficPolicy.connectionPool;
const lifecycleCodes = (objects: any[]) => validateObjects(objects as KubeObject[]).filter((f) => f.code.startsWith('IGR31')).map((f) => `${f.code} ${f.path}`);

describe('lifecycle profile: pod shutdown', () => {
  test('without the profile, only holdApplicationUntilProxyStarts is set and no grace period or preStop is rendered', () => {
    // GIVEN / WHEN
    const objects = synthMeshService({ name: 'users', workload: { image: IMAGE } });
    // THEN
    expect(proxyConfig(objects)).toStrictEqual({ holdApplicationUntilProxyStarts: true });
    expect(podSpec(objects).terminationGracePeriodSeconds).toBeUndefined();
    expect(podSpec(objects).containers[0].lifecycle).toBeUndefined();
    expect(pool(objects)).toBeUndefined();
  });

  test('defaults: 5s preStop sleep, 30s drain with exit on zero connections, 45s grace, TCP keepalive', () => {
    const objects = synthMeshService(streaming({ lifecycle: {} }));
    expect(proxyConfig(objects)).toStrictEqual({
      holdApplicationUntilProxyStarts: true,
      terminationDrainDuration: '30s',
      proxyMetadata: { EXIT_ON_ZERO_ACTIVE_CONNECTIONS: 'true' },
    });
    expect(podSpec(objects).terminationGracePeriodSeconds).toBe(45);
    expect(podSpec(objects).containers[0].lifecycle).toStrictEqual({ preStop: { exec: { command: ['sleep', '5'] } } });
    expect(pool(objects)).toStrictEqual({ tcp: { tcpKeepalive: { time: '120s', interval: '30s', probes: 3 } } });
    expect(lifecycleCodes(objects)).toStrictEqual([]);
  });

  test('maxStreamDuration sets the drain and grace period and is written on the VirtualService with the streaming methods', () => {
    const objects = synthMeshService(streaming({ lifecycle: { maxStreamDuration: Duration.minutes(10) } }));
    expect(proxyConfig(objects).terminationDrainDuration).toBe('600s');
    expect(podSpec(objects).terminationGracePeriodSeconds).toBe(615);
    expect(only(objects, 'VirtualService').metadata.annotations).toMatchObject({
      'istio-grpc.dev/streaming-methods': '/feed.v1.Feed/Subscribe',
      'istio-grpc.dev/max-stream-duration': '600s',
    });
  });

  test('PreStopAction.NONE renders no hook (images without a sleep binary); exitOnZeroActiveConnections false drops the metadata', () => {
    const lifecycle = { preStopAction: PreStopAction.NONE, exitOnZeroActiveConnections: false, drainDuration: Duration.seconds(20) };
    const objects = synthMeshService(streaming({ lifecycle }));
    expect(podSpec(objects).containers[0].lifecycle).toBeUndefined();
    expect(proxyConfig(objects)).toStrictEqual({ holdApplicationUntilProxyStarts: true, terminationDrainDuration: '20s' });
    expect(podSpec(objects).terminationGracePeriodSeconds).toBe(30);
  });

  test.each([
    [{ terminationGracePeriod: Duration.seconds(20) }, /lifecycle.terminationGracePeriod: got "20s"; the preStop delay \(5s\) and the sidecar drain \(30s\) together do not end within the grace period of 20s.*Fix: use at least Duration.seconds\(36\)/],
    [{ drainDuration: Duration.seconds(60), terminationGracePeriod: Duration.seconds(30) }, /lifecycle.terminationGracePeriod: got "30s"; the preStop delay \(5s\) and the sidecar drain \(60s\) together/],
    [{ preStopDelay: Duration.seconds(40), terminationGracePeriod: Duration.seconds(40) }, /a preStop sleep of 40s does not end within the termination grace period of 40s/],
    [{ preStopDelay: Duration.millis(1500) }, /lifecycle.preStopDelay: got "1500ms"; Kubernetes counts this in whole seconds.*Duration.seconds\(2\)/],
    [{ terminationGracePeriod: Duration.millis(60_500) }, /lifecycle.terminationGracePeriod: got "60500ms"; Kubernetes counts this in whole seconds/],
    [{ preStopAction: PreStopAction.NONE, preStopDelay: Duration.seconds(3) }, /lifecycle.preStopDelay: got "3s"; preStopAction is NONE/],
    [{ preStopAction: 'SLEEP' as PreStopAction }, /lifecycle.preStopAction: got "SLEEP"; is not a PreStopAction.*Fix: use one of PreStopAction: EXEC_SLEEP, NONE/],
    [{ exitOnZeroActiveConnections: 'yes' as unknown as boolean }, /lifecycle.exitOnZeroActiveConnections/],
  ])('refuses %o', (lifecycle, message) => {
    expect(() => synthMeshService(streaming({ lifecycle }))).toThrow(message);
  });

  test('needs a workload', () => {
    expect(() => synthMeshService({ name: 'feed', lifecycle: {} })).toThrow(/\[test\/svc\] lifecycle: .*this service creates none.*Fix: add workload/);
  });

  test('a streaming method timeout shorter than maxStreamDuration is refused; a unary one is not concerned', () => {
    const methods = [{ name: 'Subscribe', streaming: StreamingKind.BIDI, timeout: Duration.minutes(1) }];
    expect(() => synthMeshService(streaming({ methods, lifecycle: { maxStreamDuration: Duration.minutes(5) } })))
      .toThrow(/methods\[0\].timeout: got "60s"; the route timeout of 60s ends streams that are declared to live up to 300s/);
    const unary = [{ name: 'Get', timeout: Duration.seconds(2) }];
    expect(() => synthMeshService(streaming({ methods: unary, lifecycle: { maxStreamDuration: Duration.minutes(5) } }))).not.toThrow();
  });
});

describe('server keepalive: derived pool', () => {
  const server = { maxConnectionAge: Duration.minutes(30), maxConnectionIdle: Duration.minutes(10), maxConnectionAgeGrace: Duration.minutes(5) };

  test('idle timeout and max connection duration are 90% of the server limits, and the Service records them', () => {
    const objects = synthMeshService(streaming({ serverKeepalive: server }));
    expect(pool(objects)).toStrictEqual({ tcp: { maxConnectionDuration: '1620s' }, http: { idleTimeout: '540s' } });
    expect(JSON.parse(only(objects, 'Service').metadata.annotations['istio-grpc.dev/server-keepalive']))
      .toStrictEqual({ maxConnectionAge: '1800s', maxConnectionAgeGrace: '300s', maxConnectionIdle: '600s' });
    expect(lifecycleCodes(objects)).toStrictEqual([]);
  });

  test('explicit pool values win when they keep the pool closing first', () => {
    const connectionPool = { idleTimeout: Duration.minutes(5), maxConnectionDuration: Duration.minutes(20) };
    const objects = synthMeshService(streaming({ serverKeepalive: server, connectionPool }));
    expect(pool(objects)).toStrictEqual({ tcp: { maxConnectionDuration: '1200s' }, http: { idleTimeout: '300s' } });
  });

  test('an idle timeout at or above the server idle limit is refused', () => {
    expect(() => synthMeshService(streaming({ serverKeepalive: server, connectionPool: { idleTimeout: Duration.minutes(10) } })))
      .toThrow(/connectionPool.idleTimeout: got "600s"; the server closes connections idle for 600s, but the pool keeps idle connections for 600s.*Fix: lower connectionPool.idleTimeout/);
  });

  test('a max connection duration at or above a server age with a finite grace is refused; with gRPC\'s unlimited grace it is not', () => {
    const connectionPool = { maxConnectionDuration: Duration.hours(1) };
    const withGrace = { maxConnectionAge: Duration.minutes(30), maxConnectionAgeGrace: Duration.seconds(30) };
    expect(() => synthMeshService(streaming({ serverKeepalive: withGrace, connectionPool })))
      .toThrow(/connectionPool.maxConnectionDuration: got "3600s"; the server ends connections after 1800s \(max connection age\) plus a grace of 30s, while the pool holds them for 3600s/);
    expect(() => synthMeshService(streaming({ serverKeepalive: { maxConnectionAge: Duration.minutes(30) }, connectionPool }))).not.toThrow();
  });

  test('streams declared longer than the server\'s age plus grace are refused', () => {
    expect(() => synthMeshService(streaming({ serverKeepalive: server, lifecycle: { maxStreamDuration: Duration.hours(1) } })))
      .toThrow(/lifecycle.maxStreamDuration: got "3600s"; streams declared to live up to 3600s outlast the server's max connection age plus grace \(2100s\)/);
  });

  test('HTTP/2 pings default to the server\'s permitted interval and are refused below it', () => {
    const objects = synthMeshService(streaming({ connectionPool: { http2Keepalive: {} } }));
    expect(pool(objects).http.http2KeepAlive).toStrictEqual({ interval: '300s', timeout: '20s' });
    const serverKeepalive = { permitKeepaliveTime: Duration.seconds(30) };
    const permitted = synthMeshService(streaming({ serverKeepalive, connectionPool: { http2Keepalive: { interval: Duration.seconds(45) } } }));
    expect(pool(permitted).http.http2KeepAlive).toStrictEqual({ interval: '45s', timeout: '20s' });
    expect(() => synthMeshService(streaming({ connectionPool: { http2Keepalive: { interval: Duration.seconds(30) } } })))
      .toThrow(/connectionPool.http2Keepalive.interval: got "30s"; HTTP\/2 pings every 30s are more frequent than the server permits \(300s/);
  });

  test('tcpKeepalive fields left out take the defaults; bad probes are refused', () => {
    const objects = synthMeshService(streaming({ connectionPool: { tcpKeepalive: { time: Duration.seconds(60) } } }));
    expect(pool(objects).tcp.tcpKeepalive).toStrictEqual({ time: '60s', interval: '30s', probes: 3 });
    expect(() => synthMeshService(streaming({ connectionPool: { tcpKeepalive: { probes: 0 } } }))).toThrow(/connectionPool.tcpKeepalive.probes: got 0; must be a whole number from 1 to 127/);
    expect(() => synthMeshService(streaming({ connectionPool: { tcpKeepalive: { time: Duration.millis(500) } } }))).toThrow(/connectionPool.tcpKeepalive.time: .*at least 1000ms/);
  });

  test('wrong shapes get the shape error', () => {
    expect(() => synthMeshService(streaming({ serverKeepalive: { maxConnectionAge: '30m' as unknown as Duration } }))).toThrow(/serverKeepalive.maxConnectionAge/);
    expect(() => synthMeshService(streaming({ lifecycle: 5 as unknown as object }))).toThrow(/lifecycle/);
  });
});

describe('the long-lived-streams example', () => {
  test('lints with no finding at all', () => {
    const scenario = MESH_SERVICE_SCENARIOS.find((s) => s.id === 'long-lived-streams')!;
    expect(validateObjects(synthMeshService(scenario.props) as KubeObject[]).map((f) => `${f.code} ${f.path}`)).toStrictEqual([]);
  });
});

describe('GrpcCanary pods', () => {
  test('the canary Deployment shuts down like the stable one', () => {
    // GIVEN a streaming service with the lifecycle profile and a canary of it
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'feed', streaming({ lifecycle: { maxStreamDuration: Duration.minutes(2) } }));
    new GrpcCanary(chart, 'canary', { service, canaryVersion: 'v2', canaryWeight: 10, canaryWorkload: { image: 'ghcr.io/acme/feed:2.0.0' } });
    // WHEN synthesized
    const deployments = Testing.synth(chart).filter((o) => o.kind === 'Deployment');
    // THEN both versions get the grace period, the preStop hook and the drain
    expect(deployments.map((d) => [d.metadata.name, d.spec.template.spec.terminationGracePeriodSeconds, proxyConfig([d]).terminationDrainDuration]))
      .toStrictEqual([['feed-v1', 135, '120s'], ['feed-v2', 135, '120s']]);
    expect(deployments.every((d) => d.spec.template.spec.containers[0].lifecycle?.preStop?.exec)).toBe(true);
  });
});
