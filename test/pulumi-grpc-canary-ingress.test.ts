import { spawnSync } from 'child_process';
import { join } from 'path';
import * as pulumi from '@pulumi/pulumi';
import { Testing } from 'cdk8s';
import { AMBIENT_SCENARIOS } from '../examples/cdk8s/ambient-scenarios';
import { CANARY_SCENARIOS } from '../examples/cdk8s/canary-scenarios';
import { INGRESS_SCENARIOS } from '../examples/cdk8s/ingress-scenarios';
import { GrpcMeshService as CdkGrpcMeshService, GrpcMeshServiceProps, RoutingApi } from '../lib';
import { GrpcCanaryOptions } from '../lib/core/canary/canary-props';
import { GrpcIngressOptions } from '../lib/core/ingress/ingress-props';
import { GrpcCanary as CdkGrpcCanary } from '../lib/grpc-canary';
import { GrpcIngress as CdkGrpcIngress } from '../lib/grpc-ingress';
import { GrpcCanary, GrpcIngress, GrpcMeshService } from '../lib/pulumi';
import { installPulumiMocks, registered, registeredManifests, valueOf } from './util/pulumi-mocks';

beforeAll(() => installPulumiMocks());
beforeEach(() => { registered.length = 0; });

const byIdentity = (a: any, b: any) => `${a.kind}/${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.namespace}/${b.metadata.name}`);

/** A service with a canary (and optionally an ingress), the same props for cdk8s and Pulumi. */
interface Scenario {
  readonly id: string;
  readonly service: GrpcMeshServiceProps;
  readonly canary?: GrpcCanaryOptions;
  readonly ingress?: GrpcIngressOptions;
  readonly shift?: number;
}

/** Every example combining the features, plus the canary with its Deployment behind an ingress. */
const SCENARIOS: readonly Scenario[] = [
  ...CANARY_SCENARIOS.map((s) => ({ id: s.id, service: s.service, canary: s.canary })),
  ...INGRESS_SCENARIOS.map((s) => ({ id: s.id, service: s.service, ingress: s.ingress })),
  ...AMBIENT_SCENARIOS.map((s) => ({ id: s.id, service: s.service, canary: s.canary })),
  {
    id: 'ambient-waypoint-ingress',
    service: AMBIENT_SCENARIOS[1].service,
    canary: AMBIENT_SCENARIOS[1].canary,
    ingress: { hosts: ['orders.example.com'], tls: { credentialName: 'orders-tls' } },
    shift: 50,
  },
  {
    id: 'canary-workload-ingress',
    service: CANARY_SCENARIOS[0].service,
    canary: CANARY_SCENARIOS[0].canary,
    ingress: { hosts: ['grpc.example.com'], tls: { credentialName: 'grpc-tls' }, httpRedirect: true },
    shift: 25,
  },
  {
    id: 'gateway-api-canary-ingress',
    service: { ...CANARY_SCENARIOS[0].service, routingApi: RoutingApi.GATEWAY_API },
    canary: CANARY_SCENARIOS[0].canary,
    ingress: { hosts: ['grpc.example.com', 'api.example.com'], tls: { credentialName: 'grpc-tls', credentialNamespace: 'certs' }, httpRedirect: true, port: 8443 },
    shift: 25,
  },
];

/** Runs test/util/pulumi-output-failure.ts in a process of its own; its summary of the rejections. */
function runProgram(variant: 'bad-output' | 'valid'): { unhandled: number; distinct: number; messages: string[] } {
  const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, 'util/pulumi-output-failure.ts'), variant], { encoding: 'utf8' });
  return JSON.parse(run.stdout);
}

function synthCdk8s(s: Scenario): any[] {
  const chart = Testing.chart();
  const service = new CdkGrpcMeshService(chart, s.service.name, s.service);
  if (s.canary) {
    const canary = new CdkGrpcCanary(chart, 'canary', { service, ...s.canary });
    if (s.shift !== undefined) canary.shift(s.shift);
  }
  if (s.ingress) new CdkGrpcIngress(chart, 'ingress', { service, ...s.ingress });
  return Testing.synth(chart);
}

