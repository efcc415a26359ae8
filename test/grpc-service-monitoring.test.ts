import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { Duration, GrpcMeshService, GrpcMeshServiceProps, GrpcServiceMonitoring, GrpcServiceMonitoringOptions, GrpcStatus, Idempotency, IstioGrpcError } from '../lib';
import { BUCKET_LABEL, GRPC_METHOD_LABEL, ISTIO_METRIC_LABELS, ISTIO_REQUEST_METRICS } from '../lib/core/observability/istio-metrics';
import { GrpcMeshService as PulumiGrpcMeshService, GrpcServiceMonitoring as PulumiGrpcServiceMonitoring } from '../lib/pulumi';
import { errorsOf, validateObjects } from '../lib/validate';
import { fillPlaceholders, parsePromQL } from './util/promql';
import { installPulumiMocks, registered, registeredManifests, valueOf } from './util/pulumi-mocks';
import { only } from './util/synth';

beforeAll(() => installPulumiMocks());
beforeEach(() => { registered.length = 0; });

const SERVICE: GrpcMeshServiceProps = {
  name: 'payments',
  namespace: 'billing',
  protoService: 'billing.v1.Payments',
  methods: [{ name: 'GetPayment', idempotency: Idempotency.NO_SIDE_EFFECTS }, { name: 'CreatePayment' }],
  workload: { image: 'registry.example.com/payments:1.0.0' },
};

function synth(options: GrpcServiceMonitoringOptions = {}, service: GrpcMeshServiceProps = SERVICE) {
  const chart = Testing.chart();
  const svc = new GrpcMeshService(chart, 'payments', service);
  const monitoring = new GrpcServiceMonitoring(chart, 'monitoring', { service: svc, ...options });
  return { objects: Testing.synth(chart), monitoring };
}

const DOCUMENTED_METRICS = new Set(ISTIO_REQUEST_METRICS.flatMap((m) => [m, `${m}_bucket`, `${m}_sum`, `${m}_count`]));
const KNOWN_LABELS = new Set([...ISTIO_METRIC_LABELS, GRPC_METHOD_LABEL, BUCKET_LABEL]);

/** Grafana's `$__rate_interval` is not PromQL: Grafana fills it in before it queries. */
const grafanaFilled = (expr: string) => fillPlaceholders(expr).replace(/\$__rate_interval/g, '5m');

function expectSound(query: string): void {
  const parsed = parsePromQL(grafanaFilled(query));
  expect({ query, errors: parsed.errors }).toStrictEqual({ query, errors: [] });
  expect(parsed.metrics.length).toBeGreaterThan(0);
  for (const metric of parsed.metrics) expect({ metric, documented: DOCUMENTED_METRICS.has(metric) }).toStrictEqual({ metric, documented: true });
  for (const label of parsed.labels) expect({ label, known: KNOWN_LABELS.has(label) }).toStrictEqual({ label, known: true });
}

const dashboardOf = (objects: any[]) => JSON.parse(Object.values(only(objects, 'ConfigMap').data as Record<string, string>)[0]);
const exprsOf = (objects: any[]) => [
  ...dashboardOf(objects).panels.flatMap((p: any) => p.targets.map((t: any) => t.expr)),
  ...only(objects, 'PrometheusRule').spec.groups.flatMap((g: any) => g.rules.map((r: any) => r.expr)),
];

describe('GrpcServiceMonitoring (GIVEN a service with its method label)', () => {
  const { objects, monitoring } = synth({ ruleLabels: { release: 'kube-prometheus-stack' } }, { ...SERVICE, methodMetrics: true });

  test('THEN a PrometheusRule and a dashboard ConfigMap for the Grafana sidecar, accepted by the engine', () => {
    expect(errorsOf(validateObjects(objects))).toStrictEqual([]);
    const configMap = only(objects, 'ConfigMap');
    expect(configMap.metadata.labels.grafana_dashboard).toBe('1');
    expect(only(objects, 'PrometheusRule').metadata.labels.release).toBe('kube-prometheus-stack');
    expect(objects.filter((o) => ['PrometheusRule', 'ConfigMap'].includes(o.kind))).toMatchSnapshot();
  });

  test('THEN the dashboard has the calls by method and status, error ratio, p50/p99, versions and response flags', () => {
    const dashboard = dashboardOf(objects);
    expect(dashboard.panels.map((p: any) => p.title)).toStrictEqual([
      'Calls per second by method and gRPC status', 'Error ratio', 'Latency p50 and p99', 'Calls per second by version', 'Envoy response flags',
    ]);
    expect(dashboard.panels[0].targets[0].expr).toContain('sum by (grpc_method, grpc_response_status)');
    expect(dashboard.uid.length).toBeLessThanOrEqual(40);
    expect(JSON.parse(monitoring.dashboardJson())).toStrictEqual(dashboard);
  });

  test('THEN every panel query and alert expression parses as PromQL on documented metric and label names', () => {
    const exprs = exprsOf(objects);
    expect(exprs).toHaveLength(9);
    exprs.forEach(expectSound);
  });

  test('THEN the alerts count failures by grpc_response_status, never response_code, per method', () => {
    const rules = only(objects, 'PrometheusRule').spec.groups[0].rules;
    expect(rules.map((r: any) => r.alert)).toStrictEqual(['GrpcErrorRatioHigh', 'GrpcErrorRatioByStatusHigh', 'GrpcLatencyP99High']);
    for (const r of rules.slice(0, 2)) expect(r.expr).toContain('grpc_response_status=~"2|4|12|13|14|15"');
    for (const r of rules) expect(r.expr).toContain(GRPC_METHOD_LABEL);
    for (const expr of exprsOf(objects)) expect(expr).not.toContain('response_code');
    expect(rules.map((r: any) => r.for)).toStrictEqual(['5m', '5m', '5m']);
  });
});

