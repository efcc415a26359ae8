import type { k8s } from 'cdk8s-plus-28';
import { RoutingOptions } from './istio/virtual-service';
import * as gatewayapi from '../../../imports/gateway.networking.k8s.io';
import * as istio from '../../../imports/networking.istio.io';
import * as security from '../../../imports/security.istio.io';
import * as telemetry from '../../../imports/telemetry.istio.io';
import { ApplyOrder, applyOrder } from '../apply-order';
import { KubeObject } from '../kube-object';
import { deploymentManifest, serviceAccountManifest, serviceManifest } from './kube-json';
import { RoutingApi } from '../mesh-mode';
import { MeshServiceModel } from '../mesh-service-model';
import { renderGatewayApiRouting } from './gateway-api/routing';
import { SubsetModel } from './istio/destination-rule';
import { renderIstioRouting } from './istio/routing';
import { renderAuthorizationPolicy, renderPeerAuthentication, renderTelemetry } from './security';
import { renderService } from './service';
import { renderDeployment, renderServiceAccount } from './workload';

/** Everything a mesh service renders, as the imported `*Props` of each object. */
export interface MeshServiceRendering {
  readonly service: k8s.KubeServiceProps;
  readonly serviceAccount?: k8s.KubeServiceAccountProps;
  readonly deployment?: k8s.KubeDeploymentProps;
  readonly destinationRule: istio.DestinationRuleProps;
  /** Routing on RoutingApi.ISTIO. */
  readonly virtualService?: istio.VirtualServiceProps;
  /** Routing on RoutingApi.GATEWAY_API (GAMMA: the Service is its parent). */
  readonly grpcRoute?: gatewayapi.GrpcRouteProps;
  /** On GATEWAY_API, one Service per subset (`<service>-<subset>`), the GRPCRoute's backends. */
  readonly subsetServices?: k8s.KubeServiceProps[];
  /** On GATEWAY_API, the DestinationRule of each per-subset Service (its subset's policy). */
  readonly subsetDestinationRules?: istio.DestinationRuleProps[];
  readonly peerAuthentication?: security.PeerAuthenticationProps;
  readonly authorizationPolicy?: security.AuthorizationPolicyProps;
  readonly telemetry?: telemetry.TelemetryProps;
}

/** What other features (canary, ingress) add to a mesh service's own objects. */
export interface MeshServiceExtensions {
  /** DestinationRule subsets. @default - none */
  readonly subsets?: readonly SubsetModel[];
  /** How routes spread traffic. @default - all to the service */
  readonly routing?: RoutingOptions;
}

/** Renders every object of a resolved mesh service. */
export function renderMeshService(model: MeshServiceModel, extensions: MeshServiceExtensions = {}): MeshServiceRendering {
  const order = applyOrder(model.subsetChange, (extensions.subsets ?? []).length > 0);
  return {
    service: renderService(model),
    ...(model.workload ? {
      serviceAccount: renderServiceAccount(model, model.workload),
      deployment: renderDeployment(model, model.workload),
    } : {}),
    ...renderRouting(model, extensions, order),
    ...optional('peerAuthentication', renderPeerAuthentication(model)),
    ...optional('authorizationPolicy', renderAuthorizationPolicy(model)),
    ...optional('telemetry', renderTelemetry(model)),
  };
}

/** The seam between the routing APIs: everything else a service renders is the same on both. */
function renderRouting(model: MeshServiceModel, extensions: MeshServiceExtensions, order: ApplyOrder) {
  const subsets = extensions.subsets ?? [];
  const routing = extensions.routing ?? {};
  return model.mode.routingApi === RoutingApi.GATEWAY_API
    ? renderGatewayApiRouting(model, subsets, routing, order)
    : renderIstioRouting(model, subsets, routing, order);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * Turns a rendering into manifests (the JSON form `cdk8s synth` writes): the Istio objects through
 * the imported classes' own converters, the core objects through kube-json (checked against
 * cdk8s-plus-28's converters by the tests), so cdk8s and Pulumi emit the same objects.
 */
export function meshServiceManifests(rendering: MeshServiceRendering): KubeObject[] {
  return [
    serviceManifest(rendering.service),
    ...(rendering.serviceAccount ? [serviceAccountManifest(rendering.serviceAccount)] : []),
    ...(rendering.deployment ? [deploymentManifest(rendering.deployment)] : []),
    istio.DestinationRule.manifest(rendering.destinationRule),
    ...(rendering.virtualService ? [istio.VirtualService.manifest(rendering.virtualService)] : []),
    ...(rendering.grpcRoute ? [gatewayapi.GrpcRoute.manifest(rendering.grpcRoute)] : []),
    ...(rendering.peerAuthentication ? [security.PeerAuthentication.manifest(rendering.peerAuthentication)] : []),
    ...(rendering.authorizationPolicy ? [security.AuthorizationPolicy.manifest(rendering.authorizationPolicy)] : []),
    ...(rendering.telemetry ? [telemetry.Telemetry.manifest(rendering.telemetry)] : []),
    // Last, so the objects that exist without a canary keep their places (Pulumi indexes by position).
    ...subsetManifests(rendering),
  ];
}


/** The per-subset Services and DestinationRules (Gateway API routing with a canary). */
export function subsetManifests(rendering: MeshServiceRendering): KubeObject[] {
  return [
    ...(rendering.subsetServices ?? []).map((s) => serviceManifest(s)),
    ...(rendering.subsetDestinationRules ?? []).map((d) => istio.DestinationRule.manifest(d)),
  ];
}
