import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  Duration, GrpcCanary, GrpcIngress, GrpcMeshService, GrpcMeshServiceProps, GrpcStatus, Idempotency, LoadBalancer, RetryOn, SubsetChange,
} from '../lib';
import { canaryOutcome, meshServiceOutcome, Outcome } from './util/properties';
import { only, synthMeshService } from './util/synth';
import { errorsOf, validateObjects } from '../lib/validate/engine';

const base: GrpcMeshServiceProps = { name: 'users', protoService: 'users.v1.UserService' };
const drPolicy = (props: Partial<GrpcMeshServiceProps>) => only(synthMeshService({ ...base, ...props }), 'DestinationRule').spec.trafficPolicy;
const vsRoutes = (props: Partial<GrpcMeshServiceProps>) => only(synthMeshService({ ...base, ...props }), 'VirtualService').spec.http;

function synthCanary(service: GrpcMeshServiceProps, canary: Record<string, unknown>): any[] {
  const chart = Testing.chart();
  const svc = new GrpcMeshService(chart, 'svc', service);
  new GrpcCanary(chart, 'canary', { service: svc, ...canary });
  return Testing.synth(chart);
}

describe('consistentHash', () => {
  test('GIVEN a gRPC metadata key WHEN synthesized THEN the hash replaces loadBalancer.simple', () => {
    expect(drPolicy({ consistentHash: { httpHeaderName: 'x-user-id', ringHashMinimumRingSize: 2048 } }).loadBalancer)
      .toStrictEqual({ consistentHash: { httpHeaderName: 'x-user-id', ringHash: { minimumRingSize: 2048 } } });
  });

  test('renders a cookie with its ttl, source IP and maglev', () => {
    expect(drPolicy({ consistentHash: { httpCookie: { name: 'session', path: '/', ttl: Duration.seconds(0.5 * 2) } } }).loadBalancer.consistentHash)
      .toStrictEqual({ httpCookie: { name: 'session', path: '/', ttl: '1s' } });
    expect(drPolicy({ consistentHash: { useSourceIp: true, maglevTableSize: 65537 } }).loadBalancer.consistentHash)
      .toStrictEqual({ useSourceIp: true, maglev: { tableSize: 65537 } });
  });

  test.each([
    [{ consistentHash: {} }, /consistentHash: got \{\}; gives no hash key/],
    [{ consistentHash: { httpHeaderName: 'x-a', useSourceIp: true } }, /consistentHash: got "httpHeaderName, useSourceIp"; gives several hash keys, and Istio accepts exactly one/],
    [{ consistentHash: { httpHeaderName: 'X-User' } }, /consistentHash.httpHeaderName: got "X-User"; must be a lower-case header name/],
    [{ consistentHash: { httpHeaderName: 'x-a', maglevTableSize: 65536 } }, /consistentHash.maglevTableSize: got 65536; Maglev needs a prime table size.*Fix: use a prime such as 65537/],
    [{ consistentHash: { httpHeaderName: 'x-a', maglevTableSize: 5000011 } }, /consistentHash.maglevTableSize: got 5000011; must be a whole number from 2 to 5000010/],
    [{ consistentHash: { httpHeaderName: 'x-a', maglevTableSize: 65537, ringHashMinimumRingSize: 1024 } }, /Istio accepts one of ringHash and maglev, not both/],
    [{ consistentHash: { httpHeaderName: 'x-a' }, loadBalancer: LoadBalancer.ROUND_ROBIN }, /loadBalancer: got "ROUND_ROBIN"; consistentHash is a load-balancing algorithm of its own/],
    [{ consistentHash: { httpHeaderName: 'x-a' }, headless: true }, /consistentHash: got .*the service is headless/],
    [{ consistentHash: { httpCookie: { name: '' } } }, /consistentHash.httpCookie.name: got ""; a cookie name is required/],
  ] as const)('refuses %j', (props, message) => {
    expect(() => synthMeshService({ ...base, ...props } as GrpcMeshServiceProps)).toThrow(message);
  });
});

