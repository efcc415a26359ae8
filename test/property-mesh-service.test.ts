import fc from 'fast-check';
import { meshServicePropsArb } from './util/arbitraries';
import { meshServiceOutcome, Outcome } from './util/properties';

describe('GrpcMeshService over generated props', () => {
  test('either refuses with IstioGrpcError or emits objects the validation engine accepts', () => {
    // GIVEN props valid and invalid in every combination; WHEN synthesized; THEN never anything else
    const outcomes: Outcome[] = [];
    fc.assert(fc.property(meshServicePropsArb, (props) => { outcomes.push(meshServiceOutcome(props)); }), { numRuns: 300, seed: 20261124 });
    // Both outcomes occur, so the property is exercised on both sides.
    expect(new Set(outcomes)).toStrictEqual(new Set(['rejected', 'synthesized']));
  });
});
