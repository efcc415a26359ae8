import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { createInApplyOrder } from './apply-order';
import { applyChecked } from './component-error';
import { GrpcMeshServiceArgs, resolvedProps, shapeProps } from './grpc-mesh-service-args';
import { createKubeResource, KubeResource } from './kube-resource';
import { assertValidObjects } from './validate';
import { applyOrder, SubsetChange } from '../core/apply-order';
import { IstioGrpcError } from '../core/errors';
import { KubeObject } from '../core/kube-object';
import { withMeshModeDefaults } from '../core/mesh-mode-defaults';
import { MeshServiceModel } from '../core/mesh-service-model';
import { protoMethods } from '../core/proto/from-proto';
import { GrpcMeshServiceFromProtoProps } from '../core/proto/from-proto-props';
import { meshServiceManifests, MeshServiceExtensions, renderMeshService, subsetManifests } from '../core/render/mesh-service';
import { resolveMeshService } from '../core/resolve-mesh-service';

/** Arguments of `GrpcMeshService.fromProto`: the service args, with methods read from the proto. */
export interface GrpcMeshServiceFromProtoArgs extends Omit<GrpcMeshServiceArgs, 'methods' | 'protoService'>,
  Pick<GrpcMeshServiceFromProtoProps, 'protoFiles' | 'protoService' | 'includePaths' | 'methodOverrides'> {}

/** What a feature such as GrpcCanary adds to a service, computed from its resolved model. */
export interface MeshServiceFeature {
  /** Subsets and routing for the service's own DestinationRule and VirtualService. */
  readonly extend: (model: MeshServiceModel) => MeshServiceExtensions;
  /** Objects the feature creates next to the service, validated together with it. */
  readonly companions?: (model: MeshServiceModel) => KubeObject[];
}

/** The manifests of a mesh service for resolved props: the one function cdk8s and Pulumi share. */
export function meshServiceObjects(model: MeshServiceModel, extensions: MeshServiceExtensions = {}): KubeObject[] {
  return meshServiceManifests(renderMeshService(model, extensions));
}

/** The service's objects and the objects attached features created beside them. */
export interface MeshServiceManifests {
  /** The service's own objects, in the order of `resources`. */
  readonly objects: KubeObject[];
  /** What attached features (a canary's Deployments) created. */
  readonly companions: KubeObject[];
}

/**
 * A gRPC service made correct on Istio, as a Pulumi component: the same objects, byte for byte,
 * as the cdk8s `GrpcMeshService` for the same props, each a child resource
 * (`k8s.core.v1.Service`, `k8s.apps.v1.Deployment`, Istio kinds as `CustomResource`).
 * Bad props throw at construction; a bad value arriving as an output, or a validation error,
 * fails `pulumi preview` once with the message the cdk8s construct gives.
 */
export class GrpcMeshService extends pulumi.ComponentResource {
  /** A GrpcMeshService whose methods come from a .proto service (see the cdk8s `fromProto`). */
  public static fromProto(name: string, args: GrpcMeshServiceFromProtoArgs, opts?: pulumi.ComponentResourceOptions): GrpcMeshService {
    const { protoFiles, includePaths, methodOverrides, ...rest } = args;
    const methods = protoMethods(name, { protoFiles, includePaths, methodOverrides, protoService: args.protoService });
    return new GrpcMeshService(name, { ...rest, methods }, opts);
  }

