import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { CANARY_SCENARIOS } from '../examples/cdk8s/canary-scenarios';
import { AnalysisController, Duration, GrpcMeshService, GrpcMeshServiceProps, GrpcStatus, Idempotency, IstioGrpcError } from '../lib';
import { fillPlaceholders, parsePromQL } from './util/promql';
import { CanaryAnalysisProps } from '../lib/core/canary/analysis-props';
import { CanaryWeightOwner } from '../lib/core/canary/canary-props';
import { DEFAULT_FAILURE_STATUSES, GRPC_STATUS_CODES } from '../lib/core/observability/grpc-status';
import { BUCKET_LABEL, GRPC_METHOD_LABEL, ISTIO_METRIC_LABELS, ISTIO_REQUEST_METRICS } from '../lib/core/observability/istio-metrics';
import { methodTagExpression } from '../lib/core/observability/method-metrics';
import { GrpcCanary } from '../lib/grpc-canary';
import { errorsOf, validateObjects } from '../lib/validate';
import { only } from './util/synth';

const SCENARIO = CANARY_SCENARIOS.find((s) => s.id === 'canary-grpc-analysis')!;
const SERVICE: GrpcMeshServiceProps = {
  name: 'payments',
  namespace: 'billing',
  protoService: 'billing.v1.Payments',
  methods: [{ name: 'GetPayment', idempotency: Idempotency.NO_SIDE_EFFECTS }, { name: 'CreatePayment' }],
};

function synth(analysis: CanaryAnalysisProps, service: GrpcMeshServiceProps = SERVICE) {
  const chart = Testing.chart();
  const svc = new GrpcMeshService(chart, 'payments', service);
  const canary = new GrpcCanary(chart, 'canary', { service: svc, weightOwner: CanaryWeightOwner.ARGO_ROLLOUTS, analysis });
  return { objects: Testing.synth(chart), canary };
}

/** Every PromQL query the analysis objects hold. */
function queriesOf(objects: any[]): string[] {
  return objects.flatMap((o) => {
    if (o.kind === 'AnalysisTemplate') return o.spec.metrics.map((m: any) => m.provider.prometheus.query);
    if (o.kind === 'MetricTemplate') return [o.spec.query];
    return [];
  });
}

const DOCUMENTED_METRICS = new Set(ISTIO_REQUEST_METRICS.flatMap((m) => [m, `${m}_bucket`, `${m}_sum`, `${m}_count`]));
const KNOWN_LABELS = new Set([...ISTIO_METRIC_LABELS, GRPC_METHOD_LABEL, BUCKET_LABEL]);

/** Each query parses with Prometheus's grammar and names only Istio's documented metrics and labels. */
function expectSoundQueries(queries: readonly string[]): void {
  for (const query of queries) {
    const parsed = parsePromQL(fillPlaceholders(query));
    expect({ query, errors: parsed.errors }).toStrictEqual({ query, errors: [] });
    expect(parsed.metrics.length).toBeGreaterThan(0);
    for (const metric of parsed.metrics) {
      expect({ query, metric, documented: DOCUMENTED_METRICS.has(metric) }).toStrictEqual({ query, metric, documented: true });
    }
    for (const label of parsed.labels) expect({ query, label, known: KNOWN_LABELS.has(label) }).toStrictEqual({ query, label, known: true });
  }
}

describe('canary analysis (GIVEN the example with both controllers, per method)', () => {
  const chart = Testing.chart();
  const service = new GrpcMeshService(chart, SCENARIO.service.name, { ...SCENARIO.service, methodMetrics: true });
  const canary = new GrpcCanary(chart, 'canary', { service, ...SCENARIO.canary });
  const objects = Testing.synth(chart);

  test('THEN an AnalysisTemplate, two MetricTemplates and the grpc_method Telemetry, accepted by the engine', () => {
    expect(objects.map((o) => o.kind).filter((k) => /Template|Telemetry/.test(k))).toStrictEqual(['Telemetry', 'AnalysisTemplate', 'MetricTemplate', 'MetricTemplate']);
    // Argo Rollouts creates the pods, so selectors are judged as partial input.
    expect(errorsOf(validateObjects(objects, { workloads: 'partial' }))).toStrictEqual([]);
    expect(objects.filter((o) => /Template|Telemetry/.test(o.kind))).toMatchSnapshot();
  });

  test('THEN failures are counted by grpc_response_status with the chosen codes, never by response_code', () => {
    const queries = queriesOf(objects);
    const errorQueries = queries.filter((q) => q.includes('grpc_response_status'));
    expect(errorQueries).toHaveLength(2);
    for (const q of errorQueries) expect(q).toContain('grpc_response_status=~"2|4|8|13|14|15"');
    for (const q of queries) expect(q).not.toContain('response_code');
  });

  test('THEN Argo reads the canary by its version label (an argument the Rollout can pass), Flagger by its target', () => {
    const template = only(objects, 'AnalysisTemplate');
    expect(template.spec.args).toStrictEqual([{ name: 'canary-version', value: 'v2' }]);
    expect(template.spec.metrics.map((m: any) => [m.name, m.interval, m.successCondition])).toStrictEqual([
      ['grpc-error-ratio', '2m', 'result[0] <= 0.005'],
      ['grpc-p99-latency', '2m', 'result[0] <= 300'],
    ]);
    for (const m of template.spec.metrics) expect(m.provider.prometheus.query).toContain('destination_version="{{args.canary-version}}"');
    for (const t of objects.filter((o) => o.kind === 'MetricTemplate')) expect(t.spec.query).toContain('destination_workload="{{ target }}"');
  });

  test('THEN every query parses as PromQL and names only documented metrics and labels', () => {
    expectSoundQueries(queriesOf(objects));
  });

  test('THEN flaggerMetrics references the MetricTemplates with the thresholds', () => {
    expect(canary.flaggerMetrics).toStrictEqual([
      { name: 'grpc-error-ratio', templateRef: { name: 'payments-grpc-error-ratio', namespace: 'billing' }, thresholdRange: { max: 0.005 }, interval: '2m' },
      { name: 'grpc-p99-latency', templateRef: { name: 'payments-grpc-p99-latency', namespace: 'billing' }, thresholdRange: { max: 300 }, interval: '2m' },
    ]);
  });
});

