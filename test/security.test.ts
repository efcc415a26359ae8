import { GrpcMeshServiceProps, Idempotency, MtlsMode, principalOf } from '../lib';
import { errorsOf, validateObjects } from '../lib/validate';
import { only, synthMeshService } from './util/synth';

const BASE: GrpcMeshServiceProps = { name: 'payments', namespace: 'shop', protoService: 'payments.v1.Payments' };
const kinds = (objects: any[]) => objects.map((o) => o.kind);

describe('mesh security and telemetry', () => {
  test('STRICT mTLS for the service\'s pods by default', () => {
    const pa = only(synthMeshService(BASE), 'PeerAuthentication');
    expect(pa.spec).toStrictEqual({ selector: { matchLabels: { app: 'payments' } }, mtls: { mode: 'STRICT' } });
  });

  test('PERMISSIVE on request; INHERIT emits no PeerAuthentication', () => {
    expect(only(synthMeshService({ ...BASE, mtls: MtlsMode.PERMISSIVE }), 'PeerAuthentication').spec.mtls.mode).toBe('PERMISSIVE');
    expect(kinds(synthMeshService({ ...BASE, mtls: MtlsMode.INHERIT }))).not.toContain('PeerAuthentication');
  });

  test('no callers given: no AuthorizationPolicy (nothing is denied)', () => {
    expect(kinds(synthMeshService(BASE))).not.toContain('AuthorizationPolicy');
  });

  test('a method with callers gets an ALLOW rule on its path; with denyUnlisted everything else is denied', () => {
    const objects = synthMeshService({ ...BASE, denyUnlisted: true, methods: [{ name: 'Charge', idempotency: Idempotency.NON_IDEMPOTENT, allowedPrincipals: [principalOf('shop', 'checkout')] }] });
    expect(only(objects, 'AuthorizationPolicy').spec).toStrictEqual({
      selector: { matchLabels: { app: 'payments' } },
      action: 'ALLOW',
      rules: [{ from: [{ source: { principals: ['cluster.local/ns/shop/sa/checkout'] } }], to: [{ operation: { paths: ['/payments.v1.Payments/Charge'] } }] }],
    });
    expect(errorsOf(validateObjects(objects))).toStrictEqual([]);
  });

  test('service-wide callers may call every method without callers of its own', () => {
    const objects = synthMeshService({
      ...BASE,
      allowedNamespaces: ['shop'],
      methods: [{ name: 'Charge', idempotency: Idempotency.NON_IDEMPOTENT, allowedPrincipals: [principalOf('shop', 'checkout')] }],
    });
    expect(only(objects, 'AuthorizationPolicy').spec.rules[1]).toStrictEqual({
      from: [{ source: { namespaces: ['shop'] } }], to: [{ operation: { notPaths: ['/payments.v1.Payments/Charge'] } }],
    });
  });

  test('access logs: a Telemetry with the envoy provider and an optional filter', () => {
    expect(only(synthMeshService({ ...BASE, accessLogs: true, accessLogFilter: 'response.code >= 400' }), 'Telemetry').spec).toStrictEqual({
      selector: { matchLabels: { app: 'payments' } },
      accessLogging: [{ providers: [{ name: 'envoy' }], filter: { expression: 'response.code >= 400' } }],
    });
    expect(kinds(synthMeshService(BASE))).not.toContain('Telemetry');
  });

  test('principalOf builds SPIFFE principals', () => {
    expect(principalOf('web', 'frontend')).toBe('cluster.local/ns/web/sa/frontend');
    expect(principalOf('web', 'frontend', 'corp.example')).toBe('corp.example/ns/web/sa/frontend');
  });

  test.each([
    [{ allowedPrincipals: ['frontend'] }, /\[test\/svc\] allowedPrincipals\[0\]: got "frontend"; is not a SPIFFE principal/],
    [{ allowedNamespaces: ['Shop'] }, /allowedNamespaces\[0\]: got "Shop"; is not a namespace name/],
    [{ methods: [{ name: 'A', allowedPrincipals: ['x y'] }] }, /methods\[0\]\.allowedPrincipals\[0\]: got "x y"/],
    [{ allowedNamespaces: ['shop'], mtls: MtlsMode.PERMISSIVE }, /mtls: got "PERMISSIVE"; caller principals and namespaces come from the peer's mTLS certificate/],
    [{ accessLogFilter: 'response.code >= 400' }, /accessLogFilter: got "response.code >= 400"; filters access logs, which are off\. Fix: set accessLogs: true/],
  ])('bad input %# is refused', (props, message) => {
    expect(() => synthMeshService({ ...BASE, ...props } as GrpcMeshServiceProps)).toThrow(message);
  });
});
