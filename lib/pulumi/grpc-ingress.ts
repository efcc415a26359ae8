import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { applyChecked } from './component-error';
import { GrpcMeshService, MeshServiceManifests } from './grpc-mesh-service';
import { createKubeResource } from './kube-resource';
import { assertValidObjects } from './validate';
import * as certManager from '../../imports/cert-manager.io';
import * as gatewayapi from '../../imports/gateway.networking.k8s.io';
import * as istio from '../../imports/networking.istio.io';
import { applyOrder } from '../core/apply-order';
import { IstioGrpcError } from '../core/errors';
import { ingressObjects } from '../core/ingress/ingress-objects';
import { GrpcIngressOptions } from '../core/ingress/ingress-props';
import { resolveIngress } from '../core/ingress/resolve-ingress';
import { MeshServiceModel } from '../core/mesh-service-model';
import { MeshServiceExtensions } from '../core/render/mesh-service';

/** Arguments of the Pulumi GrpcIngress: as the cdk8s GrpcIngressProps, with hosts allowed to be outputs. */
export interface GrpcIngressArgs extends Omit<GrpcIngressOptions, 'hosts'> {
  /** The service to expose. */
  readonly service: GrpcMeshService;
  /** External host names, e.g. from a DNS record resource. */
  readonly hosts: pulumi.Input<pulumi.Input<string>[]>;
}

/** The gateway's routes to the service's subsets, which wait for the DestinationRule defining them. */
const ROUTE_KINDS = new Set(['VirtualService', 'GRPCRoute']);

/** Placeholder host used to decide which objects exist while the hosts are pending. */
const SHAPE_HOST = 'shape.example.invalid';

/**
 * Exposes a Pulumi GrpcMeshService through the Istio ingress gateway: the same objects as the cdk8s
 * `GrpcIngress` for the same props (Gateway, bound VirtualService following a canary's split,
 * optional cert-manager Certificate; on RoutingApi.GATEWAY_API a Gateway API Gateway, GRPCRoute,
 * redirect HTTPRoute and ReferenceGrant), validated with every object of the service and its canary.
 */
export class GrpcIngress extends pulumi.ComponentResource {
  /** The Istio Gateway; RoutingApi.ISTIO only. */
  public readonly gateway?: k8s.apiextensions.CustomResource;
  /** The VirtualService bound to the gateway; RoutingApi.ISTIO only. */
  public readonly virtualService?: k8s.apiextensions.CustomResource;
  /** The Gateway API Gateway; RoutingApi.GATEWAY_API only. */
  public readonly k8sGateway?: k8s.apiextensions.CustomResource;
  /** The GRPCRoute bound to the Gateway's HTTPS listeners; RoutingApi.GATEWAY_API only. */
  public readonly grpcRoute?: k8s.apiextensions.CustomResource;
  /** The HTTPRoute redirecting HTTP to HTTPS; RoutingApi.GATEWAY_API with `httpRedirect` only. */
  public readonly redirectRoute?: k8s.apiextensions.CustomResource;
  /** The ReferenceGrant letting the Gateway read a Secret in `tls.credentialNamespace`; RoutingApi.GATEWAY_API, when that is another namespace. */
  public readonly referenceGrant?: k8s.apiextensions.CustomResource;
  /** The cert-manager Certificate, when `certificate` is set. */
  public readonly certificate?: k8s.apiextensions.CustomResource;
  /** The external hosts. */
  public readonly hosts: pulumi.Output<string[]>;
  /** Every object of the ingress, in the order above. */
  public readonly resources: k8s.apiextensions.CustomResource[];

  constructor(name: string, args: GrpcIngressArgs, opts?: pulumi.ComponentResourceOptions) {
    super('istio-grpc:index:GrpcIngress', name, {}, opts);
    if (!(args?.service instanceof GrpcMeshService)) {
      throw new IstioGrpcError({ construct: name, field: 'service', value: args?.service, reason: 'must be a GrpcMeshService component', fix: 'pass the component to expose, e.g. { service: users }' });
    }
    const { service, hosts, ...options } = args;
    this.hosts = pulumi.output(hosts);
    const shapeHosts = Array.isArray(hosts) && hosts.every((h) => typeof h === 'string') ? (hosts as string[]) : [SHAPE_HOST];
    // Which objects exist (and bad options) are decided now, on the service's placeholder model.
    const shapes = ingressObjects(service.shapeModel, resolveIngress(name, service.shapeModel, { ...options, hosts: shapeHosts }));
    const inputs = pulumi.all([service.model, service.extensions, this.hosts, service.allManifests]);
    const manifests = applyChecked(inputs, this, ([model, extensions, resolvedHosts, serviceObjects]) => {
      const resolvedModel = model as MeshServiceModel;
      const ingress = resolveIngress(name, resolvedModel, { ...options, hosts: resolvedHosts as string[] });
      const objects = ingressObjects(resolvedModel, ingress, (extensions as MeshServiceExtensions).routing);
      // The service's objects and its canary's Deployments are the context the references resolve against.
      const context = serviceObjects as MeshServiceManifests;
      assertValidObjects(name, [...context.objects, ...context.companions, ...objects], this, objects);
      return objects;
    });
    // Make-before-break: the gateway's routes to new subsets wait for the DestinationRule that defines them.
    const afterDestinationRule = applyOrder(service.shapeModel.subsetChange, true).first === 'destinationRule';
    const resources = shapes.map((shape, i) => createKubeResource(name, shape, manifests.apply((all) => all[i]), {
      parent: this,
      ...(afterDestinationRule && ROUTE_KINDS.has(shape.kind) ? { dependsOn: [service.destinationRule] } : {}),
    }));
    const byKind = (gvk: { readonly apiVersion: string; readonly kind: string }) => {
      const index = shapes.findIndex((s) => s.apiVersion === gvk.apiVersion && s.kind === gvk.kind);
      return index < 0 ? undefined : resources[index] as k8s.apiextensions.CustomResource;
    };
    this.gateway = byKind(istio.Gateway.GVK);
    this.virtualService = byKind(istio.VirtualService.GVK);
    this.k8sGateway = byKind(gatewayapi.Gateway.GVK);
    this.grpcRoute = byKind(gatewayapi.GrpcRoute.GVK);
    this.redirectRoute = byKind(gatewayapi.HttpRoute.GVK);
    this.referenceGrant = byKind(gatewayapi.ReferenceGrant.GVK);
    this.certificate = byKind(certManager.Certificate.GVK);
    this.resources = resources as k8s.apiextensions.CustomResource[];
    this.registerOutputs({ hosts: this.hosts });
  }
}