describe('localityLbSetting', () => {
  test('renders distribute, failover and failoverPriority as given', () => {
    expect(drPolicy({ localityLbSetting: { distribute: [{ from: 'us-west/*', to: { 'us-west/*': 80, 'us-east/*': 20 } }] } }).loadBalancer)
      .toStrictEqual({ simple: 'LEAST_REQUEST', localityLbSetting: { distribute: [{ from: 'us-west/*', to: { 'us-west/*': 80, 'us-east/*': 20 } }] } });
    expect(drPolicy({ localityLbSetting: { failover: [{ from: 'us-west', to: 'us-east' }], failoverPriority: ['example.com/rack'] } }).loadBalancer.localityLbSetting)
      .toStrictEqual({ failover: [{ from: 'us-west', to: 'us-east' }], failoverPriority: ['example.com/rack'] });
  });

  test.each([
    [{ distribute: [{ from: 'a', to: { b: 100 } }], failover: [{ from: 'a', to: 'b' }] }, /localityLbSetting.failover: .*Istio refuses distribute and failover together/],
    [{ distribute: [{ from: 'a', to: { b: 60, c: 30 } }] }, /localityLbSetting.distribute\[0\].to: .*the weights add up to 90, and Istio requires exactly 100/],
    [{ distribute: [{ from: 'a', to: { b: 0, c: 100 } }] }, /distribute\[0\].to.b: got 0; must be a whole number from 1 to 100/],
    [{ distribute: [{ from: 'us-*/z', to: { b: 100 } }] }, /distribute\[0\].from: got "us-\*\/z"; a locality is region/],
    [{ distribute: [{ from: 'us-west/*', to: { b: 100 } }, { from: 'us-west/z1', to: { b: 100 } }] }, /localityLbSetting.distribute: got "us-west\/z1"; overlaps "us-west\/\*"/],
    [{ failover: [{ from: 'us-west', to: 'us-west' }] }, /failover\[0\].to: got "us-west"; failover must go to another region/],
    [{ failover: [{ from: 'us-west/z1', to: 'us-east' }] }, /failover\[0\].from: got "us-west\/z1"; failover names a region only/],
    [{ failover: [{ from: 'a', to: 'b' }], failoverPriority: ['topology.kubernetes.io/zone'] }, /failoverPriority\[0\]: got "topology.kubernetes.io\/zone"; Istio refuses topology labels in failoverPriority together with failover/],
    [{ enabled: false, failoverPriority: ['x'] }, /localityLbSetting.enabled: got false; locality load balancing is switched off/],
  ])('refuses %j', (localityLbSetting, message) => {
    expect(() => synthMeshService({ ...base, localityLbSetting })).toThrow(message);
  });

  test('GIVEN failover WHEN outlier detection is disabled THEN refused, since failover would never act', () => {
    expect(() => synthMeshService({ ...base, outlierDetection: { enabled: false }, localityLbSetting: { failoverPriority: ['topology.kubernetes.io/region'] } }))
      .toThrow(/outlierDetection.enabled: got false; locality failover moves calls only when outlier detection ejects unhealthy endpoints/);
    // distribute does not depend on ejection
    expect(() => synthMeshService({ ...base, outlierDetection: { enabled: false }, localityLbSetting: { distribute: [{ from: 'a', to: { b: 100 } }] } })).not.toThrow();
  });
});

describe('warmup and retryBudget', () => {
  test('warmup renders under loadBalancer beside the balancer', () => {
    expect(drPolicy({ warmup: { duration: Duration.seconds(90), minimumPercent: 5, aggression: 2 } }).loadBalancer)
      .toStrictEqual({ simple: 'LEAST_REQUEST', warmup: { duration: '90s', minimumPercent: 5, aggression: 2 } });
  });

  test.each([
    [{ warmup: { duration: Duration.seconds(30) }, loadBalancer: LoadBalancer.RANDOM }, /warmup: got "with loadBalancer RANDOM"; Envoy ramps up new endpoints only with ROUND_ROBIN or LEAST_REQUEST/],
    [{ warmup: { duration: Duration.seconds(30) }, consistentHash: { useSourceIp: true } }, /warmup: got "with consistentHash"/],
    [{ warmup: { duration: Duration.seconds(30), minimumPercent: 101 } }, /warmup.minimumPercent: got 101; must be a percentage from 0 to 100/],
    [{ warmup: { duration: Duration.seconds(30), aggression: 0 } }, /warmup.aggression: got 0; must be a number above 0/],
    [{ warmup: {} }, /warmup.duration: got undefined; a warmup needs a duration/],
    [{ retryBudget: { percent: 120 } }, /retryBudget.percent: got 120; must be a percentage from 0 to 100/],
    [{ retryBudget: { minRetryConcurrency: -1 } }, /retryBudget.minRetryConcurrency: got -1; must be a whole number/],
  ])('refuses %j', (props, message) => {
    expect(() => synthMeshService({ ...base, ...props } as GrpcMeshServiceProps)).toThrow(message);
  });

  test('retryBudget renders at the traffic-policy level', () => {
    expect(drPolicy({ retryBudget: { percent: 25, minRetryConcurrency: 5, budgetInterval: Duration.seconds(10) } }).retryBudget)
      .toStrictEqual({ percent: 25, minRetryConcurrency: 5, budgetInterval: '10s' });
  });
});

