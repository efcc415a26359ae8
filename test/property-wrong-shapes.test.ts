import { allWrongShapes, baseOutcomes, wrongShapeOutcome } from './util/wrong-shapes';

describe('props of the wrong shape, at every depth', () => {
  test('the full inputs synthesize, so each case has exactly one thing wrong', () => {
    expect(baseOutcomes()).toStrictEqual(['synthesized', 'synthesized', 'synthesized']);
  });

  test('every prop replaced by every wrong-shaped value: IstioGrpcError or valid manifests, never a TypeError', () => {
    const failures: string[] = [];
    const cases = allWrongShapes();
    for (const c of cases) {
      try {
        wrongShapeOutcome(c);
      } catch (err) {
        failures.push(`${c.target} ${c.path}: ${(err as Error).message.split('\n')[0].slice(0, 200)}`);
      }
    }
    expect(cases.length).toBeGreaterThan(500);
    expect(failures).toStrictEqual([]);
  }, 120_000);
});
