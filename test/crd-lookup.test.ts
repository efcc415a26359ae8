import { lookupCrd } from '../lib/validate/schema/crd-catalog';

describe('lookupCrd (remembered per apiVersion and kind)', () => {
  test('a near miss of an Istio group is a typo for its kinds only, asked once or many times', () => {
    for (let i = 0; i < 3; i++) {
      // GIVEN the seed article's mistyped group, with an Istio kind and with another kind
      expect(lookupCrd('networking.io/v1', 'Gateway')).toMatchObject({ problem: 'group', message: expect.stringMatching(/did you mean networking\.istio\.io\/v1\?/) });
      expect(lookupCrd('networking.io/v1', 'Widget')).toStrictEqual({ notIstio: true });
      expect(lookupCrd('networking.istio.io/v1', 'VirtualService')).toMatchObject({ found: { kind: 'VirtualService', version: 'v1' } });
      expect(lookupCrd('networking.istio.io/v1', 'Gateway')).toMatchObject({ found: { kind: 'Gateway' } });
    }
  });

  test('many distinct and very long apiVersions get the same answers (the memory is bounded)', () => {
    for (let i = 0; i < 12_000; i++) expect(lookupCrd(`example${i}.com/v1`, 'Thing')).toStrictEqual({ notIstio: true });
    const long = `${'a'.repeat(10_000)}.istio.io/v1`;
    expect(lookupCrd(long, 'Gateway')).toMatchObject({ problem: 'group' });
    expect(lookupCrd(long, 'Gateway')).toMatchObject({ problem: 'group' });
    expect(lookupCrd('networking.io/v1', 'Gateway')).toMatchObject({ problem: 'group' });
  });
});