describe('retryIgnorePreviousHosts', () => {
  test('renders on the route and is refused with attempts: 0', () => {
    const routes = vsRoutes({ methods: [{ name: 'GetUser', idempotency: Idempotency.NO_SIDE_EFFECTS, retries: { attempts: 2, retryOn: [RetryOn.UNAVAILABLE], retryIgnorePreviousHosts: true } }] });
    expect(routes[0].retries).toStrictEqual({ attempts: 2, retryOn: 'unavailable', retryIgnorePreviousHosts: true });
    expect(() => synthMeshService({ ...base, retries: { attempts: 0, retryIgnorePreviousHosts: true } }))
      .toThrow(/retries.retryIgnorePreviousHosts: got true; retries are switched off \(attempts: 0\)/);
  });
});

describe('fault injection', () => {
  const methods = [{ name: 'GetUser', idempotency: Idempotency.NO_SIDE_EFFECTS }, { name: 'CreateUser', idempotency: Idempotency.NON_IDEMPOTENT }];

  test('GIVEN a header scope WHEN synthesized THEN header-matched copies of the named routes come first, the others stay fault-free', () => {
    const routes = vsRoutes({
      methods,
      fault: { header: { name: 'x-chaos' }, methods: ['GetUser'], abort: { grpcStatus: GrpcStatus.UNAVAILABLE, percent: 50 }, delay: { fixedDelay: Duration.seconds(1), percent: 10 } },
    });
    expect(routes.map((r: any) => r.name)).toStrictEqual(['users.v1.UserService/GetUser-fault', 'users.v1.UserService/GetUser', 'users.v1.UserService/CreateUser', 'grpc-default']);
    expect(routes[0].match).toStrictEqual([{ uri: { exact: '/users.v1.UserService/GetUser' }, headers: { 'x-chaos': { exact: 'true' } } }]);
    expect(routes[0].fault).toStrictEqual({ abort: { grpcStatus: 'UNAVAILABLE', percentage: { value: 50 } }, delay: { fixedDelay: '1s', percentage: { value: 10 } } });
    expect(routes.slice(1).every((r: any) => r.fault === undefined)).toBe(true);
  });

  test('without a header scope the fault is refused, unless explicitly allowed', () => {
    const fault = { abort: { grpcStatus: GrpcStatus.INTERNAL, percent: 1 } };
    expect(() => synthMeshService({ ...base, fault })).toThrow(/fault.header: got undefined; without a header scope the faults hit every real caller.*Fix: set fault.header/);
    const routes = vsRoutes({ fault, dangerouslyAllowFaultsWithoutHeaderScope: true });
    expect(routes).toHaveLength(1);
    expect(routes[0].fault).toStrictEqual({ abort: { grpcStatus: 'INTERNAL', percentage: { value: 1 } } });
  });

  test.each([
    [{ header: { name: 'x-chaos' } }, /fault: got \{.*\}; a fault needs an abort and\/or a delay/],
    [{ header: { name: 'x-chaos' }, abort: { grpcStatus: 'OK', percent: 10 } }, /fault.abort.grpcStatus: got "OK"; is not a gRPC status name Istio accepts/],
    [{ header: { name: 'x-chaos' }, abort: { grpcStatus: 'UNAVAILABLE', percent: 0 } }, /fault.abort.percent: got 0; must be a percentage above 0 and at most 100/],
    [{ header: { name: 'x-chaos' }, delay: { fixedDelay: Duration.millis(0.5), percent: 10 } }, /fault.delay.fixedDelay: .*millisecond precision/],
    [{ header: { name: 'content-type' }, abort: { grpcStatus: 'UNAVAILABLE', percent: 10 } }, /fault.header.name: got "content-type"; every gRPC call carries this header/],
    [{ header: { name: 'x-chaos' }, methods: ['Nope'], abort: { grpcStatus: 'UNAVAILABLE', percent: 10 } }, /fault.methods\[0\]: got "Nope"; is not one of the declared methods.*Fix: name one of GetUser, CreateUser/],
  ])('refuses %j', (fault, message) => {
    expect(() => synthMeshService({ ...base, methods, fault: fault as any })).toThrow(message);
  });
});

