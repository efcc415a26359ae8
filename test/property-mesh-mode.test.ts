import { App, Chart } from 'cdk8s';
import fc from 'fast-check';
import { GrpcMeshServiceProps, Idempotency, RoutingApi } from '../lib';
import { canaryInputArb, meshServicePropsArb } from './util/arbitraries';
import { canaryOutcome, meshServiceOutcome } from './util/properties';
import { GrpcCanaryOptions } from '../lib/core/canary/canary-props';
import { GrpcCanary } from '../lib/grpc-canary';
import { GrpcMeshService } from '../lib/grpc-mesh-service';

/** The mode props, valid or not: a routing API (or junk) and the mesh retry statement (or junk). */
const modeArb = fc.record({
  routingApi: fc.option(fc.oneof({ arbitrary: fc.constantFrom(RoutingApi.ISTIO, RoutingApi.GATEWAY_API), weight: 9 }, { arbitrary: fc.constantFrom('GAMMA', '', 'istio') as fc.Arbitrary<any>, weight: 1 }), { nil: undefined }),
  meshDefaultRetriesDisabled: fc.option(fc.oneof({ arbitrary: fc.boolean(), weight: 9 }, { arbitrary: fc.constant('yes') as fc.Arbitrary<any>, weight: 1 }), { nil: undefined }),
}, { requiredKeys: [] });

/**
 * Beyond the engine (which does not schema-check Gateway API kinds yet): on GATEWAY_API, no
 * VirtualService, one GRPCRoute, and every backendRef and mirror names a Service in the output.
 */
let routesChecked = 0;
function checkGatewayApiObjects(objects: any[]): void {
  const routes = objects.filter((o) => o.kind === 'GRPCRoute');
  if (!routes.length) return;
  routesChecked++;
  if (routes.length !== 1 || objects.some((o) => o.kind === 'VirtualService')) throw new Error('expected one GRPCRoute and no VirtualService');
  const services = new Set(objects.filter((o) => o.kind === 'Service').map((s) => s.metadata.name));
  for (const rule of routes[0].spec.rules) {
    for (const ref of rule.backendRefs) if (!services.has(ref.name)) throw new Error(`backendRef ${ref.name} names no emitted Service`);
    for (const f of rule.filters ?? []) {
      const name = f.requestMirror.backendRef.name;
      if (name.startsWith(`${routes[0].metadata.name}-`) && !services.has(name)) throw new Error(`mirror ${name} names no emitted Service`);
    }
  }
}

function synthObjects(service: GrpcMeshServiceProps, canary?: GrpcCanaryOptions): any[] {
  const app = new App({ outdir: '/tmp/istio-grpc-properties' });
  const chart = new Chart(app, 'fuzz');
  const svc = new GrpcMeshService(chart, 'svc', service);
  if (canary) new GrpcCanary(chart, 'canary', { service: svc, ...canary });
  return app.synthYaml() ? chart.toJson() : [];
}

describe('the mode props over generated input', () => {
  test('GrpcMeshService: refused with IstioGrpcError, or objects the engine accepts; Gateway API objects hang together', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(meshServicePropsArb, modeArb, (props, mode) => {
      const input = { ...props, ...mode } as GrpcMeshServiceProps;
      const outcome = meshServiceOutcome(input);
      seen.add(`${outcome} ${input.routingApi ?? 'default'}`);
      if (outcome === 'synthesized') checkGatewayApiObjects(synthObjects(input));
    }), { numRuns: 300, seed: 20261202 });
    expect(seen).toContain('synthesized GATEWAY_API');
    expect(seen).toContain('rejected GATEWAY_API');
    expect(seen).toContain('synthesized ISTIO');
    expect(routesChecked).toBeGreaterThan(0);
  });

  test('GrpcCanary: the same property with the mode props on the service it splits', () => {
    const seen = new Set<string>();
    const start = routesChecked;
    // Declared-safe methods, so Gateway API canaries get past the retry rule often enough to be exercised.
    const methodsArb = fc.option(fc.constant([{ name: 'GetUser', idempotency: Idempotency.NO_SIDE_EFFECTS }]), { nil: undefined });
    fc.assert(fc.property(canaryInputArb, modeArb, methodsArb, (input, mode, methods) => {
      const service = { ...input.service, ...mode, ...(methods ? { methods } : {}) } as GrpcMeshServiceProps;
      const canary = input.canary as GrpcCanaryOptions;
      const outcome = canaryOutcome({ service, canary });
      seen.add(`${outcome} ${service.routingApi ?? 'default'}`);
      if (outcome === 'synthesized') checkGatewayApiObjects(synthObjects(service, canary));
    }), { numRuns: 200, seed: 20261202 });
    expect(routesChecked).toBeGreaterThan(start);
    expect(seen).toContain('synthesized GATEWAY_API');
    expect(seen).toContain('rejected GATEWAY_API');
  });
});
