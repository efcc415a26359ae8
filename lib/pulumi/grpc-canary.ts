import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { GrpcMeshService } from './grpc-mesh-service';
import { GrpcMeshServiceArgs, shapeProps } from './grpc-mesh-service-args';
import { createKubeResource } from './kube-resource';
import { GrpcCanaryOptions } from '../core/canary/canary-props';
import { canaryDeploymentManifests, canaryExtensions, rolloutPlan } from '../core/canary/render-canary';
import { resolveCanary } from '../core/canary/resolve-canary';
import { KubeObject } from '../core/kube-object';
import { MeshServiceModel } from '../core/mesh-service-model';
import { resolveMeshService } from '../core/resolve-mesh-service';

/** Arguments of the Pulumi GrpcCanary: the service to create and split, and how. */
export interface GrpcCanaryArgs extends GrpcCanaryOptions {
  /** The service (created as a child GrpcMeshService whose own VirtualService carries the split). */
  readonly service: GrpcMeshServiceArgs;
}

/**
 * A GrpcMeshService split between versions, as a Pulumi component: the same objects as the cdk8s
 * `GrpcMeshService` + `GrpcCanary` for the same props (subsets, weighted routes, header routes,
 * mirroring, canary Deployments).
 */
export class GrpcCanary extends pulumi.ComponentResource {
  /** The service being split (its DestinationRule and VirtualService carry the subsets and weights). */
  public readonly meshService: GrpcMeshService;
  /** The Deployments this canary created, one per subset given a workload. */
  public readonly deployments: k8s.apps.v1.Deployment[];
  /** The rollout plan as Markdown. */
  public readonly rolloutPlan: pulumi.Output<string>;

  constructor(name: string, args: GrpcCanaryArgs, opts?: pulumi.ComponentResourceOptions) {
    super('istio-grpc:index:GrpcCanary', name, {}, opts);
    const { service, ...options } = args;
    const canaryOf = (model: MeshServiceModel) => resolveCanary(name, model, options);
    const deploymentsOf = (model: MeshServiceModel): KubeObject[] => canaryDeploymentManifests(model, canaryOf(model));
    // Checks the canary props now, so bad input throws at construction as in cdk8s.
    const shapes = deploymentsOf(resolveMeshService(name, shapeProps(service)));
    this.meshService = new GrpcMeshService(service.name, service, { parent: this }, {
      extend: (model) => canaryExtensions(model, canaryOf(model)),
      companions: deploymentsOf,
    });
    const manifests = this.meshService.model.apply(deploymentsOf);
    this.deployments = shapes.map((shape, i) =>
      createKubeResource(name, shape, manifests.apply((all) => all[i]), { parent: this }) as k8s.apps.v1.Deployment);
    this.rolloutPlan = this.meshService.model.apply((model) => rolloutPlan(model, canaryOf(model)));
    this.registerOutputs({ rolloutPlan: this.rolloutPlan });
  }
}
