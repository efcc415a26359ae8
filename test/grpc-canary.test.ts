import { Chart, Testing } from 'cdk8s';
import { CANARY_SCENARIOS } from '../examples/cdk8s/canary-scenarios';
import { GrpcMeshService, GrpcMeshServiceProps, Idempotency } from '../lib';
import { CanaryWeightOwner, GrpcCanaryOptions } from '../lib/core/canary/canary-props';
import { GrpcCanary } from '../lib/grpc-canary';
import { errorsOf, validateObjects } from '../lib/validate';
import { only } from './util/synth';

// Bound to pods deployed elsewhere, so subsets are not checked against pods here.
const SERVICE: GrpcMeshServiceProps = { name: 'users', namespace: 'shop' };
const IMAGE = 'registry.example.com/users:1.0.0';

function synthCanary(options: GrpcCanaryOptions, service: GrpcMeshServiceProps = SERVICE): { objects: any[]; canary: GrpcCanary } {
  const chart = Testing.chart();
  const svc = new GrpcMeshService(chart, 'users', service);
  const canary = new GrpcCanary(chart, 'canary', { service: svc, ...options });
  return { objects: Testing.synth(chart), canary };
}

const weightsOf = (vs: any, rule = vs.spec.http.length - 1) => vs.spec.http[rule].route.map((r: any) => `${r.destination.subset}=${r.weight}`);

describe('GrpcCanary scenarios', () => {
  test.each(CANARY_SCENARIOS.map((s) => [s.id, s]))('%s: whole manifests, accepted by the validation engine', (_id, scenario) => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, scenario.service.name, scenario.service);
    new GrpcCanary(chart, 'canary', { service, ...scenario.canary });
    const objects = Testing.synth(chart);
    expect(errorsOf(validateObjects(objects))).toStrictEqual([]);
    expect(objects).toMatchSnapshot();
  });
});

