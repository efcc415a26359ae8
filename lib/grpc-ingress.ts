import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { validateOnSynth } from './chart-validation';
import { Certificate } from '../imports/cert-manager.io';
import * as gatewayapi from '../imports/gateway.networking.k8s.io';
import { Gateway, VirtualService } from '../imports/networking.istio.io';
import { renderGatewayApiIngress } from './core/ingress/gateway-api/render-gateway-api-ingress';
import { GrpcIngressOptions } from './core/ingress/ingress-props';
import { ingressApplyOrder, renderIngress } from './core/ingress/render-ingress';
import { IngressModel, resolveIngress } from './core/ingress/resolve-ingress';
import { RoutingApi } from './core/mesh-mode';
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
 * When the service's routing API is RoutingApi.GATEWAY_API, the same props render a Gateway API
 * Gateway (class `istio`), a GRPCRoute bound to it, an HTTPRoute for the redirect and a
 * ReferenceGrant for a Secret in another namespace; props Gateway API cannot express are refused.
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
  /** The Istio Gateway (in the gateway workload's namespace); RoutingApi.ISTIO only. */
  public readonly gateway?: Gateway;
  /** The VirtualService bound to the gateway (in the service's namespace); RoutingApi.ISTIO only. */
  public readonly virtualService?: VirtualService;
  /** The Gateway API Gateway (in the gateway namespace); RoutingApi.GATEWAY_API only. */
  public readonly k8sGateway?: gatewayapi.Gateway;
  /** The GRPCRoute bound to the Gateway's HTTPS listeners (in the service's namespace); RoutingApi.GATEWAY_API only. */
  public readonly grpcRoute?: gatewayapi.GrpcRoute;
  /** The HTTPRoute redirecting HTTP to HTTPS; RoutingApi.GATEWAY_API with `httpRedirect` only. */
  public readonly redirectRoute?: gatewayapi.HttpRoute;
  /** The ReferenceGrant letting the Gateway read a Secret in `tls.credentialNamespace`; RoutingApi.GATEWAY_API, when that is another namespace. */
  public readonly referenceGrant?: gatewayapi.ReferenceGrant;
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
    const objects = this.model.routingApi === RoutingApi.GATEWAY_API ? this.gatewayApiObjects(props.service) : this.istioObjects(props.service);
    this.gateway = objects.gateway;
    this.virtualService = objects.virtualService;
    this.k8sGateway = objects.k8sGateway;
    this.grpcRoute = objects.grpcRoute;
    this.redirectRoute = objects.redirectRoute;
    this.referenceGrant = objects.referenceGrant;
    this.certificate = objects.certificate;
    // The apply-order annotation follows the subsets, which a canary attached later adds.
    props.service._onExtend(() => {
      for (const [key, value] of Object.entries(ingressApplyOrder(props.service._model, props.service._routing()))) {
        objects.route.metadata.addAnnotation(key, value);
      }
    });
    validateOnSynth(this);
  }

  /** Istio Gateway + VirtualService (+ Certificate); `route` is the VirtualService. */
  private istioObjects(service: GrpcMeshService): IngressChildren {
    const render = () => renderIngress(service._model, this.model, service._routing());
    const initial = render();
    const gateway = new Gateway(this, 'Gateway', initial.gateway);
    // Rendered lazily: a canary attached later changes the destinations.
    const virtualService = new VirtualService(this, 'VirtualService', {
      metadata: initial.virtualService.metadata,
      spec: Lazy.any({ produce: () => render().virtualService.spec }),
    });
    const certificate = initial.certificate ? new Certificate(this, 'Certificate', initial.certificate) : undefined;
    return { gateway, virtualService, certificate, route: virtualService };
  }

  /** Gateway API Gateway + GRPCRoute (+ redirect HTTPRoute, ReferenceGrant, Certificate); `route` is the GRPCRoute. */
  private gatewayApiObjects(service: GrpcMeshService): IngressChildren {
    const render = () => renderGatewayApiIngress(service._model, this.model, service._routing());
    const initial = render();
    const k8sGateway = new gatewayapi.Gateway(this, 'Gateway', initial.gateway);
    // Rendered lazily: a canary attached later changes the backendRefs.
    const grpcRoute = new gatewayapi.GrpcRoute(this, 'GrpcRoute', {
      metadata: initial.grpcRoute.metadata,
      spec: Lazy.any({ produce: () => render().grpcRoute.spec }),
    });
    return {
      k8sGateway,
      grpcRoute,
      redirectRoute: initial.redirectRoute ? new gatewayapi.HttpRoute(this, 'RedirectRoute', initial.redirectRoute) : undefined,
      referenceGrant: initial.referenceGrant ? new gatewayapi.ReferenceGrant(this, 'ReferenceGrant', initial.referenceGrant) : undefined,
      certificate: initial.certificate ? new Certificate(this, 'Certificate', initial.certificate) : undefined,
      route: grpcRoute,
    };
  }
}

/** The children of one routing API's rendering, and the route whose apply order follows the subsets. */
type IngressChildren = Partial<Pick<GrpcIngress, 'gateway' | 'virtualService' | 'k8sGateway' | 'grpcRoute' | 'redirectRoute' | 'referenceGrant' | 'certificate'>> & { readonly route: ApiObject };
