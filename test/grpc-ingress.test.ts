import { Testing } from 'cdk8s';
import { INGRESS_SCENARIOS } from '../examples/cdk8s/ingress-scenarios';
import { GrpcMeshService, GrpcMeshServiceProps } from '../lib';
import { GrpcIngressOptions, IngressTlsMode } from '../lib/core/ingress/ingress-props';
import { GrpcCanary } from '../lib/grpc-canary';
import { GrpcIngress } from '../lib/grpc-ingress';
import { errorsOf, validateObjects } from '../lib/validate';
import { only } from './util/synth';

const SERVICE: GrpcMeshServiceProps = { name: 'users', namespace: 'shop' };
const BASE: GrpcIngressOptions = { hosts: ['users.example.com'], tls: { credentialName: 'users-tls' } };

function synthIngress(options: Partial<GrpcIngressOptions>, withCanary = false): any[] {
  const chart = Testing.chart();
  const service = new GrpcMeshService(chart, 'users', SERVICE);
  new GrpcIngress(chart, 'ingress', { service, ...BASE, ...options } as GrpcIngressOptions & { service: GrpcMeshService });
  if (withCanary) new GrpcCanary(chart, 'canary', { service, canaryWeight: 20 });
  return Testing.synth(chart);
}
const ingressVs = (objects: any[]) => objects.find((o) => o.kind === 'VirtualService' && o.metadata.name === 'users-ingress');

describe('GrpcIngress scenarios', () => {
  test.each(INGRESS_SCENARIOS.map((s) => [s.id, s]))('%s: whole manifests, accepted by the validation engine', (_id, scenario) => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, scenario.service.name, scenario.service);
    new GrpcIngress(chart, 'ingress', { service, ...scenario.ingress });
    const objects = Testing.synth(chart);
    // As a chart validates: the TLS Secret of the default ingress gateway is made out of band.
    expect(errorsOf(validateObjects(objects, { workloads: 'partial' }))).toStrictEqual([]);
    expect(objects).toMatchSnapshot();
  });
});

describe('GrpcIngress rules', () => {
  test('an HTTPS server terminating TLS with credentialName, TLS 1.2 minimum, on the default ingress gateway in istio-system', () => {
    const gateway = only(synthIngress({}), 'Gateway');
    expect(gateway.metadata).toMatchObject({ name: 'users-gateway', namespace: 'istio-system' });
    expect(gateway.spec).toStrictEqual({
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['users.example.com'], tls: { mode: 'SIMPLE', credentialName: 'users-tls', minProtocolVersion: 'TLSV1_2' } }],
    });
  });

  test('the VirtualService is bound as <namespace>/<gateway>, matches gRPC and routes to the service FQDN and port', () => {
    const vs = ingressVs(synthIngress({}));
    expect(vs.spec.gateways).toStrictEqual(['istio-system/users-gateway']);
    expect(vs.spec.http[0].match).toStrictEqual([{ headers: { 'content-type': { prefix: 'application/grpc' } } }]);
    expect(vs.spec.http[0].route).toStrictEqual([{ destination: { host: 'users.shop.svc.cluster.local', port: { number: 50051 } } }]);
  });

  test('a canary split applies to gateway traffic too', () => {
    expect(ingressVs(synthIngress({}, true)).spec.http[0].route.map((r: any) => `${r.destination.subset}=${r.weight}`)).toStrictEqual(['stable=80', 'canary=20']);
  });

  test('httpRedirect adds a port 80 server that only redirects; MUTUAL is passed through with its own client CA', () => {
    const gateway = only(synthIngress({ httpRedirect: true, tls: { credentialName: 'c', mode: IngressTlsMode.MUTUAL, clientCaCredentialName: 'c-cacert' } }), 'Gateway');
    expect(gateway.spec.servers[1]).toStrictEqual({ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['users.example.com'], tls: { httpsRedirect: true } });
    expect(gateway.spec.servers[0].tls).toStrictEqual({ mode: 'MUTUAL', credentialName: 'c', minProtocolVersion: 'TLSV1_2', caCertCredentialName: 'c-cacert' });
  });

  test('gRPC-Web: CORS for the origins, and no content-type match so preflights get through', () => {
    const [route] = ingressVs(synthIngress({ grpcWeb: { allowOrigins: ['https://app.example.com'] } })).spec.http;
    expect(route.match).toBeUndefined();
    expect(route.corsPolicy).toMatchObject({ allowOrigins: [{ exact: 'https://app.example.com' }], exposeHeaders: ['grpc-status', 'grpc-message', 'grpc-status-details-bin'] });
  });

  test('certificate: a cert-manager Certificate writing the credential Secret next to the gateway', () => {
    const cert = only(synthIngress({ certificate: { issuerName: 'letsencrypt' } }), 'Certificate');
    expect(cert.metadata).toMatchObject({ name: 'users-tls', namespace: 'istio-system' });
    expect(cert.spec).toMatchObject({ secretName: 'users-tls', dnsNames: ['users.example.com'], issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' } });
  });

  test.each([
    [{ hosts: [] }, /\[test\/ingress\] hosts: got \[\]; at least one external host name is required/],
    [{ hosts: ['*'] }, /hosts\[0\]: got "\*"; a bare "\*" would send every host/],
    [{ hosts: ['*.example.com'] }, /hosts\[0\]: got "\*\.example\.com"; is a wildcard host\. Fix: name the hosts, or set allowWildcardHosts: true/],
    [{ hosts: ['a.example.com', 'a.example.com'] }, /hosts\[1\]: got "a\.example\.com"; is listed twice/],
    [{ hosts: ['bad_host.example.com'] }, /hosts\[0\]: .*is not a valid domain name/],
    [{ tls: { credentialName: '' } }, /tls\.credentialName: got ""; TLS termination needs the name of the Secret/],
    [{ grpcWeb: { allowOrigins: ['https://app.example.com/path'] } }, /grpcWeb\.allowOrigins\[0\]: .*is not an origin/],
    [{ httpRedirect: true, port: 80 }, /port: got 80; port 80 is taken by the HTTP redirect server/],
    [{ selector: {} }, /selector: got \{\}; an empty selector would bind the Gateway to every gateway pod/],
  ])('bad input %# is refused with path, field, value and fix', (options, message) => {
    expect(() => synthIngress(options as Partial<GrpcIngressOptions>)).toThrow(message);
  });

  test('wildcard hosts are accepted when asked for', () => {
    expect(ingressVs(synthIngress({ hosts: ['*.example.com'], allowWildcardHosts: true })).spec.hosts).toStrictEqual(['*.example.com']);
  });
});
