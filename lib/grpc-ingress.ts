import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { validateOnSynth } from './chart-validation';
import { Certificate } from '../imports/cert-manager.io';
import { Gateway, VirtualService } from '../imports/networking.istio.io';
import { GrpcIngressOptions } from './core/ingress/ingress-props';
import { ingressApplyOrder, renderIngress } from './core/ingress/render-ingress';
import { IngressModel, resolveIngress } from './core/ingress/resolve-ingress';
import { requireService } from './grpc-canary';
import { GrpcMeshService } from './grpc-mesh-service';
import { meshServiceOf } from './mesh-service-ref';

/** Props of a GrpcIngress: the service to expose, and how. */
export interface GrpcIngressProps extends GrpcIngressOptions {
  /** The service to expose. */
  readonly service: GrpcMeshService;
}

/**
 * Exposes a GrpcMeshService through the Istio ingress gateway: a Gateway terminating TLS on an
 * HTTPS server (gRPC continues as HTTP/2 to the sidecars), a VirtualService bound to it that
 * routes to the service (following a canary's split when there is one), an optional HTTP to
 * HTTPS redirect, gRPC-Web CORS and a cert-manager Certificate for the credential.
 *
 * @example
 * new GrpcIngress(chart, 'users-ingress', {
 *   service: users,
 *   hosts: ['users.example.com'],
 *   tls: { credentialName: 'users-example-com' },
 *   httpRedirect: true,
 *   certificate: { issuerName: 'letsencrypt' },
 * });
 */
export class GrpcIngress extends Construct {
  /** The Gateway (in the gateway workload's namespace). */
  public readonly gateway: Gateway;
  /** The VirtualService bound to the gateway (in the service's namespace). */
  public readonly virtualService: VirtualService;
  /** The cert-manager Certificate, when `certificate` is set. */
  public readonly certificate?: Certificate;
  /** The external hosts. */
  public readonly hosts: string[];
  private readonly model: IngressModel;

  constructor(scope: Construct, id: string, props: GrpcIngressProps) {
    super(scope, id);
    meshServiceOf(this.node.path, props);
    requireService(this.node.path, props?.service);
    this.model = resolveIngress(this.node.path, props.service._model, props);
    this.hosts = [...this.model.hosts];
    const render = () => renderIngress(props.service._model, this.model, props.service._routing());
    const initial = render();
    this.gateway = new Gateway(this, 'Gateway', initial.gateway);
    // Rendered lazily: a canary attached later changes the destinations.
    this.virtualService = new VirtualService(this, 'VirtualService', {
      metadata: initial.virtualService.metadata,
      spec: Lazy.any({ produce: () => render().virtualService.spec }),
    });
    // The apply-order annotation follows the subsets, which a canary attached later adds.
    props.service._onExtend(() => {
      for (const [key, value] of Object.entries(ingressApplyOrder(props.service._model, props.service._routing()))) {
        ApiObject.of(this.virtualService).metadata.addAnnotation(key, value);
      }
    });
    if (initial.certificate) this.certificate = new Certificate(this, 'Certificate', initial.certificate);
    validateOnSynth(this);
  }
}
