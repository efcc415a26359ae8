import * as certManager from '../../../../imports/cert-manager.io';
import * as gatewayapi from '../../../../imports/gateway.networking.k8s.io';
import { KubeObject } from '../../kube-object';
import { MeshServiceModel } from '../../mesh-service-model';
import { RoutingOptions } from '../../render/istio/virtual-service';
import { renderIngressCertificate } from '../render-certificate';
import { IngressModel } from '../resolve-ingress';
import { renderGatewayApiGateway } from './render-gateway';
import { renderIngressGrpcRoute } from './render-grpc-route';
import { renderRedirectRoute } from './render-redirect-route';
import { renderReferenceGrant } from './render-reference-grant';

/** Everything an ingress renders on RoutingApi.GATEWAY_API, as the imported `*Props` of each object. */
export interface GatewayApiIngressRendering {
  readonly gateway: gatewayapi.GatewayProps;
  readonly grpcRoute: gatewayapi.GrpcRouteProps;
  readonly redirectRoute?: gatewayapi.HttpRouteProps;
  readonly referenceGrant?: gatewayapi.ReferenceGrantProps;
  readonly certificate?: certManager.CertificateProps;
}

/** The Gateway, its GRPCRoute, and where asked for the redirect route, ReferenceGrant and Certificate. */
export function renderGatewayApiIngress(service: MeshServiceModel, ingress: IngressModel, routing: RoutingOptions = {}): GatewayApiIngressRendering {
  const redirectRoute = renderRedirectRoute(service, ingress);
  const referenceGrant = renderReferenceGrant(service, ingress);
  const certificate = renderIngressCertificate(service, ingress);
  return {
    gateway: renderGatewayApiGateway(service, ingress),
    grpcRoute: renderIngressGrpcRoute(service, ingress, routing),
    ...(redirectRoute ? { redirectRoute } : {}),
    ...(referenceGrant ? { referenceGrant } : {}),
    ...(certificate ? { certificate } : {}),
  };
}

/** The manifests, through the imported classes' converters (same for cdk8s and Pulumi). */
export function gatewayApiIngressManifests(rendering: GatewayApiIngressRendering): KubeObject[] {
  return [
    gatewayapi.Gateway.manifest(rendering.gateway),
    gatewayapi.GrpcRoute.manifest(rendering.grpcRoute),
    ...(rendering.redirectRoute ? [gatewayapi.HttpRoute.manifest(rendering.redirectRoute)] : []),
    ...(rendering.referenceGrant ? [gatewayapi.ReferenceGrant.manifest(rendering.referenceGrant)] : []),
    ...(rendering.certificate ? [certManager.Certificate.manifest(rendering.certificate)] : []),
  ];
}