describe('GrpcCanary rules', () => {
  test('defaults: subsets stable (service version) and canary v2, 90/10 on the one VirtualService', () => {
    const { objects } = synthCanary({});
    expect(objects.filter((o) => o.kind === 'VirtualService')).toHaveLength(1);
    expect(only(objects, 'DestinationRule').spec.subsets).toStrictEqual([{ name: 'stable', labels: { version: 'v1' } }, { name: 'canary', labels: { version: 'v2' } }]);
    expect(weightsOf(only(objects, 'VirtualService'))).toStrictEqual(['stable=90', 'canary=10']);
  });

  test('every per-method route gets the split and keeps its own retries and timeout', () => {
    const { objects } = synthCanary({ canaryWeight: 25 }, {
      ...SERVICE,
      protoService: 'u.v1.Users',
      methods: [{ name: 'Get', idempotency: Idempotency.NO_SIDE_EFFECTS, retries: { attempts: 4 } }, { name: 'Create', idempotency: Idempotency.NON_IDEMPOTENT }],
    });
    const vs = only(objects, 'VirtualService');
    expect(vs.spec.http.map((r: any) => [r.name, r.retries.attempts, ...weightsOf(vs, vs.spec.http.indexOf(r))]))
      .toStrictEqual([['u.v1.Users/Get', 4, 'stable=75', 'canary=25'], ['u.v1.Users/Create', 2, 'stable=75', 'canary=25'], ['grpc-default', 2, 'stable=75', 'canary=25']]);
  });

  test('additional subsets take their share from stable; the canary Deployment is created', () => {
    const { objects } = synthCanary({
      canaryWeight: 10,
      canaryWorkload: { image: IMAGE },
      additionalSubsets: [{ name: 'experiment', version: 'v3', weight: 5, workload: { image: IMAGE } }],
    }, { ...SERVICE, workload: { image: IMAGE } });
    expect(weightsOf(only(objects, 'VirtualService'))).toStrictEqual(['stable=85', 'canary=10', 'experiment=5']);
    expect(objects.filter((o) => o.kind === 'Deployment').map((d) => [d.metadata.name, d.spec.template.metadata.labels.version]))
      .toStrictEqual([['users-v1', 'v1'], ['users-v2', 'v2'], ['users-v3', 'v3']]);
  });


  test('header routes come first, repeat every route with the header, and go to the canary', () => {
    const { objects } = synthCanary({ headerRoutes: [{ header: 'x-canary' }] });
    const [first] = only(objects, 'VirtualService').spec.http;
    expect(first.match).toStrictEqual([{ headers: { 'content-type': { prefix: 'application/grpc' }, 'x-canary': { exact: 'true' } } }]);
    expect(first.route.map((r: any) => r.destination.subset)).toStrictEqual(['canary']);
  });

  test('mirroring copies a share of every route to the canary', () => {
    const { objects } = synthCanary({ mirrorPercent: 5 });
    const [route] = only(objects, 'VirtualService').spec.http;
    expect([route.mirror.subset, route.mirrorPercentage]).toStrictEqual(['canary', { value: 5 }]);
  });

  test('shift() moves the weight before synthesis; steps become an annotation and a plan', () => {
    const chart = Testing.chart();
    const svc = new GrpcMeshService(chart, 'users', SERVICE);
    const canary = new GrpcCanary(chart, 'canary', { service: svc, steps: [10, 50, 100] });
    expect(canary.shift(50).map((w) => w.weight)).toStrictEqual([50, 50]);
    const vs = only(Testing.synth(chart), 'VirtualService');
    expect(weightsOf(vs)).toStrictEqual(['stable=50', 'canary=50']);
    expect(vs.metadata.annotations['istio-grpc.dev/canary-steps']).toBe('10,50,100');
    expect(canary.rolloutPlan()).toMatch(/\| 2 \| 50% \| 50% \|/);
  });

  test.each([
    [{ canaryWeight: 101 }, /\[test\/canary\] canaryWeight: got 101; must be a whole number from 0 to 100/],
    [{ canaryWeight: 2.5 }, /canaryWeight: got 2.5; must be a whole number/],
    [{ canaryWeight: 60, additionalSubsets: [{ name: 'x', version: 'v3', weight: 50 }] }, /canaryWeight: got 60; with the additional subsets' weights the non-stable subsets get 110%/],
    [{ canaryVersion: 'v1' }, /canaryVersion: got "v1"; is the stable version too/],
    [{ headerRoutes: [{ header: 'x-canary', subset: 'canaryy' }] }, /headerRoutes\[0\]\.subset: got "canaryy"; is not a subset of this canary; did you mean canary\?/],
    [{ headerRoutes: [{ header: 'X-Canary' }] }, /headerRoutes\[0\]\.header: got "X-Canary"; must be a lower-case header name/],
    [{ additionalSubsets: [{ name: 'canary', version: 'v3', weight: 0 }] }, /additionalSubsets\[0\]\.name: got "canary"; is used by another subset/],
    [{ mirrorPercent: 0 }, /mirrorPercent: got 0; must be a percentage above 0/],
    [{ steps: [10, 5] }, /steps\[1\]: got 5; steps must increase/],
  ])('bad input %# is refused with path, field, value and fix', (options, message) => {
    expect(() => synthCanary(options as GrpcCanaryOptions)).toThrow(message);
  });

  test('a headless service cannot be split', () => {
    expect(() => synthCanary({}, { name: 'users', headless: true })).toThrow(/service: got "users"; is headless/);
  });

  test('a second canary on the same service is refused', () => {
    const chart = new Chart(Testing.app(), 'c');
    const svc = new GrpcMeshService(chart, 'users', SERVICE);
    new GrpcCanary(chart, 'one', { service: svc });
    expect(() => new GrpcCanary(chart, 'two', { service: svc })).toThrow(/\[c\/two\] service: got "users"; already has a canary \(c\/one\)/);
  });
});

describe('GrpcCanary rules: more input refused', () => {
  test.each([
    [{ steps: [10, 100], additionalSubsets: [{ name: 'exp', version: 'v3', weight: 5 }] }, /steps\[1\]: got 100; with the additional subsets' 5% the stable subset would get -5%\. Fix: plan canary weights of at most 95/],
    [{ headerRoutes: [{ header: 'x-canary' }, { header: 'x-canary', exact: 'true', subset: 'stable' }] }, /headerRoutes\[1\]: got "x-canary: true"; repeats headerRoutes\[0\], so calls would never reach this route/],
    [{ additionalSubsets: [{ name: 'v2', version: 'v2', weight: 5 }] }, /additionalSubsets\[0\]\.version: got "v2"; is the version of another subset/],
    [{ additionalSubsets: [{ name: 'Exp_1', version: 'v3', weight: 5 }] }, /additionalSubsets\[0\]\.name: got "Exp_1"; must be a DNS-1123 label/],
    [{ mirrorPercent: 101 }, /mirrorPercent: got 101; must be a percentage above 0 and at most 100/],
    [{ canaryVersion: '' }, /canaryVersion: got ""; a version label value is required/],
  ])('bad input %# is refused with path, field, value and fix', (options, message) => {
    expect(() => synthCanary(options as GrpcCanaryOptions)).toThrow(message);
  });

  test('the stable version must be the one the service\'s workload runs', () => {
    expect(() => synthCanary({ stableVersion: 'v0', canaryWorkload: { image: IMAGE } }, { ...SERVICE, workload: { image: IMAGE, version: 'v1' } }))
      .toThrow(/\[test\/canary\] stableVersion: got "v0"; the service's workload runs version v1.*Fix: leave stableVersion unset or set it to "v1"/);
  });

  test('a service selecting one version cannot be split', () => {
    expect(() => synthCanary({}, { ...SERVICE, selector: { app: 'users', version: 'v1' } }))
      .toThrow(/selector\.version: got "v1"; the Service must select every version.*Fix: remove version from selector/);
  });

  test('shift() refuses weights outside 0-100 or beyond what the additional subsets leave', () => {
    const { canary } = synthCanary({ additionalSubsets: [{ name: 'exp', version: 'v3', weight: 20 }] });
    expect(() => canary.shift(101)).toThrow(/\[test\/canary\] shift\(weight\): got 101; must be a whole number from 0 to 100/);
    expect(() => canary.shift(90)).toThrow(/shift\(weight\): got 90; with the additional subsets the non-stable share would be 110%/);
    expect(canary.weights.map((w) => w.weight)).toStrictEqual([70, 10, 20]);
  });

  test('one header matched on two values gives routes with distinct names', () => {
    const { objects } = synthCanary({ headerRoutes: [{ header: 'x-canary' }, { header: 'x-canary', exact: 'stable', subset: 'stable' }] });
    const names = only(objects, 'VirtualService').spec.http.map((r: any) => r.name);
    expect(names).toStrictEqual(['grpc-default-x-canary', 'grpc-default-x-canary-2', 'grpc-default']);
    // As the chart validates itself: its workloads are deployed from elsewhere.
    expect(errorsOf(validateObjects(objects, { workloads: 'partial' }))).toStrictEqual([]);
  });
});

describe('GrpcCanary with Argo Rollouts owning the weights', () => {
  const ARGO = { weightOwner: CanaryWeightOwner.ARGO_ROLLOUTS };

  test('subsets without version labels, routes at 100/0, the owner named on the VirtualService', () => {
    // GIVEN a canary whose weights Argo Rollouts moves; WHEN synthesized
    const { objects, canary } = synthCanary({ ...ARGO, headerRoutes: [{ header: 'x-canary' }] });
    // THEN Argo can label the subsets and set the weights of the two-destination route
    expect(only(objects, 'DestinationRule').spec.subsets).toStrictEqual([{ name: 'stable', labels: {} }, { name: 'canary', labels: {} }]);
    const vs = only(objects, 'VirtualService');
    expect(weightsOf(vs)).toStrictEqual(['stable=100', 'canary=0']);
    expect(vs.metadata.annotations).toStrictEqual({ 'istio-grpc.dev/canary-weight-owner': 'argo-rollouts', 'argocd.argoproj.io/sync-wave': '1' });
    expect(errorsOf(validateObjects(objects))).toStrictEqual([]);
    expect(canary.rolloutPlan()).toMatch(/moved by argo-rollouts/);
    expect(() => canary.shift(20)).toThrow(/\[test\/canary\] shift\(weight\): got 20; the weights belong to argo-rollouts/);
  });

  test.each([
    [{ canaryWeight: 10 }, /canaryWeight: got 10; cannot be used with weightOwner argo-rollouts: the Rollout's setWeight steps set the weights.*Fix: remove canaryWeight/],
    [{ steps: [10, 50] }, /steps: got \[10,50\]; cannot be used with weightOwner argo-rollouts/],
    [{ additionalSubsets: [{ name: 'exp', version: 'v3', weight: 5 }] }, /additionalSubsets: got .*; cannot be used with weightOwner argo-rollouts: Argo Rollouts splits between exactly two subsets/],
    [{ canaryWorkload: { image: IMAGE } }, /canaryWorkload: got .*; cannot be used with weightOwner argo-rollouts: the Rollout creates the pods/],
    [{ weightOwner: 'flagger' }, /weightOwner: got "flagger"; is not one of istio-grpc, argo-rollouts/],
  ])('moot input %# is refused', (options, message) => {
    expect(() => synthCanary({ ...ARGO, ...options } as GrpcCanaryOptions)).toThrow(message);
  });

  test('a service workload is refused: the Rollout creates the pods', () => {
    expect(() => synthCanary(ARGO, { ...SERVICE, workload: { image: IMAGE } })).toThrow(/service\.workload: got "users"; cannot be used with weightOwner argo-rollouts/);
  });
});

describe('GrpcCanary workloads', () => {
  test('creating some versions here but not others is refused', () => {
    expect(() => synthCanary({ canaryWorkload: { image: IMAGE } }))
      .toThrow(/\[test\/canary\] service\.workload: got "stable \(v1\)"; some versions get a Deployment here and these do not/);
    expect(() => synthCanary({}, { ...SERVICE, workload: { image: IMAGE } }))
      .toThrow(/canaryWorkload: got "canary \(v2\)"; some versions get a Deployment here/);
  });
});

describe('runbook of a split service', () => {
  test('names the service, its subsets with weights and the commands to run', () => {
    const chart = Testing.chart();
    const svc = new GrpcMeshService(chart, 'users', SERVICE);
    new GrpcCanary(chart, 'canary', { service: svc, canaryWeight: 20 });
    const markdown = svc.runbook();
    expect(markdown).toContain("istioctl x describe service 'users' -n 'shop'");
    expect(markdown).toMatch(/outbound\|50051\|canary\|users\.shop\.svc\.cluster\.local/);
    expect(markdown).toMatch(/```mermaid[\s\S]*20%/);
  });
});