describe('mirrors', () => {
  test('GIVEN service mirrors and a canary mirror WHEN synthesized THEN one mirrors list (Istio refuses mirror with mirrors)', () => {
    const objects = synthCanary({ ...base, mirrors: [{ subset: 'v3', percent: 1 }] }, {
      mirrorPercent: 5, additionalSubsets: [{ name: 'v3', version: 'v3', weight: 0 }],
    });
    const route = only(objects, 'VirtualService').spec.http[0];
    expect(route.mirror).toBeUndefined();
    expect(route.mirrors).toStrictEqual([
      { destination: { host: 'users.default.svc.cluster.local', subset: 'v3', port: { number: 50051 } }, percentage: { value: 1 } },
      { destination: { host: 'users.default.svc.cluster.local', subset: 'canary', port: { number: 50051 } }, percentage: { value: 5 } },
    ]);
    // The subsets' pods are not created here, so only the pod-selection analyzer (IST0173) may speak.
    expect(errorsOf(validateObjects(objects)).filter((f) => f.code !== 'IST0173')).toStrictEqual([]);
  });

  test('a mirror to a subset the canary does not define is refused by the canary', () => {
    expect(() => synthCanary({ ...base, mirrors: [{ subset: 'v9', percent: 1 }] }, {}))
      .toThrow(/\[test\/canary\] service: got "mirrors\[0\].subset v9"; the service mirrors to subset v9, which this canary does not define/);
  });

  test.each([
    [[{ percent: 5 }], /mirrors\[0\].subset: got undefined; a mirror to the service itself without a subset/],
    [[{ host: 'Bad_Host', percent: 5 }], /mirrors\[0\].host: got "Bad_Host"; must be a Service name in the same namespace or a fully-qualified host/],
    [[{ host: 'shadow', percent: 101 }], /mirrors\[0\].percent: got 101; must be a percentage above 0/],
    [[{ host: 'shadow', percent: 1 }, { host: 'shadow.default.svc.cluster.local', percent: 2 }], /mirrors\[1\]: .*copies to the same destination as mirrors\[0\]/],
  ])('refuses %j', (mirrors, message) => {
    expect(() => synthMeshService({ ...base, mirrors })).toThrow(message);
  });
});

describe('per-subset traffic policies', () => {
  test('a subset policy keeps the service\'s balancer, since Istio replaces the whole loadBalancer', () => {
    const objects = synthCanary({ ...base, consistentHash: { httpHeaderName: 'x-user-id' } }, {
      stableTrafficPolicy: { connectionPool: { http2MaxRequests: 100 } },
      canaryTrafficPolicy: { localityLbSetting: { failoverPriority: ['topology.kubernetes.io/region'] } },
    });
    const [stable, canary] = only(objects, 'DestinationRule').spec.subsets;
    expect(stable.trafficPolicy).toStrictEqual({ connectionPool: { http: { http2MaxRequests: 100 } } });
    expect(canary.trafficPolicy).toStrictEqual({
      loadBalancer: { consistentHash: { httpHeaderName: 'x-user-id' }, localityLbSetting: { failoverPriority: ['topology.kubernetes.io/region'] } },
    });
  });

  test('a subset pool keeps its keepalive and max connection duration (not silently dropped)', () => {
    const objects = synthCanary(base, {
      canaryTrafficPolicy: { connectionPool: { maxConnectionDuration: Duration.minutes(10), tcpKeepalive: { time: Duration.seconds(60) } } },
    });
    const canary = only(objects, 'DestinationRule').spec.subsets[1];
    expect(canary.trafficPolicy.connectionPool.tcp).toStrictEqual({ maxConnectionDuration: '600s', tcpKeepalive: { time: '60s', interval: '30s', probes: 3 } });
  });

  test.each([
    [{ canaryTrafficPolicy: {} }, /canaryTrafficPolicy: got \{\}; an empty subset traffic policy is refused by Istio/],
    [{ canaryTrafficPolicy: { warmup: { duration: Duration.seconds(10) } } }, /canaryTrafficPolicy.warmup: got "with the service's consistentHash"/],
    [{ canaryTrafficPolicy: { connectionPool: { http2MaxRequests: 0 } } }, /canaryTrafficPolicy.connectionPool.http2MaxRequests: got 0/],
    [{ canaryTrafficPolicy: { outlierDetection: { enabled: false } } }, /canaryTrafficPolicy.outlierDetection.enabled: got false; a subset cannot switch off/],
    [{ additionalSubsets: [{ name: 'v3', version: 'v3', weight: 0, trafficPolicy: { loadBalancer: 'FASTEST' } }] }, /additionalSubsets\[0\].trafficPolicy.loadBalancer: got "FASTEST"/],
  ])('refuses %j', (canary, message) => {
    expect(() => synthCanary({ ...base, consistentHash: { httpHeaderName: 'x-user-id' } }, canary)).toThrow(message);
  });
});

