import fc from 'fast-check';
import { GrpcMeshServiceProps, Idempotency, principalOf } from '../lib';
import { CALLERS, istioAllows, PATHS, policyOutcome, policyPropsArb } from './util/policy-oracle';
import { only, synthMeshService } from './util/synth';

const BASE: GrpcMeshServiceProps = { name: 'payments', namespace: 'shop', protoService: 'payments.v1.Payments' };
const CHECKOUT = principalOf('shop', 'checkout');

describe('policies never fail open: empty caller lists', () => {
  test.each([
    ['allowedPrincipals', { allowedPrincipals: [] }],
    ['allowedNamespaces', { allowedNamespaces: [] }],
    ['methods[0].allowedPrincipals', { allowedNamespaces: ['shop'], methods: [{ name: 'Charge', allowedPrincipals: [] }] }],
    ['methods[0].allowedNamespaces', { allowedNamespaces: ['shop'], methods: [{ name: 'Charge', allowedNamespaces: [] }] }],
  ])('%s: [] is refused, since no policy would mean anyone may call', (field, props) => {
    // GIVEN an empty list, WHEN synthesizing, THEN a clear error naming the field
    expect(() => synthMeshService({ ...BASE, ...props } as GrpcMeshServiceProps))
      .toThrow(new RegExp(`\\[test/svc\\] ${field.replace(/[[\].]/g, '\\$&')}: got \\[\\]; an empty list of callers cannot be expressed as an ALLOW policy.*Fix: list the callers`));
  });
});

describe('policies never fail open: methods nobody may call', () => {
  const CHARGE_ONLY = { ...BASE, methods: [{ name: 'Charge', idempotency: Idempotency.NON_IDEMPOTENT, allowedPrincipals: [CHECKOUT] }, { name: 'GetPayment' }] };

  test('callers on some methods without service-wide callers are refused, naming the methods left unreachable', () => {
    expect(() => synthMeshService(CHARGE_ONLY)).toThrow(/allowedPrincipals: got undefined; Charge names its callers, so the AuthorizationPolicy allows only those calls: GetPayment and every undeclared method would be denied to every caller\. Fix: set allowedPrincipals or allowedNamespaces on the service.*or set denyUnlisted: true/);
  });

  test('denyUnlisted: true makes the lock-down explicit: only Charge, only from checkout', () => {
    const policy = only(synthMeshService({ ...CHARGE_ONLY, denyUnlisted: true }), 'AuthorizationPolicy');
    expect(policy.spec.rules).toStrictEqual([{ from: [{ source: { principals: [CHECKOUT] } }], to: [{ operation: { paths: ['/payments.v1.Payments/Charge'] } }] }]);
    expect(istioAllows([policy], '/payments.v1.Payments/GetPayment', { namespace: 'shop', serviceAccount: 'checkout' })).toBe(false);
  });

  test('denyUnlisted that changes nothing, or denies everything, is refused', () => {
    expect(() => synthMeshService({ ...CHARGE_ONLY, allowedNamespaces: ['shop'], denyUnlisted: true })).toThrow(/denyUnlisted: got true; has no effect: the service-wide/);
    expect(() => synthMeshService({ ...BASE, denyUnlisted: true })).toThrow(/denyUnlisted: got true; no method names its callers, so every call of the service would be denied/);
    expect(() => synthMeshService({ ...BASE, denyUnlisted: 'yes' as unknown as boolean })).toThrow(/denyUnlisted: got "yes"; must be true or false/);
  });

  test('denyUnlisted: false is the default and still refuses the accidental lock-down', () => {
    expect(() => synthMeshService({ ...CHARGE_ONLY, denyUnlisted: false })).toThrow(/would be denied to every caller/);
  });
});

describe('policies never fail open: Istio\'s verdict equals the props\' meaning', () => {
  test('the oracle itself: no ALLOW policy allows all; an ALLOW policy without a matching rule denies', () => {
    const caller = CALLERS[0];
    expect(istioAllows([], PATHS[0], caller)).toBe(true);
    expect(istioAllows([{ spec: { action: 'ALLOW', rules: [] } }], PATHS[0], caller)).toBe(false);
    expect(istioAllows([{ spec: { action: 'ALLOW', rules: [{ to: [{ operation: { notPaths: [PATHS[0]] } }] }] } }], PATHS[0], caller)).toBe(false);
  });

  test('for generated callers on the service and its methods, every request is allowed exactly when the props allow it, or the props are refused', () => {
    const counts = { rejected: 0, synthesized: 0 };
    fc.assert(fc.property(policyPropsArb, (props) => { counts[policyOutcome(props)]++; }), { numRuns: 300 });
    // Both outcomes are exercised, so neither half of the property is vacuous.
    expect(counts.rejected).toBeGreaterThan(0);
    expect(counts.synthesized).toBeGreaterThan(0);
  });
});
