import fc from 'fast-check';
import { canaryInputArb, gatewayApiIngressInputArb, ingressInputArb } from './util/arbitraries';
import { canaryOutcome, ingressOutcome, Outcome } from './util/properties';

describe('GrpcCanary and GrpcIngress over generated props', () => {
  test.each([
    ['GrpcCanary', canaryInputArb, canaryOutcome],
    ['GrpcIngress', ingressInputArb, ingressOutcome],
    ['GrpcIngress on RoutingApi.GATEWAY_API', gatewayApiIngressInputArb, ingressOutcome],
  ] as const)('%s either refuses with IstioGrpcError or emits objects the validation engine accepts', (_name, arbitrary, run) => {
    // GIVEN inputs valid and invalid in every combination; WHEN synthesized; THEN never anything else
    const outcomes: Outcome[] = [];
    const check = (input: unknown) => { outcomes.push((run as (i: unknown) => Outcome)(input)); };
    fc.assert(fc.property(arbitrary as fc.Arbitrary<unknown>, check), { numRuns: 200, seed: 20261124 });
    // Both outcomes occur, so the property is exercised on both sides.
    expect(new Set(outcomes)).toStrictEqual(new Set(['rejected', 'synthesized']));
  });
});
