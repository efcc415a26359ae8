import { Testing } from 'cdk8s';
import { GrpcIngress, GrpcIngressOptions, GrpcMeshService, IngressTlsMode } from '../lib';
import { errorsOf, validateObjects } from '../lib/validate';
import { only } from './util/synth';

const MUTUAL = { credentialName: 'orders-tls', mode: IngressTlsMode.MUTUAL, clientCaCredentialName: 'orders-tls-cacert' };

function synthIngress(options: Partial<GrpcIngressOptions>): any[] {
  const chart = Testing.chart();
  const service = new GrpcMeshService(chart, 'orders', { name: 'orders', namespace: 'shop' });
  new GrpcIngress(chart, 'ingress', { service, hosts: ['orders.example.com'], tls: MUTUAL, ...options });
  return Testing.synth(chart);
}
const serverTls = (objects: any[]) => only(objects, 'Gateway').spec.servers[0].tls;

describe('MUTUAL ingress: clients are verified against their own CA', () => {
  test('the client CA Secret is rendered as caCertCredentialName, apart from the server certificate', () => {
    const objects = synthIngress({});
    expect(serverTls(objects)).toStrictEqual({ mode: 'MUTUAL', credentialName: 'orders-tls', minProtocolVersion: 'TLSV1_2', caCertCredentialName: 'orders-tls-cacert' });
    // As a chart validates: the TLS Secret of the default ingress gateway is made out of band.
    expect(errorsOf(validateObjects(objects, { workloads: 'partial' }))).toStrictEqual([]);
  });

  test('MUTUAL without a client CA is refused: the server Secret\'s ca.crt would be trusted for clients', () => {
    expect(() => synthIngress({ tls: { credentialName: 'orders-tls', mode: IngressTlsMode.MUTUAL } }))
      .toThrow(/tls\.clientCaCredentialName: got undefined; MUTUAL TLS without a client CA of its own would verify clients against orders-tls's ca\.crt.*Fix: .*clientCaCredentialName: "orders-tls-cacert"/);
  });

  test('the server certificate Secret cannot double as the client CA', () => {
    expect(() => synthIngress({ tls: { ...MUTUAL, clientCaCredentialName: 'orders-tls' } })).toThrow(/tls\.clientCaCredentialName: got "orders-tls"; is the server certificate Secret/);
  });

  test('client SANs are pinned on the server', () => {
    expect(serverTls(synthIngress({ tls: { ...MUTUAL, subjectAltNames: ['billing.partner.example', 'spiffe://partner.example/ns/a/sa/b'] } })).subjectAltNames)
      .toStrictEqual(['billing.partner.example', 'spiffe://partner.example/ns/a/sa/b']);
  });

  test.each([
    [{ subjectAltNames: [] }, /tls\.subjectAltNames: got \[\]; must be a non-empty list \(an empty list pins nothing\)/],
    [{ subjectAltNames: ['a b'] }, /tls\.subjectAltNames\[0\]: got "a b"; is not a subject alternative name/],
    [{ subjectAltNames: ['a.example', 'a.example'] }, /tls\.subjectAltNames\[1\]: got "a\.example"; is listed twice/],
    [{ clientCaCredentialName: 'Bad Name' }, /tls\.clientCaCredentialName: got "Bad Name"; must be a DNS-1123 label/],
    [{ mode: 'OPTIONAL' as IngressTlsMode }, /tls\.mode: got "OPTIONAL"; is not an IngressTlsMode/],
  ])('%j is refused', (tls, message) => {
    expect(() => synthIngress({ tls: { ...MUTUAL, ...tls } })).toThrow(message);
  });

  test.each([
    ['clientCaCredentialName', { clientCaCredentialName: 'ca' }],
    ['subjectAltNames', { subjectAltNames: ['a.example'] }],
  ])('%s on a SIMPLE server is refused (no client certificate is asked for)', (field, extra) => {
    expect(() => synthIngress({ tls: { credentialName: 'orders-tls', ...extra } })).toThrow(new RegExp(`tls\\.${field}: got .*; only applies to MUTUAL TLS; with SIMPLE`));
  });
});

describe('gRPC-Web is not put on a MUTUAL server without saying so', () => {
  const web = { allowOrigins: ['https://shop.example.com'] };

  test('refused by default, naming the way out', () => {
    expect(() => synthIngress({ grpcWeb: web })).toThrow(/grpcWeb: got \["https:\/\/shop\.example\.com"\]; gRPC-Web serves browsers, and on a MUTUAL server every browser would need a client certificate.*Fix: expose the browser hosts through their own GrpcIngress with SIMPLE TLS, or set grpcWeb\.allowWithMutualTls: true/);
  });

  test('allowed with allowWithMutualTls: true', () => {
    const objects = synthIngress({ grpcWeb: { ...web, allowWithMutualTls: true } });
    expect(serverTls(objects).mode).toBe('MUTUAL');
    expect(objects.find((o) => o.kind === 'VirtualService' && o.metadata.name === 'orders-ingress').spec.http[0].corsPolicy).toBeDefined();
  });

  test('allowWithMutualTls on a SIMPLE server is refused, since it changes nothing', () => {
    expect(() => synthIngress({ tls: { credentialName: 'orders-tls' }, grpcWeb: { ...web, allowWithMutualTls: true } })).toThrow(/grpcWeb\.allowWithMutualTls: got true; the gateway server is SIMPLE, not MUTUAL/);
  });
});
