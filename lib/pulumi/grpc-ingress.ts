import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { GrpcMeshService } from './grpc-mesh-service';
import { createKubeResource } from './kube-resource';
import { assertValidObjects } from './validate';
import { GrpcIngressOptions } from '../core/ingress/ingress-props';
import { ingressManifests, renderIngress } from '../core/ingress/render-ingress';
import { resolveIngress } from '../core/ingress/resolve-ingress';

/** Arguments of the Pulumi GrpcIngress: the service to expose, and how; hosts may be outputs. */
export interface GrpcIngressArgs extends Omit<GrpcIngressOptions, 'hosts'> {
  /** The service to expose. */
  readonly service: GrpcMeshService;
  /** External host names, e.g. from a DNS record resource. */
  readonly hosts: pulumi.Input<pulumi.Input<string>[]>;
}

/** Placeholder host used to decide which objects exist while the hosts are pending. */
const SHAPE_HOST = 'shape.example.invalid';

/**
 * Exposes a Pulumi GrpcMeshService through the Istio ingress gateway: the same objects as the cdk8s
 * `GrpcIngress` for the same props (Gateway, bound VirtualService, optional cert-manager Certificate).
 */
export class GrpcIngress extends pulumi.ComponentResource {
  /** The Gateway. */
  public readonly gateway: k8s.apiextensions.CustomResource;
  /** The VirtualService bound to the gateway. */
  public readonly virtualService: k8s.apiextensions.CustomResource;
  /** The cert-manager Certificate, when `certificate` is set. */
  public readonly certificate?: k8s.apiextensions.CustomResource;
  /** The external hosts. */
  public readonly hosts: pulumi.Output<string[]>;

  constructor(name: string, args: GrpcIngressArgs, opts?: pulumi.ComponentResourceOptions) {
    super('istio-grpc:index:GrpcIngress', name, {}, opts);
    const { service, hosts, ...options } = args;
    this.hosts = pulumi.output(hosts);
    const shapeHosts = Array.isArray(hosts) && hosts.every((h) => typeof h === 'string') ? (hosts as string[]) : [SHAPE_HOST];
    // Which objects exist (and bad options) are decided now, on the service's placeholder model.
    const shapes = ingressManifests(renderIngress(service.shapeModel, resolveIngress(name, service.shapeModel, { ...options, hosts: shapeHosts })));
    const inputs = pulumi.all([service.model, service.extensions, this.hosts, service.manifests]);
    const manifests = inputs.apply(([model, extensions, resolvedHosts, serviceObjects]) => {
      const objects = ingressManifests(renderIngress(model, resolveIngress(name, model, { ...options, hosts: resolvedHosts }), extensions.routing));
      // The service's objects are the context the references resolve against.
      assertValidObjects(name, [...serviceObjects, ...objects]);
      return objects;
    });
    const resources = shapes.map((shape, i) => createKubeResource(name, shape, manifests.apply((all) => all[i]), { parent: this }));
    this.gateway = resources[0] as k8s.apiextensions.CustomResource;
    this.virtualService = resources[1] as k8s.apiextensions.CustomResource;
    this.certificate = resources[2] as k8s.apiextensions.CustomResource | undefined;
    this.registerOutputs({ hosts: this.hosts });
  }
}
