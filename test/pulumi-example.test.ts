import { installPulumiMocks, registered, valueOf } from './util/pulumi-mocks';

describe('examples/pulumi', () => {
  test('the example program registers every object and validates, under mocks', async () => {
    // GIVEN mocks, WHEN the program runs
    installPulumiMocks();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const program: typeof import('../examples/pulumi') = require('../examples/pulumi');
    const children = [...program.services, ...program.protoServices, ...program.ambientServices.map((a) => a.service)].flatMap((s) => s.resources);
    const canaryChildren = program.canaries.flatMap((c) => [...c.deployments, ...c.analysisResources]);
    await Promise.all([...children, ...canaryChildren, ...program.monitoring.flatMap((m) => m.resources)].map((r) => valueOf(r.urn)));
    // THEN the canary behind the ingress is split as planned, and its objects were registered
    expect(await valueOf(program.usersFqdn)).toBe('users.shop.svc.cluster.local');
    expect(await valueOf(program.usersRolloutPlan)).toMatch(/^Now: stable \(v1\) 75%, canary \(v2\) 25%\.$/m);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(registered.map((r) => r.name)).toEqual(expect.arrayContaining(['users-canary-deployment-users-v2', 'users-ingress-gateway-users-gateway']));
    expect(registered.map((r) => r.name)).toEqual(expect.arrayContaining([
      'canary-grpc-analysis-canary-analysistemplate-payments-grpc-analysis',
      'monitoring-per-method-monitoring-prometheusrule-orders-grpc-slo',
      'monitoring-per-method-monitoring-configmap-orders-grpc-dashboard',
      'ambient-waypoint-gateway-orders-waypoint',
      'ambient-waypoint-canary-deployment-orders-v2',
    ]));
  }, 60_000);
});
