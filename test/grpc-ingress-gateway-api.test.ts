import { Testing } from 'cdk8s';
import { GrpcMeshService, GrpcMeshServiceProps, RoutingApi } from '../lib';
import { PropChecker } from '../lib/core/checks';
import { Duration } from '../lib/core/duration';
import { refuseWhatGatewayApiCannotExpress } from '../lib/core/ingress/gateway-api/ingress-refusals';
import { GrpcIngressOptions, IngressTlsMode, TlsProtocolVersion } from '../lib/core/ingress/ingress-props';
import { resolveMeshService } from '../lib/core/resolve-mesh-service';
import { GrpcCanary } from '../lib/grpc-canary';
import { GrpcIngress } from '../lib/grpc-ingress';

const SERVICE: GrpcMeshServiceProps = { name: 'users', namespace: 'shop', routingApi: RoutingApi.GATEWAY_API };
const BASE: GrpcIngressOptions = { hosts: ['users.example.com'], tls: { credentialName: 'users-tls' } };
const GATEWAY_API_KINDS = new Set(['Gateway', 'GRPCRoute', 'HTTPRoute', 'ReferenceGrant']);

/** The ingress's Gateway API objects (the service's own are another construct's concern). */
function synthIngress(options: Partial<GrpcIngressOptions>, extra: { canary?: boolean; service?: Partial<GrpcMeshServiceProps> } = {}): any[] {
  const chart = Testing.chart();
  const service = new GrpcMeshService(chart, 'users', { ...SERVICE, ...extra.service });
  new GrpcIngress(chart, 'ingress', { service, ...BASE, ...options } as GrpcIngressOptions & { service: GrpcMeshService });
  // Attached after the ingress: the route must still follow the split.
  if (extra.canary) new GrpcCanary(chart, 'canary', { service, canaryWeight: 20 });
  return Testing.synth(chart).filter((o) => o.apiVersion.startsWith('gateway.networking.k8s.io/') || o.kind === 'Certificate');
}
/** The one object of `kind` the ingress renders (the service renders a GRPCRoute of its own, `<service>`). */
const one = (objects: any[], kind: string) => {
  const found = objects.filter((o) => o.kind === kind && !(kind === 'GRPCRoute' && o.metadata.name === 'users'));
  expect(found).toHaveLength(1);
  return found[0];
};

