import type { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { validateOnSynth } from './chart-validation';
import { k8sClasses } from './k8s-classes';
import { AnalysisTemplate } from '../imports/argoproj.io';
import { MetricTemplate } from '../imports/flagger.app';
import { AnalysisController, FlaggerCanaryMetric } from './core/canary/analysis-props';
import { GrpcCanaryOptions } from './core/canary/canary-props';
import { flaggerCanaryMetrics, renderAnalysisTemplate, renderMetricTemplates } from './core/canary/render-analysis';
import { canaryDeployments, canaryExtensions, rolloutPlan } from './core/canary/render-canary';
import { CanaryModel, resolveCanary, shiftCanary } from './core/canary/resolve-canary';
import { IstioGrpcError } from './core/errors';
import { GrpcMeshService } from './grpc-mesh-service';
import { meshServiceOf } from './mesh-service-ref';

const canaries = new WeakMap<GrpcMeshService, GrpcCanary>();

/** Props of a GrpcCanary: the service to split, and how. */
export interface GrpcCanaryProps extends GrpcCanaryOptions {
  /**
   * The service whose calls are split. Its own VirtualService and DestinationRule carry the split
   * (RoutingApi.ISTIO), or its GRPCRoute's backendRefs to per-subset Services (GATEWAY_API).
   */
  readonly service: GrpcMeshService;
}

/** One subset of the split and its share of calls. */
export interface CanaryWeight {
  /** Subset name. */
  readonly subset: string;
  /** `version` label the subset selects. */
  readonly version: string;
  /** Percent of calls. */
  readonly weight: number;
}

/**
 * Splits a GrpcMeshService's calls between versions: a subset per `version` label in the
 * service's DestinationRule and weighted destinations (default 90/10) on every route of the
 * service's one VirtualService, so per-method routes keep their timeouts and retries (Istio does
 * not merge two VirtualServices for one host). Optionally header routes, mirroring and the canary
 * Deployment. On a service with `routingApi: GATEWAY_API` the subsets become Services of their own
 * (`<service>-<subset>`) and the weights sit on the GRPCRoute's backendRefs.
 *
 * @example
 * const users = new GrpcMeshService(chart, 'users', { name: 'users', workload: { image: 'ghcr.io/acme/users:1.0.0' } });
 * const canary = new GrpcCanary(chart, 'users-canary', {
 *   service: users,
 *   canaryWorkload: { image: 'ghcr.io/acme/users:2.0.0' },
 *   headerRoutes: [{ header: 'x-canary' }],
 *   steps: [10, 25, 50, 100],
 * });
 * canary.shift(25);
 */
export class GrpcCanary extends Construct {
  /** The Deployments this canary created, one per subset given a workload. */
  public readonly deployments: k8s.KubeDeployment[] = [];
  /** The service being split. */
  public readonly service: GrpcMeshService;
  /** The Argo Rollouts AnalysisTemplate, when `analysis.controllers` names Argo Rollouts. */
  public readonly analysisTemplate?: AnalysisTemplate;
  /** The Flagger MetricTemplates (error ratio, p99 latency), when `analysis.controllers` names Flagger. */
  public readonly metricTemplates: MetricTemplate[] = [];
  private model: CanaryModel;

  constructor(scope: Construct, id: string, props: GrpcCanaryProps) {
    super(scope, id);
    meshServiceOf(this.node.path, props);
    requireService(this.node.path, props?.service);
    const earlier = canaries.get(props.service);
    if (earlier) {
      throw new IstioGrpcError({
        construct: this.node.path,
        field: 'service',
        value: props.service.serviceName,
        reason: `already has a canary (${earlier.node.path}); two canaries would overwrite each other's split`,
        fix: 'use one GrpcCanary per service, with additionalSubsets for more versions',
      });
    }
    this.service = props.service;
    this.model = resolveCanary(this.node.path, props.service._model, props);
    // Registered only once the props are accepted, so a refused canary does not block a correct one.
    canaries.set(props.service, this);
    canaryDeployments(props.service._model, this.model).forEach((deployment) => {
      this.deployments.push(new k8sClasses.KubeDeployment(this, `Deployment-${deployment.metadata!.name}`, deployment));
    });
    const analysis = this.model.analysis;
    if (analysis?.controllers.includes(AnalysisController.ARGO_ROLLOUTS)) {
      this.analysisTemplate = new AnalysisTemplate(this, 'AnalysisTemplate', renderAnalysisTemplate(props.service._model, analysis, this.model.subsets[1].version));
    }
    if (analysis?.controllers.includes(AnalysisController.FLAGGER)) {
      renderMetricTemplates(props.service._model, analysis).forEach((t) => this.metricTemplates.push(new MetricTemplate(this, `MetricTemplate-${t.metadata!.name}`, t)));
    }
    this.apply();
    validateOnSynth(this);
  }

  /**
   * The `spec.analysis.metrics` entries to paste into the Flagger `Canary` so it uses the emitted
   * MetricTemplates (empty unless `analysis.controllers` names Flagger).
   */
  public get flaggerMetrics(): FlaggerCanaryMetric[] {
    const analysis = this.model.analysis;
    return analysis?.controllers.includes(AnalysisController.FLAGGER) ? flaggerCanaryMetrics(this.service._model, analysis) : [];
  }

  /** The current split. */
  public get weights(): CanaryWeight[] {
    return this.model.subsets.map((s) => ({ subset: s.name, version: s.version, weight: s.weight }));
  }

  /**
   * Moves the canary to `weight` percent (the stable subset gets the rest) before synthesis, e.g.
   * to render the next of the planned `steps`. Returns the new split.
   */
  public shift(weight: number): CanaryWeight[] {
    this.model = shiftCanary(this.model, weight);
    this.apply();
    return this.weights;
  }

  /** The rollout plan as Markdown: current split, planned steps and what to check before each. */
  public rolloutPlan(): string {
    return rolloutPlan(this.service._model, this.model);
  }

  private apply(): void {
    this.service._extend(canaryExtensions(this.service._model, this.model));
  }
}

/** Plain JavaScript can pass anything as `service`; only a GrpcMeshService carries the model. */
export function requireService(construct: string, service: unknown): asserts service is GrpcMeshService {
  if (!(service instanceof GrpcMeshService)) {
    throw new IstioGrpcError({ construct, field: 'service', value: service, reason: 'must be a GrpcMeshService construct', fix: 'pass the GrpcMeshService to split or expose, e.g. { service: users }' });
  }
}
