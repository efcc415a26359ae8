import { AnalysisController, FlaggerCanaryMetric } from './analysis-props';
import { CanaryAnalysisModel } from './resolve-analysis';
import * as argo from '../../../imports/argoproj.io';
import * as flagger from '../../../imports/flagger.app';
import { KubeObject } from '../kube-object';
import { MeshServiceModel } from '../mesh-service-model';
import { errorRatioQuery, latencyQuantileQuery, promDuration, QueryScope } from '../observability/promql';
import { objectMeta } from '../render/labels';

/** The AnalysisTemplate argument naming the canary pods' `version` label. */
export const CANARY_VERSION_ARG = 'canary-version';
/** Metric names, the same in both controllers. */
export const ERROR_RATIO_METRIC = 'grpc-error-ratio';
export const P99_LATENCY_METRIC = 'grpc-p99-latency';

/** Names of the analysis objects of a service. */
export function analysisNames(service: Pick<MeshServiceModel, 'name'>) {
  return {
    analysisTemplate: `${service.name}-grpc-analysis`,
    errorRatioTemplate: `${service.name}-${ERROR_RATIO_METRIC}`,
    latencyTemplate: `${service.name}-${P99_LATENCY_METRIC}`,
  };
}

/**
 * The Argo Rollouts AnalysisTemplate: the canary pods are told apart by their `version` label
 * (Istio's `destination_version`), passed by the Rollout as the `canary-version` argument (its
 * default is the canary's version). A window without calls to the canary gives no sample, which
 * Argo counts as a measurement error (consecutiveErrorLimit), not as a pass.
 */
export function renderAnalysisTemplate(service: MeshServiceModel, analysis: CanaryAnalysisModel, canaryVersion: string): argo.AnalysisTemplateProps {
  const interval = promDuration(analysis.intervalMillis);
  const scope: QueryScope = {
    matchers: { destination_service: service.fqdn, destination_version: `{{args.${CANARY_VERSION_ARG}}}` },
    window: interval,
    perMethod: analysis.perMethod,
  };
  const prometheus = (query: string) => ({ prometheus: { address: analysis.prometheusAddress, query } });
  return {
    metadata: objectMeta(analysisNames(service).analysisTemplate, service.namespace, service.name),
    spec: {
      args: [{ name: CANARY_VERSION_ARG, value: canaryVersion }],
      metrics: [
        {
          name: ERROR_RATIO_METRIC,
          interval,
          successCondition: `result[0] <= ${analysis.maxErrorRatio}`,
          provider: prometheus(errorRatioQuery(scope, analysis.failureCodes)),
        },
        {
          name: P99_LATENCY_METRIC,
          interval,
          successCondition: `result[0] <= ${analysis.maxP99LatencyMillis}`,
          provider: prometheus(latencyQuantileQuery(scope, 0.99)),
        },
      ],
    },
  };
}

/**
 * Flagger's MetricTemplates: Flagger names the canary Deployment after the target and fills in
 * `{{ namespace }}`, `{{ target }}` and `{{ interval }}`, so the canary pods are
 * `destination_workload="{{ target }}"` (the primary's pods are `<target>-primary`).
 */
export function renderMetricTemplates(service: MeshServiceModel, analysis: CanaryAnalysisModel): flagger.MetricTemplateProps[] {
  const scope: QueryScope = {
    matchers: { destination_workload_namespace: '{{ namespace }}', destination_workload: '{{ target }}' },
    window: '{{ interval }}',
    perMethod: analysis.perMethod,
  };
  const names = analysisNames(service);
  const provider = { type: flagger.MetricTemplateSpecProviderType.PROMETHEUS, address: analysis.prometheusAddress };
  const template = (name: string, query: string) => ({ metadata: objectMeta(name, service.namespace, service.name), spec: { provider, query } });
  return [
    template(names.errorRatioTemplate, errorRatioQuery(scope, analysis.failureCodes)),
    template(names.latencyTemplate, latencyQuantileQuery(scope, 0.99)),
  ];
}

/** The `spec.analysis.metrics` entries of the Flagger Canary that use the MetricTemplates. */
export function flaggerCanaryMetrics(service: MeshServiceModel, analysis: CanaryAnalysisModel): FlaggerCanaryMetric[] {
  const names = analysisNames(service);
  const interval = promDuration(analysis.intervalMillis);
  const metric = (name: string, template: string, max: number) => ({
    name, templateRef: { name: template, namespace: service.namespace }, thresholdRange: { max }, interval,
  });
  return [
    metric(ERROR_RATIO_METRIC, names.errorRatioTemplate, analysis.maxErrorRatio),
    metric(P99_LATENCY_METRIC, names.latencyTemplate, analysis.maxP99LatencyMillis),
  ];
}

/** Every analysis object as manifests, AnalysisTemplate first (the same for cdk8s and Pulumi). */
export function analysisManifests(service: MeshServiceModel, analysis: CanaryAnalysisModel | undefined, canaryVersion: string): KubeObject[] {
  if (!analysis) return [];
  const argoTemplates = analysis.controllers.includes(AnalysisController.ARGO_ROLLOUTS)
    ? [argo.AnalysisTemplate.manifest(renderAnalysisTemplate(service, analysis, canaryVersion))] : [];
  const flaggerTemplates = analysis.controllers.includes(AnalysisController.FLAGGER)
    ? renderMetricTemplates(service, analysis).map((t) => flagger.MetricTemplate.manifest(t)) : [];
  return [...argoTemplates, ...flaggerTemplates] as KubeObject[];
}
