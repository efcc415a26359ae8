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
import { renderWaypoint } from './ambient/waypoint';
import { GatewayApiRouting, gatewayApiRoutingMetadata, renderGatewayApiRouting } from './gateway-api/routing';
import { SubsetModel } from './istio/destination-rule';
import { IstioRouting, istioRoutingMetadata, renderIstioRouting } from './istio/routing';
import { renderAuthorizationPolicy, renderPeerAuthentication, renderPodsAdmitWaypointOnly, renderTelemetry } from './security';
import { renderService } from './service';
import { renderDeployment, renderServiceAccount } from './workload';

/** Everything a mesh service renders, as the imported `*Props` of each object. */
export interface MeshServiceRendering {
  readonly service: k8s.KubeServiceProps;
  readonly serviceAccount?: k8s.KubeServiceAccountProps;
  readonly deployment?: k8s.KubeDeploymentProps;
  /** Ambient mode: the service's own waypoint. */
  readonly waypoint?: gatewayapi.GatewayProps;
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
  /** Ambient mode behind a waypoint, callers restricted: the pods admit only the waypoint. */
  readonly waypointOnlyPolicy?: security.AuthorizationPolicyProps;
  readonly telemetry?: telemetry.TelemetryProps;
}

/** What other features (canary, ingress) add to a mesh service's own objects. */
export interface MeshServiceExtensions {
  /** DestinationRule subsets. @default - none */
  readonly subsets?: readonly SubsetModel[];
  /** How routes spread traffic. @default - all to the service */
  readonly routing?: RoutingOptions;
}

/** The objects features never change: all but the routing ones. */
export type MeshServiceFixedRendering = Omit<MeshServiceRendering, keyof MeshServiceRoutingRendering>;

/** The objects a feature's subsets and routing change: the DestinationRule, the route, the per-subset objects. */
export type MeshServiceRoutingRendering = Pick<MeshServiceRendering, 'destinationRule' | 'virtualService' | 'grpcRoute' | 'subsetServices' | 'subsetDestinationRules'>;

/** Renders every object of a resolved mesh service. */
export function renderMeshService(model: MeshServiceModel, extensions: MeshServiceExtensions = {}): MeshServiceRendering {
  return withRouting(renderMeshServiceFixed(model), renderMeshServiceRouting(model, extensions));
}

/** The whole rendering from its two parts, keys in the order the objects are listed. */
export function withRouting(fixed: MeshServiceFixedRendering, routing: MeshServiceRoutingRendering): MeshServiceRendering {
  const { service, serviceAccount, deployment, waypoint, ...policies } = fixed;
  return {
    service,
    ...optional('serviceAccount', serviceAccount),
    ...optional('deployment', deployment),
    ...optional('waypoint', waypoint),
    ...routing,
    ...policies,
  };
}

/** Renders the objects extensions do not change, once per service. */
export function renderMeshServiceFixed(model: MeshServiceModel): MeshServiceFixedRendering {
  return {
    service: renderService(model),
    ...(model.workload ? {
      serviceAccount: renderServiceAccount(model, model.workload),
      deployment: renderDeployment(model, model.workload),
    } : {}),
    ...optional('waypoint', renderWaypoint(model)),
    ...optional('peerAuthentication', renderPeerAuthentication(model)),
    ...optional('authorizationPolicy', renderAuthorizationPolicy(model)),
    ...optional('waypointOnlyPolicy', renderPodsAdmitWaypointOnly(model)),
    ...optional('telemetry', renderTelemetry(model)),
  };
}

/**
 * Renders the objects `extensions` change, so attaching a feature re-renders only these. In
 * ambient mode without a waypoint nothing would apply a route, so none is rendered.
 */
export function renderMeshServiceRouting(model: MeshServiceModel, extensions: MeshServiceExtensions = {}): MeshServiceRoutingRendering {
  const subsets = extensions.subsets ?? [];
  const order = applyOrder(model.subsetChange, subsets.length > 0);
  return renderRouting(model, subsets, extensions.routing ?? {}, order);
}

/** The `metadata` of the service's DestinationRule and route, when it has one (the per-subset objects are left out). */
export interface MeshServiceRoutingMetadata {
  readonly destinationRule: ObjectMeta;
  readonly virtualService?: ObjectMeta;
  readonly grpcRoute?: ObjectMeta;
}

/** `metadata` of a rendered object, as the imported props type it. */
type ObjectMeta = NonNullable<istio.DestinationRuleProps['metadata']>;

/**
 * The `metadata` of the DestinationRule and route renderMeshServiceRouting renders for the same
 * model and extensions, without rendering their specs: an object's name and labels are needed
 * when it is created, its spec only once the features that change it are attached.
 */
export function renderMeshServiceRoutingMetadata(
  model: MeshServiceModel, extensions: MeshServiceExtensions = {},
): MeshServiceRoutingMetadata {
  const order = applyOrder(model.subsetChange, (extensions.subsets ?? []).length > 0);
  const routing = extensions.routing ?? {};
  const rendered = model.mode.routingApi === RoutingApi.GATEWAY_API
    ? gatewayApiRoutingMetadata(model, routing, order)
    : istioRoutingMetadata(model, routing, order);
  if (hasRoutingProxy(model)) return rendered;
  return { destinationRule: rendered.destinationRule };
}

/** Whether an L7 proxy applies the service's routes: the sidecars, or in ambient mode a waypoint. */
export function hasRoutingProxy(model: Pick<MeshServiceModel, 'ambient'>): boolean {
  return !model.ambient || model.ambient.waypoint !== undefined;
}

/** The seam between the routing APIs: everything else a service renders is the same on both. */
function renderRouting(
  model: MeshServiceModel, subsets: readonly SubsetModel[], routing: RoutingOptions, order: ApplyOrder,
): MeshServiceRoutingRendering {
  const rendered = model.mode.routingApi === RoutingApi.GATEWAY_API
    ? renderGatewayApiRouting(model, subsets, routing, order)
    : renderIstioRouting(model, subsets, routing, order);
  if (hasRoutingProxy(model)) return rendered;
  const { virtualService: _vs, grpcRoute: _route, ...rest } = rendered as IstioRouting & Partial<GatewayApiRouting>;
  return rest;
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
    ...(rendering.waypoint ? [gatewayapi.Gateway.manifest(rendering.waypoint)] : []),
    istio.DestinationRule.manifest(rendering.destinationRule),
    ...(rendering.virtualService ? [istio.VirtualService.manifest(rendering.virtualService)] : []),
    ...(rendering.grpcRoute ? [gatewayapi.GrpcRoute.manifest(rendering.grpcRoute)] : []),
    ...(rendering.peerAuthentication ? [security.PeerAuthentication.manifest(rendering.peerAuthentication)] : []),
    ...(rendering.authorizationPolicy ? [security.AuthorizationPolicy.manifest(rendering.authorizationPolicy)] : []),
    ...(rendering.waypointOnlyPolicy ? [security.AuthorizationPolicy.manifest(rendering.waypointOnlyPolicy)] : []),
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
