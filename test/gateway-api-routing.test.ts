import { Testing } from 'cdk8s';
import fc from 'fast-check';
import {
  AnalysisController, Duration, GrpcMeshService, GrpcMeshServiceProps, GrpcStatus, Idempotency, IstioGrpcError, RoutingApi,
} from '../lib';
import { installPulumiMocks, registered, registeredManifests } from './util/pulumi-mocks';
import { only } from './util/synth';
import { CanaryWeightOwner, GrpcCanaryOptions } from '../lib/core/canary/canary-props';
import { mirrorShare } from '../lib/core/render/gateway-api/mirror-filters';
import { ruleNameOf, uniqueRuleNames } from '../lib/core/render/gateway-api/rule-names';
import { GRPC_ROUTE_MAX_RULES } from '../lib/core/resolve-gateway-api';
import { GrpcCanary } from '../lib/grpc-canary';
import { GrpcMeshService as PulumiGrpcMeshService } from '../lib/pulumi';
import { createInApplyOrder } from '../lib/pulumi/apply-order';
import { errorsOf, validateObjects } from '../lib/validate';

beforeAll(() => installPulumiMocks());
beforeEach(() => { registered.length = 0; });

const GATEWAY: GrpcMeshServiceProps = {
  name: 'users',
  namespace: 'shop',
  routingApi: RoutingApi.GATEWAY_API,
  protoService: 'users.v1.UserService',
  methods: [
    { name: 'GetUser', idempotency: Idempotency.NO_SIDE_EFFECTS },
    { name: 'ListUsers', idempotency: Idempotency.IDEMPOTENT },
  ],
};

function synth(service: GrpcMeshServiceProps, canary?: GrpcCanaryOptions): any[] {
  const chart = Testing.chart();
  const svc = new GrpcMeshService(chart, 'users', service);
  if (canary) new GrpcCanary(chart, 'canary', { service: svc, ...canary });
  return Testing.synth(chart);
}

/** The IstioGrpcError `build` throws (fails the test if it throws nothing or something else). */
function refusal(build: () => unknown): IstioGrpcError {
  try {
    build();
  } catch (e) {
    if (e instanceof IstioGrpcError) return e;
    throw e;
  }
  throw new Error('expected an IstioGrpcError');
}