describe('apply order (make-before-break)', () => {
  const waves = (objects: any[]) => ['DestinationRule', 'VirtualService'].map((k) => only(objects, k).metadata.annotations?.['argocd.argoproj.io/sync-wave']);

  test('no subsets, no change declared: no hints', () => {
    expect(waves(synthMeshService(base))).toStrictEqual([undefined, undefined]);
  });

  test('a canary adds subsets: the DestinationRule goes first', () => {
    expect(waves(synthCanary(base, {}))).toStrictEqual(['0', '1']);
  });

  test('removing subsets (the canary gone): the VirtualService goes first', () => {
    expect(waves(synthMeshService({ ...base, subsetChange: SubsetChange.REMOVING }))).toStrictEqual(['1', '0']);
    expect(waves(synthCanary({ ...base, subsetChange: SubsetChange.REMOVING }, { additionalSubsets: [] }))).toStrictEqual(['1', '0']);
  });

  test.each(['canary first', 'ingress first'])('the gateway VirtualService of a GrpcIngress gets the same wave (%s)', (order) => {
    const chart = Testing.chart();
    const svc = new GrpcMeshService(chart, 'svc', base);
    const ingress = { hosts: ['users.example.com'], tls: { credentialName: 'users-tls' } };
    if (order === 'canary first') new GrpcCanary(chart, 'canary', { service: svc });
    new GrpcIngress(chart, 'ingress', { service: svc, ...ingress });
    if (order === 'ingress first') new GrpcCanary(chart, 'canary', { service: svc });
    const gatewayRoutes = Testing.synth(chart).filter((o: any) => o.kind === 'VirtualService' && o.spec.gateways);
    expect(gatewayRoutes.map((o: any) => o.metadata.annotations?.['argocd.argoproj.io/sync-wave'])).toStrictEqual(['1']);
  });

  test('NONE switches the hints off even with a canary; unknown values are refused', () => {
    expect(waves(synthCanary({ ...base, subsetChange: SubsetChange.NONE }, {}))).toStrictEqual([undefined, undefined]);
    expect(() => synthMeshService({ ...base, subsetChange: 'sideways' as SubsetChange })).toThrow(/subsetChange: got "sideways"; is not a subset change/);
  });
});

