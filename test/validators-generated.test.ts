import { ISTIO_VALIDATORS_JS } from '../lib/validate/schemas/istio-validators.generated';
import { validatorsSource } from '../scripts/generate-validators';

describe('precompiled CRD validators', () => {
  test('match what the generator makes from the committed schema bundle (run `npm run import` after changing either)', () => {
    expect(ISTIO_VALIDATORS_JS === validatorsSource()).toBe(true);
  });
});
