// Differential: the mesh service rendering in two parts (fixed objects once, routing objects per
// extension, routing metadata without specs) against rendering every object in one pass, as
// GrpcMeshService did before, for every example scenario and for generated props and canaries.
import * as fc from 'fast-check';
import { canaryInputArb, validMeshServicePropsArb } from './util/arbitraries';
import { AMBIENT_SCENARIOS } from '../examples/cdk8s/ambient-scenarios';
import { CANARY_SCENARIOS } from '../examples/cdk8s/canary-scenarios';
import { MESH_SERVICE_SCENARIOS } from '../examples/cdk8s/scenarios';
import { applyOrder } from '../lib/core/apply-order';
import { canaryExtensions } from '../lib/core/canary/render-canary';
import { resolveCanary } from '../lib/core/canary/resolve-canary';
import { IstioGrpcError } from '../lib/core/errors';
import { DataPlane, RoutingApi } from '../lib/core/mesh-mode';
import { MeshServiceModel } from '../lib/core/mesh-service-model';
import { GrpcMeshServiceProps } from '../lib/core/mesh-service-props';
import { renderWaypoint } from '../lib/core/render/ambient/waypoint';
import { renderGatewayApiRouting } from '../lib/core/render/gateway-api/routing';
import { renderIstioRouting } from '../lib/core/render/istio/routing';
import {
  hasRoutingProxy, MeshServiceExtensions, renderMeshService, renderMeshServiceFixed, renderMeshServiceRouting,
  renderMeshServiceRoutingMetadata, withRouting,
} from '../lib/core/render/mesh-service';
import { renderAuthorizationPolicy, renderPeerAuthentication, renderPodsAdmitWaypointOnly, renderTelemetry } from '../lib/core/render/security';
import { renderService } from '../lib/core/render/service';
import { renderDeployment, renderServiceAccount } from '../lib/core/render/workload';
import { resolveMeshService } from '../lib/core/resolve-mesh-service';

/** The one-pass rendering, spelled as it was before the split: the oracle. */
function onePassRendering(model: MeshServiceModel, extensions: MeshServiceExtensions = {}) {
  const optional = (key: string, value: unknown) => (value === undefined ? {} : { [key]: value });
  const order = applyOrder(model.subsetChange, (extensions.subsets ?? []).length > 0);
  const subsets = extensions.subsets ?? [];
  const routing = extensions.routing ?? {};
  const rendered: Record<string, unknown> = model.mode.routingApi === RoutingApi.GATEWAY_API
    ? { ...renderGatewayApiRouting(model, subsets, routing, order) }
    : { ...renderIstioRouting(model, subsets, routing, order) };
  if (!hasRoutingProxy(model)) {
    delete rendered.virtualService;
    delete rendered.grpcRoute;
  }
  return {
    service: renderService(model),
    ...(model.workload ? { serviceAccount: renderServiceAccount(model, model.workload), deployment: renderDeployment(model, model.workload) } : {}),
    ...optional('waypoint', renderWaypoint(model)),
    ...rendered,
    ...optional('peerAuthentication', renderPeerAuthentication(model)),
    ...optional('authorizationPolicy', renderAuthorizationPolicy(model)),
    ...optional('waypointOnlyPolicy', renderPodsAdmitWaypointOnly(model)),
    ...optional('telemetry', renderTelemetry(model)),
  };
}

/** THEN: the same objects with keys in the same order (JSON text), and the metadata alone agrees. */
function expectSameAsOnePass(model: MeshServiceModel, extensions?: MeshServiceExtensions): void {
  const expected = onePassRendering(model, extensions);
  const routing = renderMeshServiceRouting(model, extensions);
  expect(JSON.stringify(withRouting(renderMeshServiceFixed(model), routing))).toBe(JSON.stringify(expected));
  expect(JSON.stringify(renderMeshService(model, extensions))).toBe(JSON.stringify(expected));
  const metadata = renderMeshServiceRoutingMetadata(model, extensions);
  expect(Object.keys(metadata)).toStrictEqual(['destinationRule', 'virtualService', 'grpcRoute'].filter((k) => k in routing));
  for (const [key, meta] of Object.entries(metadata)) {
    expect(JSON.stringify(meta)).toBe(JSON.stringify((routing as Record<string, { metadata?: unknown }>)[key].metadata));
  }
}

/** The model of `props`, or undefined when they are refused. */
function modelOf(props: GrpcMeshServiceProps): MeshServiceModel | undefined {
  try {
    return resolveMeshService('test', props);
  } catch (e) {
    if (e instanceof IstioGrpcError) return undefined;
    throw e;
  }
}

const MODES: readonly Pick<GrpcMeshServiceProps, 'routingApi' | 'dataPlane' | 'waypoint'>[] = [
  {},
  { routingApi: RoutingApi.GATEWAY_API },
  { dataPlane: DataPlane.AMBIENT },
  { dataPlane: DataPlane.AMBIENT, waypoint: true },
  { dataPlane: DataPlane.AMBIENT, waypoint: true, routingApi: RoutingApi.GATEWAY_API },
];

describe('mesh service rendering in parts', () => {
  test.each(MESH_SERVICE_SCENARIOS.map((s) => [s.id, s] as const))('%s: the same as one pass', (_id, scenario) => {
    // GIVEN an example service; WHEN rendered in parts; THEN as in one pass
    expectSameAsOnePass(resolveMeshService('test', scenario.props));
  });

  test.each(CANARY_SCENARIOS.map((s) => [s.id, s] as const))('%s: with its canary, the same as one pass', (_id, scenario) => {
    // GIVEN an example service and canary; WHEN the canary's extensions are rendered in parts; THEN as in one pass
    const model = resolveMeshService('test', scenario.service);
    expectSameAsOnePass(model, canaryExtensions(model, resolveCanary('test/canary', model, scenario.canary)));
  });

  test.each(AMBIENT_SCENARIOS.map((s) => [s.id, s] as const))('%s (ambient): the same as one pass', (_id, scenario) => {
    // GIVEN an ambient example, with its canary when it has one; WHEN rendered in parts; THEN as in one pass
    const model = resolveMeshService('test', scenario.service);
    expectSameAsOnePass(model);
    if (scenario.canary) expectSameAsOnePass(model, canaryExtensions(model, resolveCanary('test/canary', model, scenario.canary)));
  });

  test.each(MODES.map((m) => [JSON.stringify(m), m] as const))('a plain service on %s: the same as one pass', (_id, mode) => {
    // GIVEN the smallest props on a routing API and data plane (ambient without a waypoint renders no route)
    expectSameAsOnePass(resolveMeshService('test', { name: 'plain', ...mode }));
  });

  test('generated props on every routing API and data plane: the same as one pass', () => {
    fc.assert(fc.property(validMeshServicePropsArb, fc.constantFrom(...MODES), (props, mode) => {
      const model = modelOf({ ...props, ...mode });
      if (model) expectSameAsOnePass(model);
    }), { numRuns: 300, seed: 20261203 });
  });

  test('generated canaries on every routing API and data plane: the same as one pass', () => {
    fc.assert(fc.property(canaryInputArb, fc.constantFrom(...MODES), ({ service, canary }, mode) => {
      const model = modelOf({ ...service, ...mode } as GrpcMeshServiceProps);
      if (!model) return;
      let extensions: MeshServiceExtensions;
      try {
        extensions = canaryExtensions(model, resolveCanary('test/canary', model, canary as never));
      } catch (e) {
        if (e instanceof IstioGrpcError) return;
        throw e;
      }
      expectSameAsOnePass(model, extensions);
    }), { numRuns: 300, seed: 20261203 });
  });
});
