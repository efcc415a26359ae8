import fc from 'fast-check';
import { canaryInputArb, ingressInputArb, meshServicePropsArb } from './arbitraries';
import { policyOutcome, policyPropsArb } from './policy-oracle';
import { canaryOutcome, ingressOutcome, meshServiceOutcome, Outcome } from './properties';
import { wrongShapeArb, wrongShapeOutcome } from './wrong-shapes';

/** A reliability property: generated input and the run that classifies its outcome. */
export interface FuzzProperty {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<any>;
  readonly run: (input: any) => Outcome;
}

/** Every construct's property; the unit suite runs each briefly, `npm run fuzz` at length. */
export const FUZZ_PROPERTIES: readonly FuzzProperty[] = [
  { name: 'GrpcMeshService', arbitrary: meshServicePropsArb, run: meshServiceOutcome },
  { name: 'GrpcCanary', arbitrary: canaryInputArb, run: canaryOutcome },
  { name: 'GrpcIngress', arbitrary: ingressInputArb, run: ingressOutcome },
  { name: 'AuthorizationPolicy (never fails open)', arbitrary: policyPropsArb, run: policyOutcome },
  { name: 'props of the wrong shape', arbitrary: wrongShapeArb, run: wrongShapeOutcome },
];
