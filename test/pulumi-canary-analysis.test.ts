import { Testing } from 'cdk8s';
import { AnalysisController, Duration, GrpcMeshService as CdkGrpcMeshService, GrpcMeshServiceProps, Idempotency } from '../lib';
import { CanaryWeightOwner, GrpcCanaryOptions } from '../lib/core/canary/canary-props';
import { GrpcCanary as CdkGrpcCanary } from '../lib/grpc-canary';
import { GrpcCanary, GrpcMeshService } from '../lib/pulumi';
import { installPulumiMocks, registered, registeredManifests, valueOf } from './util/pulumi-mocks';

beforeAll(() => installPulumiMocks());
beforeEach(() => { registered.length = 0; });

const SERVICE: GrpcMeshServiceProps = {
  name: 'payments',
  namespace: 'billing',
  protoService: 'billing.v1.Payments',
  methods: [{ name: 'GetPayment', idempotency: Idempotency.NO_SIDE_EFFECTS }],
  methodMetrics: true,
  accessLogs: true,
};
const CANARY: GrpcCanaryOptions = {
  weightOwner: CanaryWeightOwner.ARGO_ROLLOUTS,
  analysis: { controllers: [AnalysisController.ARGO_ROLLOUTS, AnalysisController.FLAGGER], maxP99Latency: Duration.seconds(2) },
};
const byIdentity = (a: any, b: any) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`);

describe('Pulumi GrpcCanary analysis', () => {
  test('per-method analysis and the shared Telemetry: the same objects and Flagger metrics as cdk8s', async () => {
    // GIVEN the same props in both frameworks
    const chart = Testing.chart();
    const cdkCanary = new CdkGrpcCanary(chart, 'canary', { service: new CdkGrpcMeshService(chart, 'payments', SERVICE), ...CANARY });
    const synthesized = Testing.synth(chart);
    // WHEN
    const service = new GrpcMeshService('payments', SERVICE);
    const canary = new GrpcCanary('payments-canary', { service, ...CANARY });
    const manifests = await registeredManifests([...service.resources, ...canary.analysisResources]);
    // THEN
    expect(canary.analysisResources).toHaveLength(3);
    expect([...manifests].sort(byIdentity)).toStrictEqual([...synthesized].sort(byIdentity));
    expect(await valueOf(canary.flaggerMetrics)).toStrictEqual(cdkCanary.flaggerMetrics);
  });

  test('bad analysis props throw the cdk8s message at construction', () => {
    const service = new GrpcMeshService('ledger', { name: 'ledger' });
    expect(() => new GrpcCanary('ledger-canary', { service, analysis: { controllers: [AnalysisController.FLAGGER], perMethod: true } }))
      .toThrow(/\[ledger-canary\] analysis\.perMethod.*methodMetrics: true/);
  });
});