  /** The Kubernetes Service. */
  public readonly service: k8s.core.v1.Service;
  /** The Deployment, when `workload` is set. */
  public readonly deployment?: k8s.apps.v1.Deployment;
  /** The ServiceAccount the Deployment runs as, when `workload` is set. */
  public readonly serviceAccount?: k8s.core.v1.ServiceAccount;
  /** The DestinationRule for the service host. */
  public readonly destinationRule: k8s.apiextensions.CustomResource;
  /** The VirtualService that owns the service host, on RoutingApi.ISTIO (absent on GATEWAY_API). */
  public readonly virtualService?: k8s.apiextensions.CustomResource;
  /** The GRPCRoute with the Service as its parent (GAMMA), on RoutingApi.GATEWAY_API (absent on ISTIO). */
  public readonly grpcRoute?: k8s.apiextensions.CustomResource;
  /**
   * On RoutingApi.GATEWAY_API with a canary: one Service per subset (`<service>-<subset>`), the
   * GRPCRoute's weighted backends, created when the canary attaches. Empty otherwise.
   */
  public readonly subsetServices: k8s.core.v1.Service[] = [];
  /** On RoutingApi.GATEWAY_API with a canary: the DestinationRule of each per-subset Service. Empty otherwise. */
  public readonly subsetDestinationRules: k8s.apiextensions.CustomResource[] = [];
  /** Inbound mTLS for the pods, unless `mtls` is INHERIT. */
  public readonly peerAuthentication?: k8s.apiextensions.CustomResource;
  /** The ALLOW policy, when callers are restricted. */
  public readonly authorizationPolicy?: k8s.apiextensions.CustomResource;
  /** Access logging, when `accessLogs` is set. */
  public readonly telemetry?: k8s.apiextensions.CustomResource;
  /** Every child resource, in manifest order. */
  public readonly resources: KubeResource[];
  /** Service name. */
  public readonly serviceName: string;
  /** Service port. */
  public readonly port: number;
  /** Namespace of every object. */
  public readonly namespace: pulumi.Output<string>;
  /** `<name>.<namespace>.svc.cluster.local` */
  public readonly fqdn: pulumi.Output<string>;
  /** The model with pending inputs replaced by placeholders: decides which objects exist (and their names). */
  public readonly shapeModel: MeshServiceModel;
  /** The resolved model other components (GrpcIngress) build on. */
  public readonly model: pulumi.Output<MeshServiceModel>;
  /** The manifests of every child, as cdk8s would synthesize them. */
  public readonly manifests: pulumi.Output<KubeObject[]>;
  /** The service's manifests and those of attached features, validated together. */
  public readonly allManifests: pulumi.Output<MeshServiceManifests>;
  /** What attached features (a canary) set: subsets and routing, which GrpcIngress follows. */
  public readonly extensions: pulumi.Output<MeshServiceExtensions>;
  /** Prop warnings (e.g. IGR5001 headless Service), also logged as Pulumi warnings. */
  public readonly warnings: string[];

  private feature?: { readonly owner: string; readonly feature: MeshServiceFeature };
  private readonly subsetResources: KubeResource[] = [];
  private readonly baseShapeCount: number;
  private readonly componentName: string;
  private resolved = false;

  constructor(name: string, givenArgs: GrpcMeshServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super('istio-grpc:index:GrpcMeshService', name, {}, opts);
    this.componentName = name;
    const args = withMeshModeDefaults(givenArgs, configValue);
    // Which objects exist never depends on inputs still pending, so decide (and check props) now.
    const shapeModel = resolveMeshService(name, shapeProps(args));
    this.shapeModel = shapeModel;
    const shapes = meshServiceObjects(shapeModel);
    this.warnings = shapeModel.warnings.map((w) => `[${name}] warning ${w.code} Service ${shapeModel.name}: ${w.field}: ${w.message}`);
    this.warnings.forEach((w) => void pulumi.log.warn(w, this));
    // Each value is computed in one place, so a failure is one error however many children see it.
    this.model = applyChecked(resolvedProps(args), this, (props) => resolveMeshService(name, props));
    this.extensions = applyChecked(this.model, this, (model) => {
      this.resolved = true;
      return this.feature ? this.feature.feature.extend(model) : {};
    });
    this.allManifests = applyChecked(pulumi.all([this.model, this.extensions]), this, ([model, extensions]) => {
      const objects = meshServiceObjects(model as MeshServiceModel, extensions as MeshServiceExtensions);
      const companions = this.feature?.feature.companions?.(model as MeshServiceModel) ?? [];
      assertValidObjects(name, [...objects, ...companions], this);
      return { objects, companions };
    });
    this.manifests = this.allManifests.apply((all) => all.objects);
    this.baseShapeCount = shapes.length;
    this.resources = createInApplyOrder(shapes, applyOrder(shapeModel.subsetChange, true).first, (shape, i, dependsOn) =>
      createKubeResource(name, shape, this.manifests.apply((all) => all[i]), { parent: this, ...this.dependsOnFor(shape, dependsOn) }));
    const byKind = (kind: string) => this.resources.find((_, i) => shapes[i].kind === kind);
    this.service = byKind('Service') as k8s.core.v1.Service;
    this.serviceAccount = byKind('ServiceAccount') as k8s.core.v1.ServiceAccount | undefined;
    this.deployment = byKind('Deployment') as k8s.apps.v1.Deployment | undefined;
    this.destinationRule = byKind('DestinationRule') as k8s.apiextensions.CustomResource;
    this.virtualService = byKind('VirtualService') as k8s.apiextensions.CustomResource | undefined;
    this.grpcRoute = byKind('GRPCRoute') as k8s.apiextensions.CustomResource | undefined;
    this.peerAuthentication = byKind('PeerAuthentication') as k8s.apiextensions.CustomResource | undefined;
    this.authorizationPolicy = byKind('AuthorizationPolicy') as k8s.apiextensions.CustomResource | undefined;
    this.telemetry = byKind('Telemetry') as k8s.apiextensions.CustomResource | undefined;
    this.serviceName = shapeModel.name;
    this.port = shapeModel.port;
    this.namespace = this.model.apply((m) => m.namespace);
    this.fqdn = this.model.apply((m) => m.fqdn);
    this.registerOutputs({ fqdn: this.fqdn, namespace: this.namespace });
  }