describe('canary analysis defaults', () => {
  test('one controller, the default server-side failure statuses, 1%, 500ms, 1m, Istio\'s Prometheus add-on', () => {
    const { objects, canary } = synth({ controllers: [AnalysisController.ARGO_ROLLOUTS] });
    expect(objects.filter((o) => o.kind === 'MetricTemplate')).toStrictEqual([]);
    expect(canary.flaggerMetrics).toStrictEqual([]);
    const [ratio, latency] = only(objects, 'AnalysisTemplate').spec.metrics;
    expect(ratio.provider.prometheus.address).toBe('http://prometheus.istio-system.svc:9090');
    expect(ratio.provider.prometheus.query).toContain('grpc_response_status=~"2|4|12|13|14|15"');
    expect(ratio.provider.prometheus.query).not.toContain(GRPC_METHOD_LABEL);
    expect([ratio.successCondition, latency.successCondition, ratio.interval]).toStrictEqual(['result[0] <= 0.01', 'result[0] <= 500', '1m']);
    // No method label without methodMetrics: no Telemetry either.
    expect(objects.filter((o) => o.kind === 'Telemetry')).toStrictEqual([]);
  });

  test('methodMetrics and access logs share the service\'s one Telemetry', () => {
    const { objects } = synth({ controllers: [AnalysisController.FLAGGER] }, { ...SERVICE, accessLogs: true, methodMetrics: true });
    const telemetry = only(objects, 'Telemetry');
    expect(Object.keys(telemetry.spec).sort()).toStrictEqual(['accessLogging', 'metrics', 'selector']);
    expect(telemetry.spec.metrics[0].overrides.map((o: any) => o.match)).toStrictEqual([{ metric: 'REQUEST_COUNT', mode: 'SERVER' }, { metric: 'REQUEST_DURATION', mode: 'SERVER' }]);
    // The analysis follows the service's method label unless told otherwise.
    for (const t of objects.filter((o) => o.kind === 'MetricTemplate')) expect(t.spec.query).toMatch(/ by \((le, )?grpc_method\)/);
    expect(errorsOf(validateObjects(objects, { workloads: 'partial' }))).toStrictEqual([]);
  });

  test('the method label holds declared paths only, anything else becomes "other"', () => {
    expect(methodTagExpression(['/a.B/C', "/a.B/it's"])).toBe("request.url_path in ['/a.B/C', '/a.B/it\\'s'] ? request.url_path : 'other'");
  });
});

