import * as pulumi from '@pulumi/pulumi';
import { Testing } from 'cdk8s';
import { CANARY_SCENARIOS } from '../examples/cdk8s/canary-scenarios';
import { INGRESS_SCENARIOS } from '../examples/cdk8s/ingress-scenarios';
import { GrpcMeshService as CdkGrpcMeshService } from '../lib';
import { GrpcCanary as CdkGrpcCanary } from '../lib/grpc-canary';
import { GrpcIngress as CdkGrpcIngress } from '../lib/grpc-ingress';
import { GrpcCanary, GrpcIngress, GrpcMeshService } from '../lib/pulumi';
import { installPulumiMocks, registered, registeredManifests, valueOf } from './util/pulumi-mocks';

beforeAll(() => installPulumiMocks());
beforeEach(() => { registered.length = 0; });

const byIdentity = (a: any, b: any) => `${a.kind}/${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.namespace}/${b.metadata.name}`);

describe('Pulumi GrpcCanary', () => {
  test.each(CANARY_SCENARIOS.map((s) => [s.id, s] as const))('%s registers exactly what cdk8s synthesizes', async (_id, scenario) => {
    // GIVEN the same props in both frameworks
    const chart = Testing.chart();
    const service = new CdkGrpcMeshService(chart, scenario.service.name, scenario.service);
    new CdkGrpcCanary(chart, 'canary', { service, ...scenario.canary });
    const synthesized = Testing.synth(chart);
    // WHEN
    const canary = new GrpcCanary(scenario.id, { service: scenario.service, ...scenario.canary });
    const manifests = await registeredManifests([...canary.meshService.resources, ...canary.deployments]);
    // THEN
    expect([...manifests].sort(byIdentity)).toStrictEqual([...synthesized].sort(byIdentity));
    expect(await valueOf(canary.rolloutPlan)).toMatch(/^# Canary rollout: /);
  });

  test('bad canary props throw the cdk8s message at construction', () => {
    expect(() => new GrpcCanary('c', { service: { name: 'users' }, canaryWeight: 101 })).toThrow(/^\[c\] canaryWeight: got 101; must be a whole number from 0 to 100/);
  });
});

describe('Pulumi GrpcIngress', () => {
  test.each(INGRESS_SCENARIOS.map((s) => [s.id, s] as const))('%s registers exactly what cdk8s synthesizes', async (_id, scenario) => {
    const chart = Testing.chart();
    const service = new CdkGrpcMeshService(chart, scenario.service.name, scenario.service);
    new CdkGrpcIngress(chart, 'ingress', { service, ...scenario.ingress });
    const synthesized = Testing.synth(chart);
    const meshService = new GrpcMeshService(scenario.service.name, scenario.service);
    const ingress = new GrpcIngress(scenario.id, { service: meshService, ...scenario.ingress });
    const resources = [...meshService.resources, ingress.gateway, ingress.virtualService, ...(ingress.certificate ? [ingress.certificate] : [])];
    const manifests = await registeredManifests(resources);
    expect([...manifests].sort(byIdentity)).toStrictEqual([...synthesized].sort(byIdentity));
  });

  test('hosts may be outputs; the ingress follows a canary split', async () => {
    const canary = new GrpcCanary('users', { service: { name: 'users', namespace: pulumi.output('shop') }, canaryWeight: 30 });
    const ingress = new GrpcIngress('edge', { service: canary.meshService, hosts: pulumi.output(['users.example.com']), tls: { credentialName: 'users-tls' } });
    const manifests = await registeredManifests([...canary.meshService.resources, ingress.gateway, ingress.virtualService]);
    const gateway = manifests.find((m) => m.kind === 'Gateway');
    const vs = manifests.find((m) => m.metadata.name === 'users-ingress');
    expect(gateway.spec.servers[0].hosts).toStrictEqual(['users.example.com']);
    expect(vs.spec.http[0].route.map((r: any) => `${r.destination.host}/${r.destination.subset}=${r.weight}`))
      .toStrictEqual(['users.shop.svc.cluster.local/stable=70', 'users.shop.svc.cluster.local/canary=30']);
  });

  test('bad ingress props throw the cdk8s message at construction', () => {
    const meshService = new GrpcMeshService('users', { name: 'users' });
    expect(() => new GrpcIngress('edge', { service: meshService, hosts: ['*'], tls: { credentialName: 'c' } })).toThrow(/^\[edge\] hosts\[0\]: got "\*"; a bare "\*"/);
  });
});