describe('GrpcIngress on RoutingApi.GATEWAY_API', () => {
  test('a Gateway of class istio: an HTTPS listener for the host terminating TLS with the credential Secret, taking GRPCRoutes from the service namespace', () => {
    // GIVEN the service in shop and the Gateway in istio-system (the default); WHEN synthesized
    const gateway = one(synthIngress({}), 'Gateway');
    // THEN
    expect(gateway.metadata).toMatchObject({ name: 'users-gateway', namespace: 'istio-system' });
    expect(gateway.spec).toStrictEqual({
      gatewayClassName: 'istio',
      listeners: [{
        name: 'https',
        hostname: 'users.example.com',
        port: 443,
        protocol: 'HTTPS',
        tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'users-tls' }] },
        allowedRoutes: {
          namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } },
          kinds: [{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute' }],
        },
      }],
    });
  });

  test('a Gateway in the service namespace admits routes from the Same namespace', () => {
    const gateway = one(synthIngress({ gatewayNamespace: 'shop' }), 'Gateway');
    expect(gateway.spec.listeners[0].allowedRoutes.namespaces).toStrictEqual({ from: 'Same' });
  });

  test('the GRPCRoute in the service namespace binds to the HTTPS listener by sectionName and sends the host to the service', () => {
    const route = one(synthIngress({}), 'GRPCRoute');
    expect(route.metadata).toMatchObject({ name: 'users-ingress', namespace: 'shop' });
    expect(route.spec).toStrictEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'users-gateway', namespace: 'istio-system', sectionName: 'https' }],
      hostnames: ['users.example.com'],
      rules: [{ name: 'ingress', backendRefs: [{ name: 'users', port: 50051 }] }],
    });
  });

  test('a canary attached after the ingress: the route follows its split over the per-subset Services', () => {
    const route = one(synthIngress({}, { canary: true }), 'GRPCRoute');
    expect(route.spec.rules[0].backendRefs).toStrictEqual([
      { name: 'users-stable', port: 50051, weight: 80 },
      { name: 'users-canary', port: 50051, weight: 20 },
    ]);
  });

  test('several hosts: one listener each (a listener has one hostname), all bound by the route', () => {
    const objects = synthIngress({ hosts: ['a.example.com', 'b.example.com'] });
    const listeners = one(objects, 'Gateway').spec.listeners;
    expect(listeners.map((l: any) => `${l.name}=${l.hostname}`)).toStrictEqual(['https-1=a.example.com', 'https-2=b.example.com']);
    expect(one(objects, 'GRPCRoute').spec.parentRefs.map((p: any) => p.sectionName)).toStrictEqual(['https-1', 'https-2']);
  });

  test('httpRedirect: an HTTP listener on 80 and an HTTPRoute answering 301 to https, none without it', () => {
    const objects = synthIngress({ httpRedirect: true });
    expect(one(objects, 'Gateway').spec.listeners[1]).toStrictEqual({
      name: 'http',
      hostname: 'users.example.com',
      port: 80,
      protocol: 'HTTP',
      allowedRoutes: {
        namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } },
        kinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }],
      },
    });
    const redirect = one(objects, 'HTTPRoute');
    expect(redirect.metadata).toMatchObject({ name: 'users-ingress-redirect', namespace: 'shop' });
    expect(redirect.spec).toStrictEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'users-gateway', namespace: 'istio-system', sectionName: 'http' }],
      hostnames: ['users.example.com'],
      rules: [{ name: 'https-redirect', filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
    });
    expect(synthIngress({}).filter((o) => o.kind === 'HTTPRoute')).toStrictEqual([]);
  });

  test('HTTPS on another port than 443: the redirect names it', () => {
    const redirect = one(synthIngress({ httpRedirect: true, port: 8443 }), 'HTTPRoute');
    expect(redirect.spec.rules[0].filters[0].requestRedirect).toStrictEqual({ scheme: 'https', statusCode: 301, port: 8443 });
  });

  test('a Secret in another namespace: the certificateRef names it, and a ReferenceGrant there allows exactly the Gateway namespace to read it', () => {
    const objects = synthIngress({ tls: { credentialName: 'users-tls', credentialNamespace: 'certs' }, certificate: { issuerName: 'letsencrypt' } });
    expect(one(objects, 'Gateway').spec.listeners[0].tls.certificateRefs).toStrictEqual([{ group: '', kind: 'Secret', name: 'users-tls', namespace: 'certs' }]);
    const grant = one(objects, 'ReferenceGrant');
    expect(grant.metadata).toMatchObject({ name: 'users-gateway-tls-from-istio-system', namespace: 'certs' });
    expect(grant.spec).toStrictEqual({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'istio-system' }],
      to: [{ group: '', kind: 'Secret', name: 'users-tls' }],
    });
    // The Certificate writes the Secret where the Gateway reads it.
    expect(one(objects, 'Certificate').metadata).toMatchObject({ name: 'users-tls', namespace: 'certs' });
  });

  test('no ReferenceGrant when the Secret is next to the Gateway, also when credentialNamespace says so explicitly', () => {
    expect(synthIngress({}).filter((o) => o.kind === 'ReferenceGrant')).toStrictEqual([]);
    expect(synthIngress({ tls: { credentialName: 'users-tls', credentialNamespace: 'istio-system' } }).filter((o) => o.kind === 'ReferenceGrant')).toStrictEqual([]);
  });

  test('MUTUAL: frontend validation against the client CA (Istio makes the server MUTUAL), granted with the server Secret', () => {
    const objects = synthIngress({ tls: { credentialName: 'users-tls', credentialNamespace: 'certs', mode: IngressTlsMode.MUTUAL, clientCaCredentialName: 'partners-ca' } });
    expect(one(objects, 'Gateway').spec.tls).toStrictEqual({
      frontend: { default: { validation: { caCertificateRefs: [{ group: '', kind: 'Secret', name: 'partners-ca', namespace: 'certs' }], mode: 'AllowValidOnly' } } },
    });
    expect(one(objects, 'ReferenceGrant').spec.to.map((t: any) => t.name)).toStrictEqual(['users-tls', 'partners-ca']);
    expect(one(synthIngress({}), 'Gateway').spec.tls).toBeUndefined();
  });

  test('TLS 1.2 stated explicitly is what the listener does anyway, so it is accepted', () => {
    expect(() => synthIngress({ tls: { credentialName: 'users-tls', minProtocolVersion: TlsProtocolVersion.TLSV1_2 } })).not.toThrow();
  });

  test('public fields: the Gateway API objects, no Istio Gateway or VirtualService', () => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'users', SERVICE);
    const ingress = new GrpcIngress(chart, 'ingress', { service, ...BASE, httpRedirect: true, tls: { credentialName: 'c', credentialNamespace: 'certs' } });
    expect([ingress.k8sGateway?.kind, ingress.grpcRoute?.kind, ingress.redirectRoute?.kind, ingress.referenceGrant?.kind]).toStrictEqual(['Gateway', 'GRPCRoute', 'HTTPRoute', 'ReferenceGrant']);
    expect([ingress.gateway, ingress.virtualService, ingress.certificate]).toStrictEqual([undefined, undefined, undefined]);
    const ingressObjects = Testing.synth(chart).filter((o) => GATEWAY_API_KINDS.has(o.kind) && o.metadata.labels?.['app.kubernetes.io/name'] === 'users' && o.metadata.name !== 'users');
    expect(ingressObjects.map((o) => o.kind).sort()).toStrictEqual(['GRPCRoute', 'Gateway', 'HTTPRoute', 'ReferenceGrant']);
  });

  test('on RoutingApi.ISTIO the Gateway API fields stay empty', () => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'users', { name: 'users' });
    const ingress = new GrpcIngress(chart, 'ingress', { service, ...BASE, httpRedirect: true });
    expect([ingress.gateway?.kind, ingress.virtualService?.kind]).toStrictEqual(['Gateway', 'VirtualService']);
    expect([ingress.k8sGateway, ingress.grpcRoute, ingress.redirectRoute, ingress.referenceGrant].filter((o) => o !== undefined)).toStrictEqual([]);
  });

  test('hosts are validated as on Istio: wildcards only when allowed, never a bare *', () => {
    expect(() => synthIngress({ hosts: ['*.example.com'] })).toThrow(/hosts\[0\]: got "\*\.example\.com"; is a wildcard host/);
    expect(() => synthIngress({ hosts: ['*'], allowWildcardHosts: true })).toThrow(/hosts\[0\]: got "\*"; a bare "\*"/);
    expect(() => synthIngress({ hosts: ['*.example.com', 'a.example.com'], allowWildcardHosts: true })).toThrow(/hosts\[1\]: .*overlaps "\*\.example\.com"/);
    expect(one(synthIngress({ hosts: ['*.example.com'], allowWildcardHosts: true }), 'Gateway').spec.listeners[0].hostname).toBe('*.example.com');
  });
});