const byIdentity = (a: any, b: any) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`);

describe('GrpcMeshService on Gateway API', () => {
  test('a GRPCRoute with the Service as parent replaces the VirtualService; the DestinationRule stays', () => {
    const objects = synth(GATEWAY);
    expect(objects.map((o) => o.kind)).not.toContain('VirtualService');
    const route = only(objects, 'GRPCRoute');
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.spec.parentRefs).toStrictEqual([{ group: '', kind: 'Service', name: 'users', port: 50051 }]);
    expect(route.spec.rules.map((r: any) => [r.name, r.matches?.[0].method])).toStrictEqual([
      ['users.v1.userservice.getuser', { type: 'Exact', service: 'users.v1.UserService', method: 'GetUser' }],
      ['users.v1.userservice.listusers', { type: 'Exact', service: 'users.v1.UserService', method: 'ListUsers' }],
      ['grpc-default', undefined],
    ]);
    expect(route.spec.rules.every((r: any) => JSON.stringify(r.backendRefs) === JSON.stringify([{ name: 'users', port: 50051 }]))).toBe(true);
    expect(only(objects, 'DestinationRule').spec).toMatchObject({ host: 'users.shop.svc.cluster.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } });
    expect(only(objects, 'DestinationRule').spec.subsets).toBeUndefined();
    expect(errorsOf(validateObjects(objects))).toStrictEqual([]);
    expect(objects).toMatchSnapshot();
  });

  test('the public fields: grpcRoute set, virtualService absent, no per-subset objects without a canary', () => {
    const chart = Testing.chart();
    const svc = new GrpcMeshService(chart, 'users', GATEWAY);
    expect(svc.grpcRoute).toBeDefined();
    expect(svc.virtualService).toBeUndefined();
    expect(svc.subsetServices).toStrictEqual([]);
    const istio = new GrpcMeshService(chart, 'orders', { name: 'orders' });
    expect(istio.grpcRoute).toBeUndefined();
    expect(istio.virtualService).toBeDefined();
  });

  test('the app-wide default from cdk8s context selects Gateway API', () => {
    const chart = Testing.chart();
    chart.node.setContext('istio-grpc:routingApi', 'GATEWAY_API');
    const { routingApi, ...props } = GATEWAY;
    new GrpcMeshService(chart, 'users', props);
    expect(Testing.synth(chart).map((o) => o.kind)).toContain('GRPCRoute');
  });

  test('mirrors to another Service become RequestMirror filters, a fractional share as fraction', () => {
    const route = only(synth({ ...GATEWAY, mirrors: [{ host: 'users-shadow', port: 50051, percent: 2.5 }] }), 'GRPCRoute');
    expect(route.spec.rules[0].filters).toStrictEqual([{
      type: 'RequestMirror',
      requestMirror: { backendRef: { group: '', kind: 'Service', name: 'users-shadow', port: 50051 }, fraction: { numerator: 2_500_000, denominator: 100_000_000 } },
    }]);
  });

  test('Pulumi registers exactly what cdk8s synthesizes', async () => {
    const synthesized = synth(GATEWAY);
    const manifests = await registeredManifests(new PulumiGrpcMeshService('users', GATEWAY).resources);
    expect([...manifests].sort(byIdentity)).toStrictEqual([...synthesized].sort(byIdentity));
  });

  test('Pulumi: the GRPCRoute takes the VirtualService\'s place in the apply order', () => {
    const shapes = ['Service', 'DestinationRule', 'GRPCRoute'].map((kind) => ({ apiVersion: 'v1', kind, metadata: { name: 'users' } }) as any);
    const calls: [string, string[]][] = [];
    createInApplyOrder(shapes, 'virtualService', (s, _i, dependsOn) => {
      calls.push([s.kind, (dependsOn ?? []).map((d: any) => d.kind)]);
      return { kind: s.kind } as any;
    });
    expect(calls).toContainEqual(['DestinationRule', ['GRPCRoute']]);
  });
});

describe('GrpcCanary on Gateway API', () => {
  const CANARY: GrpcCanaryOptions = { canaryWeight: 20, headerRoutes: [{ header: 'x-canary' }], mirrorPercent: 5 };

  test('per-subset Services select the version, keep the port name and appProtocol; weights on backendRefs', () => {
    const objects = synth(GATEWAY, CANARY);
    const services = objects.filter((o) => o.kind === 'Service');
    expect(services.map((s) => [s.metadata.name, s.spec.selector])).toStrictEqual([
      ['users', { app: 'users' }],
      ['users-stable', { app: 'users', version: 'v1' }],
      ['users-canary', { app: 'users', version: 'v2' }],
    ]);
    expect(services.every((s) => s.spec.ports[0].name === 'grpc' && s.spec.ports[0].appProtocol === 'grpc')).toBe(true);
    const rules = only(objects, 'GRPCRoute').spec.rules;
    expect(rules.at(-1).backendRefs).toStrictEqual([{ name: 'users-stable', port: 50051, weight: 80 }, { name: 'users-canary', port: 50051, weight: 20 }]);
    expect(rules.at(-1).filters[0].requestMirror).toStrictEqual({ backendRef: { group: '', kind: 'Service', name: 'users-canary', port: 50051 }, percent: 5 });
    // Header rules first, each keeping its method match (Gateway API ranks method matches above header matches).
    expect(rules.slice(0, 3).map((r: any) => [r.name, r.matches[0].method?.method, r.matches[0].headers, r.backendRefs])).toStrictEqual([
      ['users.v1.userservice.getuser-x-canary', 'GetUser', [{ type: 'Exact', name: 'x-canary', value: 'true' }], [{ name: 'users-canary', port: 50051 }]],
      ['users.v1.userservice.listusers-x-canary', 'ListUsers', [{ type: 'Exact', name: 'x-canary', value: 'true' }], [{ name: 'users-canary', port: 50051 }]],
      ['grpc-default-x-canary', undefined, [{ type: 'Exact', name: 'x-canary', value: 'true' }], [{ name: 'users-canary', port: 50051 }]],
    ]);
  });

  test('a DestinationRule per per-subset Service host: the service policy with the subset\'s fields', () => {
    const outlier = { consecutive5xxErrors: 1, interval: Duration.seconds(5), baseEjectionTime: Duration.seconds(60) };
    const objects = synth(GATEWAY, { canaryTrafficPolicy: { outlierDetection: outlier } });
    const rules = objects.filter((o) => o.kind === 'DestinationRule');
    expect(rules.map((r) => r.spec.host)).toStrictEqual([
      'users.shop.svc.cluster.local', 'users-stable.shop.svc.cluster.local', 'users-canary.shop.svc.cluster.local',
    ]);
    expect(rules.every((r) => r.spec.subsets === undefined)).toBe(true);
    expect(rules[1].spec.trafficPolicy).toStrictEqual(rules[0].spec.trafficPolicy);
    expect(rules[2].spec.trafficPolicy.outlierDetection).toMatchObject({ consecutive5xxErrors: 1, baseEjectionTime: '60s' });
    expect(rules[2].spec.trafficPolicy.tls).toStrictEqual({ mode: 'ISTIO_MUTUAL' });
  });

  test('apply order: adding, the per-subset objects are wave 0 and the GRPCRoute wave 1; removing, the reverse', () => {
    const wave = (objects: any[]) => objects.filter((o) => ['Service', 'DestinationRule', 'GRPCRoute'].includes(o.kind) && o.metadata.name !== 'users' || o.kind === 'GRPCRoute')
      .map((o) => `${o.kind}/${o.metadata.name}=${o.metadata.annotations?.['argocd.argoproj.io/sync-wave']}`);
    expect(wave(synth(GATEWAY, {}))).toStrictEqual([
      'GRPCRoute/users=1', 'Service/users-stable=0', 'Service/users-canary=0', 'DestinationRule/users-stable=0', 'DestinationRule/users-canary=0',
    ]);
    expect(wave(synth({ ...GATEWAY, subsetChange: 'removing' as any }, {}))).toStrictEqual([
      'GRPCRoute/users=0', 'Service/users-stable=1', 'Service/users-canary=1', 'DestinationRule/users-stable=1', 'DestinationRule/users-canary=1',
    ]);
  });

  test('Argo Rollouts owns the weights: per-subset Services without a version label (the Rollout adds its pod-template hash)', () => {
    const objects = synth(GATEWAY, { weightOwner: CanaryWeightOwner.ARGO_ROLLOUTS });
    expect(objects.filter((o) => o.kind === 'Service').map((s) => s.spec.selector)).toStrictEqual([{ app: 'users' }, { app: 'users' }, { app: 'users' }]);
    expect(only(objects, 'GRPCRoute').metadata.annotations['istio-grpc.dev/canary-weight-owner']).toBe('argo-rollouts');
  });

  test('the cdk8s fields list the per-subset objects', () => {
    const chart = Testing.chart();
    const svc = new GrpcMeshService(chart, 'users', GATEWAY);
    new GrpcCanary(chart, 'canary', { service: svc, canaryWeight: 30 }).shift(40);
    expect(svc.subsetServices.map((s) => s.name)).toStrictEqual(['users-stable', 'users-canary']);
    expect(svc.subsetDestinationRules.map((d) => d.name)).toStrictEqual(['users-stable', 'users-canary']);
  });
});

describe('what Gateway API cannot carry is refused, naming RoutingApi.ISTIO', () => {
  const cases: [string, GrpcMeshServiceProps, string, string][] = [
    ['service timeout', { ...GATEWAY, timeout: Duration.seconds(5) }, 'timeout', '5s'],
    ['service retries', { ...GATEWAY, retries: { attempts: 2 } }, 'retries', 'attempts'],
    ['method timeout', { ...GATEWAY, methods: [{ name: 'GetUser', idempotency: Idempotency.NO_SIDE_EFFECTS, timeout: Duration.seconds(1) }] }, 'methods[0].timeout', '1s'],
    ['method retries', { ...GATEWAY, methods: [{ name: 'GetUser', idempotency: Idempotency.NO_SIDE_EFFECTS, retries: { attempts: 3 } }] }, 'methods[0].retries', 'attempts'],
    ['fault', { ...GATEWAY, fault: { abort: { grpcStatus: GrpcStatus.UNAVAILABLE, percent: 1 }, header: { name: 'x-chaos' } } }, 'fault', 'abort'],
  ];
  test.each(cases)('%s', (_title, props, field, value) => {
    const error = refusal(() => synth(props));
    expect(error.construct).toBe('test/users');
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${field}: got`);
    expect(error.message).toContain(value);
    expect(error.reason).toMatch(/GRPCRoute .* has no .* field/);
    expect(error.fix).toContain('RoutingApi.ISTIO');
  });

  test('a NON_IDEMPOTENT method is refused while Istio\'s default retry policy could repeat it', () => {
    const props = { ...GATEWAY, methods: [...GATEWAY.methods!, { name: 'CreateUser', idempotency: Idempotency.NON_IDEMPOTENT }] };
    const error = refusal(() => synth(props));
    expect(error.field).toBe('methods[2].idempotency');
    expect(error.value).toBe(Idempotency.NON_IDEMPOTENT);
    expect(error.reason).toContain('unavailable,cancelled');
    expect(error.fix).toContain('meshDefaultRetriesDisabled: true');
    expect(error.fix).toContain('RoutingApi.ISTIO');
    // Stated off in the mesh: accepted.
    expect(only(synth({ ...props, meshDefaultRetriesDisabled: true }), 'GRPCRoute').spec.rules).toHaveLength(4);
  });

  test('IGR5002 warns that undeclared methods get the mesh default retries, until the mesh default is stated off', () => {
    const chart = Testing.chart();
    const warned = new GrpcMeshService(chart, 'users', GATEWAY);
    expect(warned.warnings).toStrictEqual([expect.stringMatching(/^\[test\/users\] warning IGR5002 Service shop\/users: routingApi: .*unavailable,cancelled/)]);
    expect(new GrpcMeshService(chart, 'orders', { ...GATEWAY, name: 'orders', meshDefaultRetriesDisabled: true }).warnings).toStrictEqual([]);
    expect(new GrpcMeshService(chart, 'carts', { name: 'carts' }).warnings).toStrictEqual([]);
  });

  test('a method without declared idempotency is refused too', () => {
    expect(refusal(() => synth({ ...GATEWAY, methods: [{ name: 'Sync' }] })).field).toBe('methods[0].idempotency');
  });

  test('meshDefaultRetriesDisabled on Istio routing would be ignored input: refused', () => {
    const error = refusal(() => synth({ name: 'users', meshDefaultRetriesDisabled: true }));
    expect(error.field).toBe('meshDefaultRetriesDisabled');
    expect(error.reason).toContain('only matters with routingApi GATEWAY_API');
  });

  test.each([
    ['mirror to a subset', { host: 'users', subset: 'canary', percent: 5 }, 'mirrors[0].subset'],
    ['mirror to a host that is not a Service', { host: 'shadow.example.com', port: 443, percent: 5 }, 'mirrors[0].host'],
    ['mirror to another namespace', { host: 'shadow.other.svc.cluster.local', port: 50051, percent: 5 }, 'mirrors[0].host'],
    ['mirror without a port', { host: 'users-shadow', percent: 5 }, 'mirrors[0].port'],
  ])('%s', (_title, mirror, field) => {
    const error = refusal(() => synth({ ...GATEWAY, mirrors: [mirror] }));
    expect(error.field).toBe(field);
    expect(error.fix.length).toBeGreaterThan(10);
  });

  test(`more than ${GRPC_ROUTE_MAX_RULES} rules: refused on the service, and on the canary's header routes`, () => {
    const methods = Array.from({ length: GRPC_ROUTE_MAX_RULES }, (_, i) => ({ name: `M${i}`, idempotency: Idempotency.IDEMPOTENT }));
    expect(refusal(() => synth({ ...GATEWAY, methods })).field).toBe('methods');
    const error = refusal(() => synth(GATEWAY, { headerRoutes: [{ header: 'a' }, { header: 'b' }, { header: 'c' }, { header: 'd' }, { header: 'e' }, { header: 'f' }] }));
    expect(error.construct).toBe('test/canary');
    expect(error.field).toBe('headerRoutes');
    expect(error.reason).toContain('21 rules');
  });

  test('Flagger analysis is refused: its Gateway API provider does not drive GRPCRoutes', () => {
    const error = refusal(() => synth(GATEWAY, { analysis: { controllers: [AnalysisController.FLAGGER] } }));
    expect(error.field).toBe('analysis.controllers');
    expect(error.reason).toContain('HTTPRoutes, not GRPCRoutes');
    expect(error.fix).toContain('ARGO_ROLLOUTS');
  });

  test('a per-subset Service name longer than a Service name may be is refused', () => {
    const name = 'u'.repeat(60);
    expect(refusal(() => synth({ ...GATEWAY, name }, {})).field).toBe('service');
  });
});

describe('helpers', () => {
  test('rule names are valid and unique', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 }), (names) => {
      const rules = uniqueRuleNames(names);
      expect(new Set(rules).size).toBe(rules.length);
      rules.forEach((r) => expect(r).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/));
      rules.forEach((r) => expect(r.length).toBeLessThanOrEqual(253));
    }));
    expect(ruleNameOf('users.v1.UserService/Get_User')).toBe('users.v1.userservice.get-user');
  });

  test('a mirror share is percent when whole, else an exact fraction', () => {
    expect(mirrorShare(5)).toStrictEqual({ percent: 5 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000_000 }), (millionths) => {
      const percent = millionths / 1_000_000;
      const share = mirrorShare(percent);
      const value = share.percent ?? (100 * share.fraction!.numerator) / share.fraction!.denominator!;
      expect(Math.abs(value - percent)).toBeLessThan(1e-9);
      if (share.fraction) expect(share.fraction.numerator).toBeLessThanOrEqual(share.fraction.denominator!);
    }));
  });
});
