import { CONFORMANCE_DIR, loadConformanceCases, runConformanceCase } from './util/conformance';

// The corpus is not part of the repository; it is read only where it sits beside it.
const cases = loadConformanceCases();

if (!cases) {
  // eslint-disable-next-line no-console
  console.log(`conformance test skipped: no corpus at ${CONFORMANCE_DIR} (it is not shipped with the repository)`);
  test.skip('Istio conformance corpus (not present)', () => undefined);
} else {
  describe('lint agrees with Istio on the conformance corpus', () => {
    test.each(cases.map((c) => [c.file, c]))('%s', (_file, c) => {
      // WHEN
      const result = runConformanceCase(c);
      // THEN valid <-> no error finding, and the same IST codes
      expect({ valid: result.valid, codes: result.codes, findings: result.findings })
        .toMatchObject({ valid: c.valid, codes: [...c.codes].sort() });
    });
  });
}
