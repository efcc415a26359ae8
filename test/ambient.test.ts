import { Testing } from 'cdk8s';
import fc from 'fast-check';
import { AMBIENT_SCENARIOS } from '../examples/cdk8s/ambient-scenarios';
import {
  DataPlane, Duration, GrpcCanary, GrpcIngress, GrpcMeshService, GrpcMeshServiceProps, Idempotency, LoadBalancer, principalOf, RetryOn, RoutingApi,
} from '../lib';
import { validMeshServicePropsArb } from './util/arbitraries';
import { only, synthMeshService, synthOrRefused } from './util/synth';
import { l7PropsOf } from '../lib/core/ambient/l7-props';
import { validateObjects } from '../lib/validate/engine';

const AMBIENT = { dataPlane: DataPlane.AMBIENT } as const;
const kinds = (objects: any[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`);

function synthScenario(scenario: (typeof AMBIENT_SCENARIOS)[number]): any[] {
  const chart = Testing.chart();
  const service = new GrpcMeshService(chart, scenario.service.name, scenario.service);
  if (scenario.canary) new GrpcCanary(chart, 'canary', { service, ...scenario.canary });
  return Testing.synth(chart);
}

describe('ambient scenarios', () => {
  test.each(AMBIENT_SCENARIOS.map((s) => [s.id, s] as const))('%s synthesizes the pinned manifests', (_id, scenario) => {
    expect(synthScenario(scenario)).toMatchSnapshot();
  });
});

describe('ambient pods', () => {
  test('carry istio.io/dataplane-mode: ambient, and neither the sidecar injection label nor the ProxyConfig annotation', () => {
    // GIVEN / WHEN
    const deployment = only(synthMeshService({ name: 'users', ...AMBIENT, workload: { image: 'r.example.com/users:1' } }), 'Deployment');
    // THEN
    expect(deployment.spec.template.metadata).toStrictEqual({ labels: { 'app': 'users', 'version': 'v1', 'istio.io/dataplane-mode': 'ambient' } });
  });

  test('sidecar pods keep the injection label and ProxyConfig', () => {
    const deployment = only(synthMeshService({ name: 'users', workload: { image: 'r.example.com/users:1' } }), 'Deployment');
    expect(deployment.spec.template.metadata.labels['sidecar.istio.io/inject']).toBe('true');
    expect(deployment.spec.template.metadata.annotations['proxy.istio.io/config']).toMatch(/holdApplicationUntilProxyStarts/);
  });

  test('the canary Deployments are ambient pods too', () => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'users', { name: 'users', ...AMBIENT, waypoint: true, workload: { image: 'r.example.com/users:1' } });
    new GrpcCanary(chart, 'canary', { service, canaryWorkload: { image: 'r.example.com/users:2' } });
    const deployments = Testing.synth(chart).filter((o) => o.kind === 'Deployment');
    expect(deployments.map((d) => d.spec.template.metadata.labels)).toStrictEqual([
      { 'app': 'users', 'version': 'v1', 'istio.io/dataplane-mode': 'ambient' },
      { 'app': 'users', 'version': 'v2', 'istio.io/dataplane-mode': 'ambient' },
    ]);
  });
});

describe('ambient without a waypoint (L4)', () => {
  test('renders no waypoint and no VirtualService; the caller policy stays a pod selector with principals and namespaces', () => {
    // GIVEN service-wide callers only: L4 attributes ztunnel enforces
    const objects = synthMeshService({ name: 'users', ...AMBIENT, allowedPrincipals: [principalOf('web', 'frontend')] });
    // THEN
    expect(kinds(objects)).toStrictEqual(['Service/users', 'DestinationRule/users', 'PeerAuthentication/users', 'AuthorizationPolicy/users']);
    expect(only(objects, 'Service').metadata.labels).toStrictEqual({ 'app.kubernetes.io/name': 'users', 'app.kubernetes.io/managed-by': 'istio-grpc' });
    expect(only(objects, 'AuthorizationPolicy').spec).toStrictEqual({
      selector: { matchLabels: { app: 'users' } },
      action: 'ALLOW',
      rules: [{ from: [{ source: { principals: ['cluster.local/ns/web/sa/frontend'] } }] }],
    });
  });

  test('warns IGR5003: calls are balanced per connection', () => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'users', { name: 'users', ...AMBIENT });
    expect(service.warnings).toStrictEqual([
      '[test/users] warning IGR5003 Service default/users: waypoint: ambient mode without a waypoint: ztunnel balances connections, not calls, so all calls of a gRPC client\'s HTTP/2 connection go to one pod, and no route, retry or timeout applies; set waypoint: true for per-call balancing',
    ]);
    expect(service.virtualService).toBeUndefined();
    expect(service.waypoint).toBeUndefined();
  });

  test('methods that only declare idempotency or streaming need no waypoint', () => {
    const objects = synthMeshService({ name: 'users', ...AMBIENT, protoService: 'u.v1.U', methods: [{ name: 'Get', idempotency: Idempotency.IDEMPOTENT }] });
    expect(objects.some((o) => o.kind === 'Gateway' || o.kind === 'VirtualService')).toBe(false);
  });
});

/** One prop of each kind that needs an L7 proxy, with the field the refusal names. */
const L7_CASES: readonly [string, Partial<GrpcMeshServiceProps>][] = [
  ['timeout', { timeout: Duration.seconds(2) }],
  ['retries', { retries: { attempts: 2, retryOn: [RetryOn.UNAVAILABLE] } }],
  ['methods[0].timeout', { protoService: 'u.v1.U', methods: [{ name: 'Get', timeout: Duration.seconds(1) }] }],
  ['methods[0].allowedPrincipals', { protoService: 'u.v1.U', methods: [{ name: 'Get', allowedPrincipals: ['cluster.local/ns/a/sa/b'] }], denyUnlisted: true }],
  ['accessLogs', { accessLogs: true }],
  ['loadBalancer', { loadBalancer: LoadBalancer.ROUND_ROBIN }],
  ['connectionPool', { connectionPool: { http2MaxRequests: 500 } }],
];

describe('the waypoint', () => {
  test.each(L7_CASES)('is created automatically for %s', (_field, extra) => {
    // GIVEN an ambient service with one L7 prop; WHEN synthesized
    const objects = synthMeshService({ name: 'users', namespace: 'shop', ...AMBIENT, ...extra });
    // THEN a waypoint for service traffic, and the Service sends its traffic (ingress included) through it
    expect(only(objects, 'Gateway')).toStrictEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: {
        name: 'users-waypoint',
        namespace: 'shop',
        labels: { 'app.kubernetes.io/name': 'users', 'app.kubernetes.io/managed-by': 'istio-grpc', 'istio.io/waypoint-for': 'service' },
      },
      spec: { gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
    });
    expect(only(objects, 'Service').metadata.labels).toMatchObject({ 'istio.io/use-waypoint': 'users-waypoint', 'istio.io/ingress-use-waypoint': 'true' });
    expect(only(objects, 'VirtualService')).toBeDefined();
  });

  test.each(L7_CASES)('waypoint: false refuses %s with the reason', (field, extra) => {
    expect(() => synthMeshService({ name: 'users', ...AMBIENT, waypoint: false, ...extra }))
      .toThrow(new RegExp(`^\\[test/svc\\] ${field.replace(/[[\]]/g, '\\$&')}: got "set"; needs an L7 proxy, which in ambient mode is a waypoint, and waypoint is false: ztunnel forwards whole connections and would ignore it\\. Fix: remove ${field.replace(/[[\]]/g, '\\$&')}.*, or remove waypoint: false$`));
  });

  test('the L7 props listed are exactly the ones given, in order', () => {
    expect(l7PropsOf({ name: 'u', timeout: Duration.seconds(1), accessLogs: false, methods: [{ name: 'A' }, { name: 'B', retries: { attempts: 1 } }] }))
      .toStrictEqual(['timeout', 'methods[1].retries']);
  });

  test('waypoint: true without L7 props creates one, and warns IGR5004 that VirtualService on a waypoint is Alpha', () => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'users', { name: 'users', ...AMBIENT, waypoint: true });
    expect(service.waypoint).toBeDefined();
    expect(service.warnings).toStrictEqual([
      '[test/users] warning IGR5004 Service default/users: routingApi: the waypoint applies the VirtualService, which Istio supports in ambient mode at Alpha level only; RoutingApi.GATEWAY_API (GRPCRoute) is the routing API waypoints support',
    ]);
  });

  test('a shared waypoint is named on the Service and in the policies, and not created', () => {
    const objects = synthMeshService({ name: 'users', namespace: 'shop', ...AMBIENT, sharedWaypoint: 'waypoint', allowedNamespaces: ['web'] });
    expect(objects.some((o) => o.kind === 'Gateway')).toBe(false);
    expect(only(objects, 'Service').metadata.labels['istio.io/use-waypoint']).toBe('waypoint');
    const pods = objects.find((o) => o.metadata.name === 'users-via-waypoint');
    expect(pods.spec.rules).toStrictEqual([{ from: [{ source: { principals: ['*/ns/shop/sa/waypoint'] } }] }]);
  });

  test('behind a waypoint, callers are checked at the waypoint by targetRefs and the pods admit only the waypoint', () => {
    // GIVEN per-method callers (paths: L7)
    const objects = synthMeshService({
      name: 'users',
      namespace: 'shop',
      ...AMBIENT,
      protoService: 'u.v1.U',
      methods: [{ name: 'Delete', allowedPrincipals: [principalOf('ops', 'admin')] }],
      allowedNamespaces: ['web'],
    });
    const policies = objects.filter((o) => o.kind === 'AuthorizationPolicy');
    // THEN
    expect(policies.map((p) => p.metadata.name)).toStrictEqual(['users', 'users-via-waypoint']);
    expect(policies[0].spec.selector).toBeUndefined();
    expect(policies[0].spec.targetRefs).toStrictEqual([{ group: '', kind: 'Service', name: 'users' }]);
    expect(policies[0].spec.rules[0].to).toStrictEqual([{ operation: { paths: ['/u.v1.U/Delete'] } }]);
    expect(policies[1].spec).toStrictEqual({
      selector: { matchLabels: { app: 'users' } },
      action: 'ALLOW',
      rules: [{ from: [{ source: { principals: ['*/ns/shop/sa/users-waypoint'] } }] }],
    });
  });

  test('Telemetry targets the Service at the waypoint', () => {
    const telemetry = only(synthMeshService({ name: 'users', ...AMBIENT, accessLogs: true }), 'Telemetry');
    expect(telemetry.spec.targetRefs).toStrictEqual([{ group: '', kind: 'Service', name: 'users' }]);
    expect(telemetry.spec.selector).toBeUndefined();
  });

  test('without restricted callers there is no policy at all', () => {
    expect(synthMeshService({ name: 'users', ...AMBIENT, waypoint: true }).some((o) => o.kind === 'AuthorizationPolicy')).toBe(false);
  });

  test('an ingress in front of an ambient service goes through its waypoint (ingress-use-waypoint)', () => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'users', { name: 'users', ...AMBIENT, allowedNamespaces: ['web'], timeout: Duration.seconds(3) });
    new GrpcIngress(chart, 'ingress', { service, hosts: ['users.example.com'], tls: { credentialName: 'users-tls' } });
    const objects = Testing.synth(chart);
    expect(objects.find((o) => o.kind === 'Service').metadata.labels['istio.io/ingress-use-waypoint']).toBe('true');
  });
});

test('an ingress in front of an L4 ambient service routes to it directly (the ingress gateway is an L7 proxy)', () => {
  const chart = Testing.chart();
  const service = new GrpcMeshService(chart, 'users', { name: 'users', ...AMBIENT });
  new GrpcIngress(chart, 'ingress', { service, hosts: ['users.example.com'], tls: { credentialName: 'users-tls' } });
  const objects = Testing.synth(chart);
  expect(objects.filter((o) => o.kind === 'VirtualService').map((v) => v.spec.gateways)).toStrictEqual([[expect.any(String)]]);
  expect(objects.find((o) => o.kind === 'Service').metadata.labels['istio.io/ingress-use-waypoint']).toBeUndefined();
});

describe('ambient with Gateway API routing', () => {
  test('without a waypoint there is no GRPCRoute; with one the GRPCRoute is rendered and no Alpha warning is given', () => {
    const gamma = { name: 'users', ...AMBIENT, routingApi: RoutingApi.GATEWAY_API } as const;
    expect(synthMeshService(gamma).some((o) => o.kind === 'GRPCRoute')).toBe(false);
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'users', { ...gamma, waypoint: true, meshDefaultRetriesDisabled: true });
    expect(service.grpcRoute).toBeDefined();
    expect(service.waypoint).toBeDefined();
    expect(service.warnings.filter((w) => /IGR5004/.test(w))).toStrictEqual([]);
  });
});

describe('lint of ambient pods', () => {
  const l4 = () => synthMeshService({ name: 'users', ...AMBIENT, allowedNamespaces: ['web'], workload: { image: 'r.example.com/u:1' } });
  const codes = (objects: any[]) => validateObjects(objects, { workloads: 'complete' }).map((f) => `${f.code} ${f.resource.kind}/${f.resource.name}`);

  test('pods labelled istio.io/dataplane-mode: ambient are in the mesh, so a policy selecting them applies to something', () => {
    expect(codes(l4())).not.toContainEqual(expect.stringMatching(/^IST0127 /));
  });

  test('a pod that opts out with dataplane-mode none is not, even in an ambient namespace', () => {
    const objects = l4().map((o) => (o.kind === 'Deployment'
      ? { ...o, spec: { ...o.spec, template: { ...o.spec.template, metadata: { labels: { ...o.spec.template.metadata.labels, 'istio.io/dataplane-mode': 'none' } } } } }
      : o));
    const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { 'istio.io/dataplane-mode': 'ambient' } } };
    expect(codes([...objects, namespace])).toContainEqual('IST0127 AuthorizationPolicy/users');
  });
});

describe('ambient refusals', () => {
  test.each(['waypoint', 'sharedWaypoint'] as const)('%s on sidecar pods', (field) => {
    const value = field === 'waypoint' ? true : 'waypoint';
    expect(() => synthMeshService({ name: 'users', [field]: value }))
      .toThrow(new RegExp(`^\\[test/svc\\] ${field}: got .*; only ambient pods use a waypoint; sidecar pods run their own L7 proxy\\. Fix: remove ${field}, or set dataPlane: DataPlane\\.AMBIENT$`));
  });

  test.each([
    ['drainDuration', { drainDuration: Duration.seconds(20) }],
    ['exitOnZeroActiveConnections', { exitOnZeroActiveConnections: false }],
  ] as const)('lifecycle.%s, which only the sidecar reads', (field, lifecycle) => {
    expect(() => synthMeshService({ name: 'users', ...AMBIENT, workload: { image: 'r.example.com/u:1' }, lifecycle }))
      .toThrow(new RegExp(`^\\[test/svc\\] lifecycle\\.${field}: got .*; configures the Istio sidecar's drain, and ambient pods have no sidecar .*Fix: remove lifecycle\\.${field}; preStopDelay and terminationGracePeriod still apply$`));
  });

  test('the rest of the lifecycle profile applies to ambient pods', () => {
    const deployment = only(synthMeshService({ name: 'users', ...AMBIENT, workload: { image: 'r.example.com/u:1' }, lifecycle: { preStopDelay: Duration.seconds(7) } }), 'Deployment');
    expect(deployment.spec.template.spec.containers[0].lifecycle).toStrictEqual({ preStop: { exec: { command: ['sleep', '7'] } } });
    expect(deployment.spec.template.metadata.annotations).toBeUndefined();
  });

  test('sharedWaypoint with waypoint: false', () => {
    expect(() => synthMeshService({ name: 'users', ...AMBIENT, waypoint: false, sharedWaypoint: 'waypoint' }))
      .toThrow(/^\[test\/svc\] sharedWaypoint: got "waypoint"; names a waypoint while waypoint is false\. Fix: remove sharedWaypoint/);
  });

  test('a sharedWaypoint that is not a DNS label', () => {
    expect(() => synthMeshService({ name: 'users', ...AMBIENT, sharedWaypoint: 'Way_Point' })).toThrow(/^\[test\/svc\] sharedWaypoint: got "Way_Point"; must be a DNS-1123 label/);
  });

  test('a name too long for its waypoint', () => {
    const name = 'a'.repeat(55);
    expect(() => synthMeshService({ name, ...AMBIENT, waypoint: true }))
      .toThrow(/^\[test\/svc\] name: got "a{55}"; the service's waypoint would be named a{55}-waypoint, longer than the 63 characters .*Fix: shorten name to at most 54 characters, or set sharedWaypoint$/);
    expect(() => synthMeshService({ name: 'a'.repeat(54), ...AMBIENT, waypoint: true })).not.toThrow();
  });

  test('a canary on an ambient service without a waypoint', () => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'users', { name: 'users', ...AMBIENT });
    expect(() => new GrpcCanary(chart, 'canary', { service }))
      .toThrow(/^\[test\/canary\] service: got "users"; is in ambient mode without a waypoint, and a canary split .* is applied per call by a waypoint; .*Fix: set waypoint: true \(or sharedWaypoint\) on the GrpcMeshService$/);
  });
});

