import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { validatorFiles, VALIDATORS_DIR } from '../scripts/generate-validators';

const SCHEMAS = join(__dirname, '..', 'lib', 'validate', 'schemas');
const INDEX = 'istio-validators.generated.ts';

describe('precompiled CRD validators', () => {
  const expected = validatorFiles(INDEX);

  test.each([...expected.keys()])('%s matches what the generator makes from the committed schema bundle (run `npm run import` after changing either)', (path) => {
    expect(readFileSync(join(SCHEMAS, path), 'utf8') === expected.get(path)).toBe(true);
  });

  test('no stale module is left in the validators folder', () => {
    const committed = readdirSync(join(SCHEMAS, VALIDATORS_DIR)).map((f) => `${VALIDATORS_DIR}/${f}`).sort();
    expect(committed).toStrictEqual([...expected.keys()].filter((p) => p !== INDEX).sort());
  });
});