describe('canary analysis refusals', () => {
  test.each([
    ['no controller', { controllers: [] }, /analysis\.controllers.*names no controller/],
    ['unknown controller', { controllers: ['flager'] }, /analysis\.controllers\[0\].*flagger/],
    ['a controller twice', { controllers: [AnalysisController.FLAGGER, AnalysisController.FLAGGER] }, /analysis\.controllers\[1\].*listed twice/],
    ['OK as a failure', { controllers: [AnalysisController.FLAGGER], failureStatuses: [GrpcStatus.OK] }, /failureStatuses\[0\].*every call would count as failed/],
    ['no failure status', { controllers: [AnalysisController.FLAGGER], failureStatuses: [] }, /could never fail/],
    ['an unknown status', { controllers: [AnalysisController.FLAGGER], failureStatuses: ['UNAVAILABEL'] }, /failureStatuses\[0\]/],
    ['a ratio of 1', { controllers: [AnalysisController.FLAGGER], maxErrorRatio: 1 }, /maxErrorRatio.*fails every call/],
    ['a negative ratio', { controllers: [AnalysisController.FLAGGER], maxErrorRatio: -0.1 }, /maxErrorRatio/],
    ['a 10s interval', { controllers: [AnalysisController.FLAGGER], interval: Duration.seconds(10) }, /analysis\.interval.*at least 30000ms/],
    ['a fractional-second interval', { controllers: [AnalysisController.FLAGGER], interval: Duration.millis(45500) }, /whole seconds/],
    ['an address that is no URL', { controllers: [AnalysisController.FLAGGER], prometheusAddress: 'prometheus:9090' }, /prometheusAddress.*http\(s\) URL/],
    ['perMethod without the label', { controllers: [AnalysisController.FLAGGER], perMethod: true }, /perMethod.*methodMetrics: true/],
    ['a latency given as text', { controllers: [AnalysisController.FLAGGER], maxP99Latency: '300ms' }, /maxP99Latency/],
  ] as [string, unknown, RegExp][])('%s', (_name, analysis, message) => {
    expect(() => synth(analysis as CanaryAnalysisProps)).toThrow(IstioGrpcError);
    expect(() => synth(analysis as CanaryAnalysisProps)).toThrow(message);
  });

  test('methodMetrics needs declared methods (a raw path label would be unbounded)', () => {
    expect(() => synth({ controllers: [AnalysisController.FLAGGER] }, { name: 'payments', methodMetrics: true })).toThrow(/methodMetrics.*declares none/);
  });
});

describe('the engine validates the emitted kinds from our CRD subsets', () => {
  const meta = { name: 'x', namespace: 'billing' };
  test('an AnalysisTemplate without metrics and a MetricTemplate with an unknown provider are refused', () => {
    const findings = errorsOf(validateObjects([
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', metadata: meta, spec: { args: [{ name: 'a' }] } },
      { apiVersion: 'flagger.app/v1beta1', kind: 'MetricTemplate', metadata: meta, spec: { provider: { type: 'prometheus2' }, query: 'up' } },
      { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: meta, spec: { groups: [{ name: 'g', rules: [{ alert: 'A', expr: 'up', for: '5 minutes' }] }] } },
    ]));
    expect(findings.map((f) => f.resource?.kind).sort()).toStrictEqual(['AnalysisTemplate', 'MetricTemplate', 'PrometheusRule']);
  });

  test('other kinds of those groups (a Rollout) are not judged', () => {
    const rollout = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: meta, spec: { anything: true } };
    expect(errorsOf(validateObjects([rollout]))).toStrictEqual([]);
  });
});

describe('canary analysis properties', () => {
  const statuses = Object.values(GrpcStatus).filter((s) => s !== GrpcStatus.OK);
  const analysisArb = fc.record({
    controllers: fc.subarray([AnalysisController.ARGO_ROLLOUTS, AnalysisController.FLAGGER], { minLength: 1 }),
    failureStatuses: fc.option(fc.subarray(statuses, { minLength: 1 }), { nil: undefined }),
    maxErrorRatio: fc.option(fc.double({ min: 0, max: 0.99, noNaN: true }), { nil: undefined }),
    maxP99Latency: fc.option(fc.integer({ min: 1, max: 60_000 }).map((ms) => Duration.millis(ms)), { nil: undefined }),
    interval: fc.option(fc.integer({ min: 30, max: 3600 }).map((s) => Duration.seconds(s)), { nil: undefined }),
    perMethod: fc.option(fc.boolean(), { nil: undefined }),
  }, { requiredKeys: ['controllers'] });

  test('any accepted analysis emits parseable queries on documented names, with exactly the chosen codes, that the engine accepts', () => {
    fc.assert(fc.property(analysisArb, fc.boolean(), (analysis, methodMetrics) => {
      const run = () => synth(analysis as CanaryAnalysisProps, { ...SERVICE, methodMetrics });
      if (analysis.perMethod === true && !methodMetrics) {
        expect(run).toThrow(/perMethod/);
        return;
      }
      const { objects } = run();
      const queries = queriesOf(objects);
      expect(queries).toHaveLength(analysis.controllers.length * 2);
      expectSoundQueries(queries);
      const codes = (analysis.failureStatuses ?? DEFAULT_FAILURE_STATUSES)
        .map((s) => GRPC_STATUS_CODES[s]).sort((a, b) => a - b);
      for (const q of queries.filter((x) => x.includes('grpc_response_status'))) {
        expect(/grpc_response_status=~"([0-9|]+)"/.exec(q)![1].split('|').map(Number)).toStrictEqual(codes);
      }
      const perMethod = analysis.perMethod ?? methodMetrics;
      for (const q of queries) expect(q.includes(GRPC_METHOD_LABEL)).toBe(perMethod);
      // The pods run elsewhere, so selectors are judged as partial input.
      expect(errorsOf(validateObjects(objects, { workloads: 'partial' }))).toStrictEqual([]);
    }), { numRuns: 60, seed: 20261202 });
  });
});