  /**
   * @internal used by GrpcCanary to add subsets and weighted routing to this service's objects.
   * The objects are computed when the inputs resolve, so features attach in the same synchronous
   * run that creates the service (as Pulumi programs declare resources).
   */
  public _attach(owner: string, feature: MeshServiceFeature): void {
    const fail = (reason: string, fix: string): never => {
      throw new IstioGrpcError({ construct: owner, field: 'service', value: this.serviceName, reason, fix });
    };
    if (this.feature) fail(`already has a canary (${this.feature.owner}); two canaries would overwrite each other's split`, 'use one GrpcCanary per service, with additionalSubsets for more versions');
    if (this.resolved) fail('its objects were already computed, so the canary could not change them', 'create the GrpcCanary right after the GrpcMeshService, before awaiting anything');
    this.feature = { owner, feature };
    this.addSubsetObjects(feature);
  }

  /**
   * Gateway API has no subsets: the per-subset Services and DestinationRules a canary needs, as
   * children of this service. They follow the service's own objects in `allManifests.objects`.
   */
  private addSubsetObjects(feature: MeshServiceFeature): void {
    const shapes = subsetManifests(renderMeshService(this.shapeModel, feature.extend(this.shapeModel)));
    // Removing subsets: the GRPCRoute that no longer routes to them goes first.
    const removing = this.shapeModel.subsetChange === SubsetChange.REMOVING && this.grpcRoute;
    shapes.forEach((shape, j) => {
      const manifest = this.manifests.apply((all) => all[this.baseShapeCount + j]);
      const opts = { parent: this, ...(removing ? { dependsOn: [this.grpcRoute!] } : {}) };
      const resource = createKubeResource(this.componentName, shape, manifest, opts);
      this.subsetResources.push(resource);
      if (shape.kind === 'Service') this.subsetServices.push(resource as k8s.core.v1.Service);
      else this.subsetDestinationRules.push(resource as k8s.apiextensions.CustomResource);
    });
  }

  /**
   * The `dependsOn` of a child. Adding subsets on Gateway API, the GRPCRoute also waits for the
   * per-subset Services and DestinationRules, which a canary attaches after this constructor:
   * known once the extensions are computed (after every feature attached).
   */
  private dependsOnFor(shape: KubeObject, dependsOn: KubeResource[] | undefined): pulumi.CustomResourceOptions {
    if (!dependsOn) return {};
    if (shape.kind !== 'GRPCRoute') return { dependsOn };
    return { dependsOn: this.extensions.apply(() => [...dependsOn, ...this.subsetResources]) };
  }

  /** @internal whether the objects are computed already (features can no longer change them) */
  public get _resolved(): boolean {
    return this.resolved;
  }
}

/** A stack config value such as `istio-grpc:routingApi` (set with `pulumi config set`). */
function configValue(key: string): string | undefined {
  const [namespace, name] = key.split(':');
  return new pulumi.Config(namespace).get(name);
}