describe('GrpcServiceMonitoring options', () => {
  test('without the method label the figures are per service, and only the chosen objects are emitted', () => {
    const { objects, monitoring } = synth({ dashboard: false, maxErrorRatio: 0.05, failureStatuses: [GrpcStatus.UNAVAILABLE] });
    expect(objects.filter((o) => o.kind === 'ConfigMap')).toStrictEqual([]);
    expect(monitoring.dashboard).toBeUndefined();
    const rules = only(objects, 'PrometheusRule').spec.groups[0].rules;
    expect(rules[0].expr).toContain('grpc_response_status=~"14"');
    expect(rules[0].expr).toMatch(/\) > 0\.05$/);
    for (const r of rules) expect(r.expr).not.toContain(GRPC_METHOD_LABEL);
  });

  test.each([
    ['neither alerts nor dashboard', { alerts: false, dashboard: false }, /alerts.*nothing would be emitted/],
    ['OK as a failure', { failureStatuses: [GrpcStatus.OK] }, /failureStatuses\[0\]/],
    ['a ratio of 0', { maxErrorRatio: 0 }, /maxErrorRatio/],
    ['a 10s window', { window: Duration.seconds(10) }, /window/],
    ['a bad rule label', { ruleLabels: { 'bad key!': 'x' } }, /ruleLabels/],
    ['an unknown prop', { dashbord: false }, /dashbord/],
  ] as [string, unknown, RegExp][])('refuses %s', (_name, options, message) => {
    expect(() => synth(options as GrpcServiceMonitoringOptions)).toThrow(IstioGrpcError);
    expect(() => synth(options as GrpcServiceMonitoringOptions)).toThrow(message);
  });

  test('property: any accepted options give parseable queries on documented names that the engine accepts', () => {
    const statuses = Object.values(GrpcStatus).filter((s) => s !== GrpcStatus.OK);
    fc.assert(fc.property(fc.record({
      failureStatuses: fc.option(fc.subarray(statuses, { minLength: 1 }), { nil: undefined }),
      maxErrorRatio: fc.option(fc.double({ min: 0.0001, max: 0.99, noNaN: true }), { nil: undefined }),
      maxP99Latency: fc.option(fc.integer({ min: 1, max: 60_000 }).map((ms) => Duration.millis(ms)), { nil: undefined }),
      window: fc.option(fc.integer({ min: 30, max: 7200 }).map((s) => Duration.seconds(s)), { nil: undefined }),
      alertFor: fc.option(fc.integer({ min: 0, max: 7200 }).map((s) => Duration.seconds(s)), { nil: undefined }),
    }), fc.boolean(), (options, methodMetrics) => {
      const { objects } = synth(options, { ...SERVICE, methodMetrics });
      exprsOf(objects).forEach(expectSound);
      // The version and response-flag panels are per service whatever the label.
      for (const e of exprsOf(objects).filter((x) => !/by \((destination_version|response_flags)/.test(x))) expect(e.includes(GRPC_METHOD_LABEL)).toBe(methodMetrics);
      expect(errorsOf(validateObjects(objects))).toStrictEqual([]);
    }), { numRuns: 40, seed: 20261202 });
  });
});

describe('Pulumi GrpcServiceMonitoring', () => {
  test('registers exactly what cdk8s synthesizes, and the same dashboard JSON', async () => {
    const props = { ...SERVICE, methodMetrics: true };
    const { objects, monitoring } = synth({ dashboardNamespace: 'grafana' }, props);
    const service = new PulumiGrpcMeshService('payments', props);
    const component = new PulumiGrpcServiceMonitoring('payments-monitoring', { service, dashboardNamespace: 'grafana' });
    const manifests = await registeredManifests([...service.resources, ...component.resources]);
    const byIdentity = (a: any, b: any) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`);
    expect([...manifests].sort(byIdentity)).toStrictEqual([...objects].sort(byIdentity));
    expect(only(manifests, 'ConfigMap').metadata.namespace).toBe('grafana');
    expect(await valueOf(component.dashboardJson)).toBe(monitoring.dashboardJson());
  });

  test('bad props throw the cdk8s message at construction', () => {
    const service = new PulumiGrpcMeshService('ledger', { name: 'ledger' });
    expect(() => new PulumiGrpcServiceMonitoring('ledger-monitoring', { service, alerts: false, dashboard: false })).toThrow(/\[ledger-monitoring\] alerts/);
  });
});

describe('GrpcServiceMonitoring alert text', () => {
  test('the threshold prints as a short percentage (no floating-point tail)', () => {
    const { objects } = synth({ dashboard: false, maxErrorRatio: 0.07 });
    expect(only(objects, 'PrometheusRule').spec.groups[0].rules[0].annotations.summary).toBe('gRPC calls to payments.billing fail above 7%');
  });
});
