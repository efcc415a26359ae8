import * as pulumi from '@pulumi/pulumi';
import { Testing } from 'cdk8s';
import { PROTO_SCENARIOS } from '../examples/cdk8s/proto-scenarios';
import { MESH_SERVICE_SCENARIOS } from '../examples/cdk8s/scenarios';
import { GrpcMeshService as CdkGrpcMeshService } from '../lib';
import { assertValidObjects, Duration, GrpcMeshService, IstioGrpcError as PulumiIstioGrpcError } from '../lib/pulumi';
import { installPulumiMocks, registered, registeredManifests, valueOf } from './util/pulumi-mocks';

beforeAll(() => installPulumiMocks());
beforeEach(() => { registered.length = 0; });

const byIdentity = (a: any, b: any) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`);

describe('Pulumi GrpcMeshService', () => {
  test.each(MESH_SERVICE_SCENARIOS.map((s) => [s.id, s] as const))('%s registers exactly what cdk8s synthesizes', async (_id, scenario) => {
    // GIVEN the same props in both frameworks
    const chart = Testing.chart();
    new CdkGrpcMeshService(chart, scenario.props.name, scenario.props);
    const synthesized = Testing.synth(chart);
    // WHEN
    const component = new GrpcMeshService(scenario.props.name, scenario.props);
    const manifests = await registeredManifests(component.resources);
    // THEN
    expect([...manifests].sort(byIdentity)).toStrictEqual([...synthesized].sort(byIdentity));
  });

  test.each(PROTO_SCENARIOS.map((s) => [s.id, s] as const))('fromProto %s registers exactly what cdk8s synthesizes', async (_id, scenario) => {
    const chart = Testing.chart();
    CdkGrpcMeshService.fromProto(chart, scenario.props.name, scenario.props);
    const synthesized = Testing.synth(chart);
    const component = GrpcMeshService.fromProto(scenario.props.name, scenario.props);
    const manifests = await registeredManifests(component.resources);
    expect([...manifests].sort(byIdentity)).toStrictEqual([...synthesized].sort(byIdentity));
  });

  test('unknown props and wrong types are refused as in cdk8s, at every level', () => {
    expect(() => new GrpcMeshService('users', { name: 'users', timout: Duration.seconds(1) } as any)).toThrow(/^\[users\] timout: .*did you mean timeout\?/);
    expect(() => new GrpcMeshService('users', { name: 'users', workload: { image: pulumi.output('a:1'), replica: 2 } } as any)).toThrow(/^\[users\] workload\.replica: .*did you mean replicas\?/);
    expect(() => new GrpcMeshService('users', { name: 'users', timeout: '10s' } as any)).toThrow(/^\[users\] timeout: got "10s"; must be a Duration\. Fix: use Duration\.seconds\(10\)$/);
  });

  test('children are typed resources with readable names, parented to the component', async () => {
    const component = new GrpcMeshService('users', { name: 'users', workload: { image: 'registry.example.com/users:1.0.0' } });
    await registeredManifests(component.resources);
    expect(registered.map((r) => [r.type, r.name]).sort((a, b) => a[1].localeCompare(b[1]))).toStrictEqual([
      ['kubernetes:apps/v1:Deployment', 'users-deployment-users-v1'],
      ['kubernetes:networking.istio.io/v1:DestinationRule', 'users-destinationrule-users'],
      ['kubernetes:security.istio.io/v1:PeerAuthentication', 'users-peerauthentication-users'],
      ['kubernetes:core/v1:Service', 'users-service-users'],
      ['kubernetes:core/v1:ServiceAccount', 'users-serviceaccount-users'],
      ['kubernetes:networking.istio.io/v1:VirtualService', 'users-virtualservice-users'],
    ]);
    expect(component.deployment).toBeDefined();
    expect(await valueOf(component.fqdn)).toBe('users.default.svc.cluster.local');
  });

  test('namespace and image may be outputs of other resources', async () => {
    // GIVEN
    const component = new GrpcMeshService('users', {
      name: 'users',
      namespace: pulumi.output('shop'),
      workload: { image: pulumi.output('registry.example.com/users:2.0.0') },
    });
    // WHEN
    const manifests = await registeredManifests(component.resources);
    // THEN
    expect(manifests.map((m) => m.metadata.namespace)).toStrictEqual(Array(manifests.length).fill('shop'));
    expect(manifests.find((m) => m.kind === 'Deployment').spec.template.spec.containers[0].image).toBe('registry.example.com/users:2.0.0');
    expect(await valueOf(component.fqdn)).toBe('users.shop.svc.cluster.local');
  });

  test('bad props throw the same error as the cdk8s construct, naming the component', () => {
    expect(() => new GrpcMeshService('users', { name: 'users', portName: 'http-api' }))
      .toThrow(/^\[users\] portName: got "http-api"; Istio infers the protocol from the port name prefix/);
  });
});

describe('assertValidObjects', () => {
  test('throws the engine findings, formatted as a cdk8s synth reports them', () => {
    // GIVEN an object the engine rejects
    const objects = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '' } }] as any;
    // WHEN / THEN
    expect(() => assertValidObjects('users', objects)).toThrow(/^Validation failed for users:\n {2}error IGR0001 ConfigMap <no name>: missing or not a non-empty string: metadata\.name/);
  });

  test('accepts what GrpcMeshService renders', async () => {
    const component = new GrpcMeshService('ok', { name: 'ok' });
    expect(() => assertValidObjects('ok', [])).not.toThrow();
    await expect(valueOf(component.manifests)).resolves.toHaveLength(4);
  });
});

describe('istio-grpc/pulumi exports', () => {
  test('IstioGrpcError, so Pulumi programs can tell prop errors apart', () => {
    let caught: unknown;
    try {
      new GrpcMeshService('users', { name: 'Users' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PulumiIstioGrpcError);
    expect((caught as InstanceType<typeof PulumiIstioGrpcError>).field).toBe('name');
  });
});
