import { Testing } from 'cdk8s';
import { GrpcMeshService as CdkGrpcMeshService, GrpcMeshServiceProps } from '../lib';
import { KubeObject } from '../lib/core/kube-object';
import { GrpcMeshService, SubsetChange } from '../lib/pulumi';
import { installPulumiMocks, registered, registeredManifests } from './util/pulumi-mocks';
import { createInApplyOrder } from '../lib/pulumi/apply-order';

beforeAll(() => installPulumiMocks());
beforeEach(() => { registered.length = 0; });

const shape = (kind: string): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name: 'users' } } as KubeObject);
const SHAPES = ['Service', 'DestinationRule', 'VirtualService', 'PeerAuthentication'].map(shape);

/** Which kinds each created child was made to depend on, in creation order. */
function dependencies(first: 'destinationRule' | 'virtualService' | undefined) {
  const calls: { kind: string; dependsOn: string[] }[] = [];
  const resources = createInApplyOrder(SHAPES, first, (s, _i, dependsOn) => {
    calls.push({ kind: s.kind, dependsOn: (dependsOn ?? []).map((d) => (d as any).kind) });
    return { kind: s.kind } as any;
  });
  return { calls, kinds: resources.map((r) => (r as any).kind) };
}

describe('Pulumi apply order', () => {
  test('ADDING: the VirtualService depends on the DestinationRule; resources stay in manifest order', () => {
    const { calls, kinds } = dependencies('destinationRule');
    expect(calls.find((c) => c.kind === 'VirtualService')!.dependsOn).toStrictEqual(['DestinationRule']);
    expect(calls.find((c) => c.kind === 'DestinationRule')!.dependsOn).toStrictEqual([]);
    expect(kinds).toStrictEqual(['Service', 'DestinationRule', 'VirtualService', 'PeerAuthentication']);
  });

  test('REMOVING: the DestinationRule depends on the VirtualService', () => {
    const { calls, kinds } = dependencies('virtualService');
    expect(calls.find((c) => c.kind === 'DestinationRule')!.dependsOn).toStrictEqual(['VirtualService']);
    expect(calls.find((c) => c.kind === 'VirtualService')!.dependsOn).toStrictEqual([]);
    expect(kinds).toStrictEqual(['Service', 'DestinationRule', 'VirtualService', 'PeerAuthentication']);
  });

  test('NONE: no dependencies', () => {
    expect(dependencies(undefined).calls.every((c) => c.dependsOn.length === 0)).toBe(true);
  });

  test.each([SubsetChange.REMOVING, SubsetChange.ADDING, SubsetChange.NONE])('subsetChange %s: Pulumi registers exactly what cdk8s synthesizes', async (subsetChange) => {
    const props: GrpcMeshServiceProps = { name: 'users', subsetChange };
    const chart = Testing.chart();
    new CdkGrpcMeshService(chart, 'users', props);
    const synthesized = Testing.synth(chart);
    const manifests = await registeredManifests(new GrpcMeshService('users', props).resources);
    const byKind = (a: any, b: any) => a.kind.localeCompare(b.kind);
    expect([...manifests].sort(byKind)).toStrictEqual([...synthesized].sort(byKind));
  });
});