describe('GrpcIngress props Gateway API cannot express are refused, naming RoutingApi.ISTIO', () => {
  test.each([
    [{ selector: { istio: 'ingressgateway' } }, /\[test\/ingress\] selector: got \{"istio":"ingressgateway"\}; a Gateway API Gateway cannot select existing gateway pods.*Fix: remove selector .*routingApi: RoutingApi\.ISTIO/],
    [{ grpcWeb: { allowOrigins: ['https://app.example.com'] } }, /grpcWeb: got \["https:\/\/app\.example\.com"\]; gRPC-Web needs a CORS policy, and GRPCRoute has no CORS filter.*RoutingApi\.ISTIO/],
    [{ tls: { credentialName: 'c', minProtocolVersion: TlsProtocolVersion.TLSV1_3 } }, /tls\.minProtocolVersion: got "TLSV1_3"; a Gateway API listener has no TLS version field.*meshConfig\.tlsDefaults\.minProtocolVersion.*RoutingApi\.ISTIO/],
    [{ tls: { credentialName: 'c', mode: IngressTlsMode.MUTUAL, clientCaCredentialName: 'ca', subjectAltNames: ['partner.example.com'] } }, /tls\.subjectAltNames: got \["partner\.example\.com"\]; Gateway API frontend validation .*cannot pin client subject alternative names.*RoutingApi\.ISTIO/],
  ])('refusal %#', (options, message) => {
    expect(() => synthIngress(options as Partial<GrpcIngressOptions>)).toThrow(message);
  });

  test('more hosts than a route\'s hostnames hold (16) are refused before the API server would', () => {
    const hosts = Array.from({ length: 17 }, (_, i) => `h${i}.example.com`);
    expect(() => synthIngress({ hosts })).toThrow(/hosts: got "17 hosts"; a route's hostnames hold at most 16 names.*Fix: split the hosts over several GrpcIngress/);
    expect(one(synthIngress({ hosts: hosts.slice(0, 16), httpRedirect: true }), 'Gateway').spec.listeners).toHaveLength(32);
  });

  test('a service timeout, which the gateway route would carry and GRPCRoute cannot', () => {
    // GIVEN a service model with a service-wide timeout, on Gateway API
    const istioModel = resolveMeshService('users', { name: 'users', timeout: Duration.seconds(5) });
    const model = { ...istioModel, mode: { ...istioModel.mode, routingApi: RoutingApi.GATEWAY_API } };
    // WHEN / THEN
    expect(() => refuseWhatGatewayApiCannotExpress(new PropChecker('edge'), model, BASE))
      .toThrow(/^\[edge\] service\.timeout: got "5s"; .*GRPCRoute has no timeout field.*RoutingApi\.ISTIO/);
  });

  test('on RoutingApi.ISTIO a credential outside the gateway namespace is refused: Istio reads it from the gateway pods\' namespace', () => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'users', { name: 'users' });
    expect(() => new GrpcIngress(chart, 'ingress', { service, ...BASE, tls: { credentialName: 'c', credentialNamespace: 'certs' } }))
      .toThrow(/tls\.credentialNamespace: got "certs"; Istio's Gateway reads credentialName only from the gateway pods' namespace \(istio-system\).*RoutingApi\.GATEWAY_API/);
    expect(() => synthIngress({ tls: { credentialName: 'c', credentialNamespace: 'Bad_NS' } })).toThrow(/tls\.credentialNamespace: got "Bad_NS"; must be a DNS-1123 label/);
  });
});