describe('generated traffic policies', () => {
  const percent = fc.oneof(fc.double({ min: -5, max: 110, noNaN: true }), fc.integer({ min: 0, max: 100 }));
  const hashArb = fc.record({
    httpHeaderName: fc.constantFrom('x-user-id', 'X-Bad', 'tenant'),
    useSourceIp: fc.boolean(),
    maglevTableSize: fc.constantFrom(65537, 65536, 1, 5000011, 4999999),
    ringHashMinimumRingSize: fc.integer({ min: -1, max: 4096 }),
  }, { requiredKeys: [] });
  const localityArb = fc.record({
    enabled: fc.boolean(),
    distribute: fc.array(fc.record({ from: fc.constantFrom('us-west/*', 'us-east', 'eu/*/z', '*'), to: fc.dictionary(fc.constantFrom('us-west/*', 'us-east/z1', 'eu'), fc.integer({ min: 0, max: 100 })) }), { maxLength: 2 }),
    failover: fc.array(fc.record({ from: fc.constantFrom('us-west', 'us-east', 'eu/z'), to: fc.constantFrom('us-west', 'us-east') }), { maxLength: 2 }),
    failoverPriority: fc.array(fc.constantFrom('topology.kubernetes.io/region', 'example.com/rack', 'bad key!'), { maxLength: 2 }),
  }, { requiredKeys: [] });
  const propsArb = fc.record({
    loadBalancer: fc.constantFrom(LoadBalancer.LEAST_REQUEST, LoadBalancer.RANDOM, LoadBalancer.ROUND_ROBIN),
    consistentHash: hashArb,
    localityLbSetting: localityArb,
    outlierDetection: fc.constantFrom({ enabled: false }, { consecutiveGatewayErrors: 3 }),
    warmup: fc.record({ duration: fc.constantFrom(Duration.seconds(30), Duration.millis(0)), minimumPercent: percent, aggression: fc.double({ min: -1, max: 5, noNaN: true }) }, { requiredKeys: ['duration'] }),
    retryBudget: fc.record({ percent, minRetryConcurrency: fc.integer({ min: -1, max: 10 }) }, { requiredKeys: [] }),
    fault: fc.record({
      header: fc.constantFrom({ name: 'x-chaos' }, { name: 'te' }),
      abort: fc.record({ grpcStatus: fc.constantFrom('UNAVAILABLE', 'OK', 'INTERNAL'), percent }),
      delay: fc.record({ fixedDelay: fc.constantFrom(Duration.seconds(1), Duration.millis(0.5)), percent }),
      methods: fc.constantFrom(['GetUser'], ['Missing']),
    }, { requiredKeys: [] }),
    dangerouslyAllowFaultsWithoutHeaderScope: fc.boolean(),
    mirrors: fc.array(fc.record({ host: fc.constantFrom('shadow', 'Bad', 'users'), subset: fc.constantFrom('canary', 'v9'), percent }, { requiredKeys: ['percent'] }), { maxLength: 2 }),
  }, { requiredKeys: [] });

  test('GrpcMeshService: either an IstioGrpcError naming the field, or objects the validation engine accepts', () => {
    const outcomes: Outcome[] = [];
    fc.assert(fc.property(propsArb, (extra) => {
      // Mirrors need a host the engine can resolve, so they are exercised under the canary below.
      const { mirrors: _m, ...rest } = extra;
      outcomes.push(meshServiceOutcome({ ...base, methods: [{ name: 'GetUser', idempotency: Idempotency.NO_SIDE_EFFECTS }], ...rest } as GrpcMeshServiceProps));
    }), { numRuns: 300, seed: 20261202 });
    expect(new Set(outcomes)).toStrictEqual(new Set(['rejected', 'synthesized']));
  });

  test('GrpcCanary with subset policies and mirrors: the same property', () => {
    const outcomes: Outcome[] = [];
    const subsetPolicyArb = fc.record({
      loadBalancer: fc.constantFrom(LoadBalancer.ROUND_ROBIN, LoadBalancer.PASSTHROUGH),
      consistentHash: hashArb,
      warmup: fc.record({ duration: fc.constantFrom(Duration.seconds(30)) }),
      connectionPool: fc.record({ http2MaxRequests: fc.integer({ min: -1, max: 100 }) }, { requiredKeys: [] }),
      outlierDetection: fc.record({ consecutiveGatewayErrors: fc.integer({ min: -1, max: 5 }) }, { requiredKeys: [] }),
    }, { requiredKeys: [] });
    const mirrorsArb = fc.array(fc.record({ subset: fc.constantFrom('canary', 'stable', 'v9'), percent }), { maxLength: 2 });
    fc.assert(fc.property(subsetPolicyArb, mirrorsArb, (policy, mirrors) => {
      outcomes.push(canaryOutcome({
        service: { ...base, workload: { image: 'registry.example.com/users:1' }, mirrors },
        canary: { canaryTrafficPolicy: policy as any, canaryWorkload: { image: 'registry.example.com/users:2' } },
      }));
    }), { numRuns: 200, seed: 20261203 });
    expect(new Set(outcomes)).toStrictEqual(new Set(['rejected', 'synthesized']));
  });
});