describe('Pulumi GrpcCanary and GrpcIngress', () => {
  test.each(SCENARIOS.map((s) => [s.id, s] as const))('%s registers exactly what cdk8s synthesizes', async (_id, scenario) => {
    // GIVEN the same props in both frameworks
    const synthesized = synthCdk8s(scenario);
    // WHEN
    const service = new GrpcMeshService(scenario.id, scenario.service);
    const canary = scenario.canary ? new GrpcCanary(`${scenario.id}-canary`, { service, ...scenario.canary }) : undefined;
    if (scenario.shift !== undefined) canary!.shift(scenario.shift);
    const ingress = scenario.ingress ? new GrpcIngress(`${scenario.id}-ingress`, { service, ...scenario.ingress }) : undefined;
    const resources = [
      ...service.resources,
      ...service.subsetServices,
      ...service.subsetDestinationRules,
      ...(canary?.deployments ?? []),
      ...(canary?.analysisResources ?? []),
      ...(ingress?.resources ?? []),
    ];
    const manifests = await registeredManifests(resources);
    // THEN
    expect([...manifests].sort(byIdentity)).toStrictEqual([...synthesized].sort(byIdentity));
    if (canary) expect(await valueOf(canary.rolloutPlan())).toMatch(/^# Canary rollout: /);
  });

  test('GrpcCanary has the cdk8s shape: the service component, weights and shift()', () => {
    const service = new GrpcMeshService('users', { name: 'users' });
    const canary = new GrpcCanary('users-canary', { service, canaryWeight: 10, steps: [10, 50] });
    expect(canary.service).toBe(service);
    expect(canary.shift(50)).toStrictEqual([
      { subset: 'stable', version: 'v1', weight: 50 },
      { subset: 'canary', version: 'v2', weight: 50 },
    ]);
    expect(canary.weights).toStrictEqual(canary.shift(50));
  });

  test('bad canary props throw the cdk8s message at construction', () => {
    const service = new GrpcMeshService('users', { name: 'users' });
    expect(() => new GrpcCanary('c', { service, canaryWeight: 101 })).toThrow(/^\[c\] canaryWeight: got 101; must be a whole number from 0 to 100/);
    expect(() => new GrpcCanary('c', { service, canaryWieght: 20 } as any)).toThrow(/^\[c\] canaryWieght: .*did you mean canaryWeight\?/);
    expect(() => new GrpcCanary('c', { service: { name: 'users' } } as any)).toThrow(/^\[c\] service: got \{"name":"users"\}; must be a GrpcMeshService component/);
    expect(() => new GrpcCanary('c', { service }).shift(120)).toThrow(/^\[c\] shift\(weight\): got 120/);
  });

  test('a second canary on one service is refused', () => {
    const service = new GrpcMeshService('users', { name: 'users' });
    new GrpcCanary('a', { service });
    expect(() => new GrpcCanary('b', { service })).toThrow(/^\[b\] service: got "users"; already has a canary \(a\)/);
  });

  test('a canary attached after the service resolved is refused rather than ignored', async () => {
    const service = new GrpcMeshService('users', { name: 'users' });
    await valueOf(service.manifests);
    expect(() => new GrpcCanary('late', { service })).toThrow(/^\[late\] service: got "users"; its objects were already computed/);
  });

  test('hosts may be outputs; the ingress follows a canary split', async () => {
    const service = new GrpcMeshService('users', { name: 'users', namespace: pulumi.output('shop') });
    new GrpcCanary('users-canary', { service, canaryWeight: 30 });
    const ingress = new GrpcIngress('edge', { service, hosts: pulumi.output(['users.example.com']), tls: { credentialName: 'users-tls' } });
    const manifests = await registeredManifests([...service.resources, ...ingress.resources]);
    const gateway = manifests.find((m) => m.kind === 'Gateway');
    const vs = manifests.find((m) => m.metadata.name === 'users-ingress');
    expect(gateway.spec.servers[0].hosts).toStrictEqual(['users.example.com']);
    expect(vs.spec.http[0].route.map((r: any) => `${r.destination.host}/${r.destination.subset}=${r.weight}`))
      .toStrictEqual(['users.shop.svc.cluster.local/stable=70', 'users.shop.svc.cluster.local/canary=30']);
  });

  test('on Gateway API the ingress fields are the Gateway API objects, as in cdk8s', async () => {
    const service = new GrpcMeshService('users', { name: 'users', routingApi: RoutingApi.GATEWAY_API });
    const tls = { credentialName: 'users-tls', credentialNamespace: 'certs' };
    const ingress = new GrpcIngress('edge', { service, hosts: ['users.example.com'], tls, httpRedirect: true });
    expect([ingress.gateway, ingress.virtualService, ingress.certificate]).toStrictEqual([undefined, undefined, undefined]);
    const fields = [ingress.k8sGateway!, ingress.grpcRoute!, ingress.redirectRoute!, ingress.referenceGrant!];
    const urns = await Promise.all(fields.map((r) => valueOf(r.urn)));
    expect(urns.map((urn) => urn.split('::')[2].split('$').pop())).toStrictEqual([
      'kubernetes:gateway.networking.k8s.io/v1:Gateway', 'kubernetes:gateway.networking.k8s.io/v1:GRPCRoute', 'kubernetes:gateway.networking.k8s.io/v1:HTTPRoute', 'kubernetes:gateway.networking.k8s.io/v1:ReferenceGrant',
    ]);
    expect(ingress.resources).toHaveLength(4);
    expect(() => new GrpcIngress('web', { service, hosts: ['users.example.com'], tls: { credentialName: 'c' }, grpcWeb: { allowOrigins: ['https://app.example.com'] } }))
      .toThrow(/^\[web\] grpcWeb: got .*GRPCRoute has no CORS filter.*RoutingApi\.ISTIO/);
  });

  test('on Gateway API, hosts arriving as outputs still get one listener each, bound by the route', async () => {
    const service = new GrpcMeshService('users', { name: 'users', routingApi: RoutingApi.GATEWAY_API });
    const ingress = new GrpcIngress('edge', { service, hosts: pulumi.output(['a.example.com', 'b.example.com']), tls: { credentialName: 'users-tls' } });
    const manifests = await registeredManifests(ingress.resources);
    const gateway = manifests.find((m) => m.kind === 'Gateway' && m.apiVersion === 'gateway.networking.k8s.io/v1');
    const route = manifests.find((m) => m.kind === 'GRPCRoute' && m.metadata.name === 'users-ingress');
    expect(gateway.spec.listeners.map((l: any) => `${l.name}=${l.hostname}`)).toStrictEqual(['https-1=a.example.com', 'https-2=b.example.com']);
    expect(route.spec.parentRefs.map((p: any) => p.sectionName)).toStrictEqual(['https-1', 'https-2']);
  });

  test('bad ingress props throw the cdk8s message at construction', () => {
    const service = new GrpcMeshService('users', { name: 'users' });
    expect(() => new GrpcIngress('edge', { service, hosts: ['*'], tls: { credentialName: 'c' } })).toThrow(/^\[edge\] hosts\[0\]: got "\*"; a bare "\*"/);
    expect(() => new GrpcIngress('edge', { service, hosts: ['a.example.com'], tls: { credentialName: 'c' }, httpsRedirect: true } as any)).toThrow(/^\[edge\] httpsRedirect: .*did you mean httpRedirect\?/);
  });

  test('a bad value arriving as an output fails once, with the prop error as cdk8s gives it', () => {
    // GIVEN a program whose namespace output is not a DNS label, under a canary with Deployments and an ingress
    // WHEN it runs in its own process (unhandled rejections are what Pulumi reports, one message per distinct error)
    const result = runProgram('bad-output');
    // THEN every child failed with the same error, whose message is the clear one
    expect(result.unhandled).toBeGreaterThan(5);
    expect(result.messages).toStrictEqual(['[users] namespace: got "Bad_NS"; must be a DNS-1123 label: 1-63 lowercase letters, digits or \'-\', starting and ending with a letter or digit. Fix: use a name like "bad-ns"']);
  });

  test('valid outputs under a canary with Deployments and an ingress leave no rejection', () => {
    expect(runProgram('valid')).toStrictEqual({ unhandled: 0, distinct: 0, messages: [] });
  });
});
