import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { applyChecked } from './component-error';
import { GrpcMeshService } from './grpc-mesh-service';
import { createKubeResource } from './kube-resource';
import { AnalysisController, FlaggerCanaryMetric } from '../core/canary/analysis-props';
import { GrpcCanaryOptions } from '../core/canary/canary-props';
import { flaggerCanaryMetrics } from '../core/canary/render-analysis';
import { canaryCompanionManifests, canaryDeploymentManifests, canaryExtensions, rolloutPlan } from '../core/canary/render-canary';
import { CanaryModel, resolveCanary, shiftCanary } from '../core/canary/resolve-canary';
import { IstioGrpcError } from '../core/errors';
import { MeshServiceModel } from '../core/mesh-service-model';

/** Arguments of the Pulumi GrpcCanary: the service to split, and how (as the cdk8s GrpcCanaryProps). */
export interface GrpcCanaryArgs extends GrpcCanaryOptions {
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
 * Splits a Pulumi GrpcMeshService's calls between versions, as the cdk8s `GrpcCanary` does for
 * the same props: subsets on the service's DestinationRule, weighted destinations on every route
 * of its one VirtualService, header routes, mirroring and the canary Deployments (children of
 * this component). Create it right after the service, and `shift()` before awaiting anything:
 * the service's objects are computed once its inputs resolve.
 */
export class GrpcCanary extends pulumi.ComponentResource {
  /** The service being split. */
  public readonly service: GrpcMeshService;
  /** The Deployments this canary created, one per subset given a workload. */
  public readonly deployments: k8s.apps.v1.Deployment[];
  /** The analysis objects (AnalysisTemplate, MetricTemplates), when `analysis` is set. */
  public readonly analysisResources: k8s.apiextensions.CustomResource[];
  private readonly name: string;
  private readonly options: GrpcCanaryOptions;
  /** The canary on the service's placeholder model: checks props and `shift()` at once. */
  private shape: CanaryModel;
  private shiftedTo?: number;
  private readonly resolvedModels = new WeakMap<MeshServiceModel, { canary?: CanaryModel; error?: unknown }>();

  constructor(name: string, args: GrpcCanaryArgs, opts?: pulumi.ComponentResourceOptions) {
    super('istio-grpc:index:GrpcCanary', name, {}, opts);
    if (!(args?.service instanceof GrpcMeshService)) {
      throw new IstioGrpcError({ construct: name, field: 'service', value: args?.service, reason: 'must be a GrpcMeshService component', fix: 'pass the component to split, e.g. { service: users }' });
    }
    const { service, ...options } = args;
    this.name = name;
    this.options = options;
    this.service = service;
    // Checks the canary props now, so bad input throws at construction as in cdk8s.
    this.shape = resolveCanary(name, service.shapeModel, options);
    service._attach(name, {
      extend: (model) => canaryExtensions(model, this.canaryOf(model)),
      companions: (model) => canaryCompanionManifests(model, this.canaryOf(model)),
    });
    const deploymentCount = canaryDeploymentManifests(service.shapeModel, this.shape).length;
    const shapes = canaryCompanionManifests(service.shapeModel, this.shape);
    const manifests = service.allManifests.apply((all) => all.companions);
    const resources = shapes.map((shape, i) => createKubeResource(name, shape, manifests.apply((all) => all[i]), { parent: this }));
    this.deployments = resources.slice(0, deploymentCount) as k8s.apps.v1.Deployment[];
    this.analysisResources = resources.slice(deploymentCount) as k8s.apiextensions.CustomResource[];
    this.registerOutputs({});
  }

  /** The current split. */
  public get weights(): CanaryWeight[] {
    return this.shape.subsets.map((s) => ({ subset: s.name, version: s.version, weight: s.weight }));
  }

  /**
   * Moves the canary to `weight` percent (the stable subset gets the rest), e.g. to deploy the
   * next of the planned `steps`. Returns the new split.
   */
  public shift(weight: number): CanaryWeight[] {
    if (this.service._resolved) {
      throw new IstioGrpcError({ construct: this.name, field: 'shift(weight)', value: weight, reason: 'the service\'s objects were already computed, so the new weights would not be deployed', fix: 'call shift() right after creating the canary, before awaiting anything' });
    }
    this.shape = shiftCanary(this.shape, weight);
    this.shiftedTo = weight;
    return this.weights;
  }

  /**
   * The `spec.analysis.metrics` entries to paste into the Flagger `Canary` so it uses the emitted
   * MetricTemplates (empty unless `analysis.controllers` names Flagger).
   */
  public get flaggerMetrics(): pulumi.Output<FlaggerCanaryMetric[]> {
    return applyChecked(this.service.model, this, (model) => {
      const analysis = this.canaryOf(model).analysis;
      return analysis?.controllers.includes(AnalysisController.FLAGGER) ? flaggerCanaryMetrics(model, analysis) : [];
    });
  }

  /** The rollout plan as Markdown: current split, planned steps and what to check before each. */
  public rolloutPlan(): pulumi.Output<string> {
    return applyChecked(this.service.model, this, (model) => rolloutPlan(model, this.canaryOf(model)));
  }

  /** The canary for the service's resolved model, computed once, so a failure is one error. */
  private canaryOf(model: MeshServiceModel): CanaryModel {
    let result = this.resolvedModels.get(model);
    if (!result) {
      try {
        const resolved = resolveCanary(this.name, model, this.options);
        result = { canary: this.shiftedTo === undefined ? resolved : shiftCanary(resolved, this.shiftedTo) };
      } catch (error) {
        result = { error };
      }
      this.resolvedModels.set(model, result);
    }
    if (!result.canary) throw result.error;
    return result.canary;
  }
}