describe('ambient mode over generated props', () => {
  const modeArb = fc.record({
    dataPlane: fc.constantFrom(DataPlane.SIDECAR, DataPlane.AMBIENT, undefined),
    routingApi: fc.constantFrom(RoutingApi.ISTIO, undefined),
    waypoint: fc.constantFrom(true, false, undefined),
    sharedWaypoint: fc.constantFrom('waypoint', undefined),
  });

  test('either refuses with IstioGrpcError, or the waypoint, its labels and the policies agree', () => {
    const outcomes = new Set<string>();
    // Half the inputs keep only props ztunnel can serve, so both sides of the waypoint decision occur.
    fc.assert(fc.property(validMeshServicePropsArb, modeArb, fc.boolean(), (generated, mode, l4Only) => {
      const base = l4Only ? withoutL7Props(generated) : generated;
      const props = { ...base, ...Object.fromEntries(Object.entries(mode).filter(([, v]) => v !== undefined)) } as GrpcMeshServiceProps;
      const objects = synthOrRefused(props);
      if (!objects) {
        outcomes.add('rejected');
        return;
      }
      const service = only(objects, 'Service');
      const pods = objects.filter((o) => o.kind === 'Deployment').map((d) => d.spec.template.metadata);
      const gateways = objects.filter((o) => o.kind === 'Gateway');
      const useWaypoint = service.metadata.labels['istio.io/use-waypoint'];
      const policies = objects.filter((o) => o.kind === 'AuthorizationPolicy');
      if (props.dataPlane !== DataPlane.AMBIENT) {
        // Sidecar mode is unchanged: no ambient object or label.
        expect(gateways).toHaveLength(0);
        expect(useWaypoint).toBeUndefined();
        pods.forEach((p) => expect(p.labels['sidecar.istio.io/inject']).toBe('true'));
        outcomes.add('sidecar');
        return;
      }
      pods.forEach((p) => {
        expect(p.labels['istio.io/dataplane-mode']).toBe('ambient');
        expect(p.labels['sidecar.istio.io/inject']).toBeUndefined();
        expect(p.annotations).toBeUndefined();
      });
      const hasWaypoint = useWaypoint !== undefined;
      // A waypoint exactly when asked for, named by the label, created unless shared.
      expect(hasWaypoint).toBe(props.waypoint ?? (props.sharedWaypoint !== undefined || l7PropsOf(props).length > 0));
      expect(gateways.map((g) => g.metadata.name)).toStrictEqual(hasWaypoint && !props.sharedWaypoint ? [useWaypoint] : []);
      expect(objects.some((o) => o.kind === 'VirtualService')).toBe(hasWaypoint);
      for (const policy of policies) {
        const paths = JSON.stringify(policy.spec.rules).includes('aths"');
        // Rules on paths are only enforced at the waypoint, never by a selector (ztunnel).
        if (paths) expect(policy.spec.targetRefs).toBeDefined();
        if (!hasWaypoint) expect(policy.spec.selector).toBeDefined();
      }
      if (hasWaypoint && policies.length) expect(policies.map((p) => p.metadata.name)).toContain(`${props.name}-via-waypoint`);
      outcomes.add(hasWaypoint ? 'waypoint' : 'l4');
    }), { numRuns: 200, seed: 20261202 });
    expect(outcomes).toStrictEqual(new Set(['rejected', 'sidecar', 'waypoint', 'l4']));
  });
});

/** The props without any that need an L7 proxy (and without methods, whose settings may). */
function withoutL7Props(props: GrpcMeshServiceProps): GrpcMeshServiceProps {
  const l7 = new Set(l7PropsOf({ ...props, methods: [] }));
  return Object.fromEntries(Object.entries(props).filter(([key]) => !l7.has(key) && key !== 'methods')) as unknown as GrpcMeshServiceProps;
}
