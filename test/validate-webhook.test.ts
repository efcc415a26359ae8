import { WEBHOOK_RULES } from './webhook-rules';
import { KubeObject } from '../lib/core/kube-object';
import { checkWebhook, WEBHOOK_CHECKED_KINDS } from '../lib/validate/webhook';
import { parseDurationNanos } from '../lib/validate/webhook/durations';

const object = (kind: string, spec: unknown, extra: Record<string, unknown> = {}): KubeObject => {
  const group = ['AuthorizationPolicy', 'PeerAuthentication'].includes(kind) ? 'security' : kind === 'Telemetry' ? 'telemetry' : 'networking';
  return { apiVersion: `${group}.istio.io/v1`, kind, metadata: { name: 'x', namespace: 'shop', ...extra }, spec } as KubeObject;
};
const summary = (o: KubeObject) => checkWebhook(o).map((f) => `${f.severity} ${f.code} ${f.path}: ${f.message}`);
const route = (http: Record<string, unknown>, more: Record<string, unknown> = {}) => object('VirtualService', {
  hosts: ['users.shop.svc.cluster.local'],
  ...more,
  http: [{ route: [{ destination: { host: 'users.shop.svc.cluster.local' } }], ...http }],
});

describe('webhook: VirtualService', () => {
  test('a plain gRPC route with retries and a timeout passes', () => {
    expect(summary(route({ timeout: '10s', retries: { attempts: 3, perTryTimeout: '2s', retryOn: 'unavailable,503' } }))).toStrictEqual([]);
  });

  test.each([
    ['an unknown condition', { attempts: 2, retryOn: 'unavailable,sometimes' }, /IST0106 spec\.http\[0\]\.retries\.retryOn: "sometimes" is not a valid retryOn policy/],
    ['an unknown status code', { attempts: 2, retryOn: '600' }, /IST0106 spec\.http\[0\]\.retries\.retryOn: 600 is not a known HTTP status code/],
    ['attempts 0 with other fields', { attempts: 0, retryOn: 'unavailable' }, /IST0106 spec\.http\[0\]\.retries: attempts is 0, which switches retries off, yet retryOn is set/],
    ['a sub-millisecond per-try timeout', { attempts: 2, perTryTimeout: '2.000000001s' }, /IST0106 spec\.http\[0\]\.retries\.perTryTimeout: .* not a whole number of milliseconds/],
  ])('retries: %s is refused', (_name, retries, message) => {
    expect(summary(route({ retries })).join('\n')).toMatch(message);
  });

  test('host "*" is refused for the mesh but fine on a gateway only', () => {
    expect(summary(object('VirtualService', { hosts: ['*'], http: [{ route: [{ destination: { host: 'a' } }] }] }))[0]).toMatch(/IST0106 spec\.hosts\[0\]: host "\*" is not allowed/);
    expect(summary(object('VirtualService', { hosts: ['*'], gateways: ['istio-system/gw'], http: [{ route: [{ destination: { host: 'a' } }] }] }))).toStrictEqual([]);
  });

  test('overlapping hosts in one VirtualService are refused', () => {
    expect(summary(object('VirtualService', { hosts: ['*.example.com', 'api.example.com'], http: [{ route: [{ destination: { host: 'a' } }] }] })))
      .toStrictEqual(['error IST0106 spec.hosts[1]: host "api.example.com" overlaps host "*.example.com" of the same VirtualService; list each host once (a wildcard covers the hosts under it)']);
  });

  test('route and redirect together, or neither, are refused', () => {
    expect(summary(route({ redirect: { uri: '/x' } }))[0]).toMatch(/IST0106 spec\.http\[0\]: an HTTP rule cannot have both route and redirect/);
    expect(summary(object('VirtualService', { hosts: ['a'], http: [{ timeout: '1s' }] }))[0]).toMatch(/IST0106 spec\.http\[0\]: an HTTP rule needs a route/);
    expect(summary(object('VirtualService', { hosts: ['a'] }))[0]).toMatch(/IST0106 spec: a VirtualService needs at least one http, tcp or tls rule/);
  });

  test('weights: negative, or all zero across several destinations, are refused', () => {
    const weighted = (w1: number, w2: number) => object('VirtualService', { hosts: ['a'], http: [{ route: [{ destination: { host: 'a', subset: 'v1' }, weight: w1 }, { destination: { host: 'a', subset: 'v2' }, weight: w2 }] }] });
    expect(summary(weighted(49, 50))).toStrictEqual([]);
    expect(summary(weighted(0, 0))[0]).toMatch(/IST0106 spec\.http\[0\]\.route: the destinations' weights add up to 0/);
    expect(summary(weighted(-1, 101))[0]).toMatch(/IST0106 spec\.http\[0\]\.route\[0\]\.weight: weight must not be negative/);
  });

  test('matches: empty header prefix, empty regex and JWT claims on the mesh are refused', () => {
    expect(summary(route({ match: [{ headers: { 'content-type': { prefix: '' } } }] }))[0]).toMatch(/IST0106 .*prefix: an empty prefix match/);
    expect(summary(route({ match: [{ uri: { regex: '' } }] }))[0]).toMatch(/IST0106 spec\.http\[0\]\.match\[0\]\.uri\.regex: an empty regex/);
    expect(summary(route({ match: [{ uri: { regex: '(' } }] }))[0]).toMatch(/uri\.regex: "\(": error parsing regexp: missing closing \): `\(`; Istio uses RE2 syntax/);
    expect(summary(route({ match: [{ uri: { prefix: '' } }] }))).toStrictEqual([]);
    expect(summary(route({ match: [{ headers: { '@request.auth.claims.group': { exact: 'a' } } }] }))[0]).toMatch(/JWT claims .* only on gateways/);
    expect(summary(route({ match: [{ withoutHeaders: { 'x-debug': { regex: '*' } } }] }))).toStrictEqual([]);
  });

  test('delegation: a delegate lists no gateways and a root rule delegates only', () => {
    expect(summary(object('VirtualService', { gateways: ['gw'], http: [{ route: [{ destination: { host: 'a' } }] }] }))[0]).toMatch(/IST0106 spec\.gateways: a delegate VirtualService/);
    expect(summary(route({ delegate: { name: 'child' } }))[0]).toMatch(/IST0106 spec\.http\[0\]\.route: a root HTTP route \(one with delegate\) must not specify route/);
  });

  test('gateway references must be names', () => {
    expect(summary(route({}, { gateways: ['b@d'] }))[0]).toMatch(/IST0106 spec\.gateways\[0\]: gateway domain name "b@d" invalid/);
  });
});

describe('webhook: DestinationRule', () => {
  const dr = (spec: Record<string, unknown>) => object('DestinationRule', { host: 'users', ...spec });
  test('the gRPC defaults pass', () => {
    expect(summary(dr({ trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' }, connectionPool: { http: { http2MaxRequests: 100, maxConcurrentStreams: 100, idleTimeout: '300s' } }, tls: { mode: 'ISTIO_MUTUAL' } } }))).toStrictEqual([]);
  });
  test.each([
    ['an empty host', { host: '' }, /IST0106 spec\.host: empty domain name not allowed/],
    ['duplicate subsets', { subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v1', labels: { version: 'v2' } }] }, /IST0106 spec\.subsets\[1\]\.name: duplicate subset names: v1/],
    ['an empty pool', { trafficPolicy: { connectionPool: {} } }, /IST0106 spec\.trafficPolicy\.connectionPool: connection pool must have at least one field/],
    ['UPGRADE with useClientProtocol', { trafficPolicy: { connectionPool: { http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } } } }, /IST0106 .*h2UpgradePolicy: use client protocol must not be true when h2UpgradePolicy is UPGRADE/],
    ['negative streams', { trafficPolicy: { connectionPool: { http: { maxConcurrentStreams: -1 } } } }, /IST0106 .*maxConcurrentStreams: maxConcurrentStreams must be non-negative/],
    ['a non-prime maglev table', { trafficPolicy: { loadBalancer: { consistentHash: { useSourceIp: true, maglev: { tableSize: 1000 } } } } }, /IST0106 .*tableSize: maglev tableSize must be a prime number/],
    ['ejection above 100%', { trafficPolicy: { outlierDetection: { maxEjectionPercent: 105 } } }, /IST0106 .*maxEjectionPercent: maxEjectionPercent must be within 0-100/],
    ['MUTUAL without a key', { trafficPolicy: { tls: { mode: 'MUTUAL', clientCertificate: '/c.pem' } } }, /IST0106 spec\.trafficPolicy\.tls\.privateKey: private key required for mutual tls/],
    ['a bad duration in a subset', { subsets: [{ name: 'v1', labels: { version: 'v1' }, trafficPolicy: { connectionPool: { http: { idleTimeout: '0s' } } } }] }, /IST0106 spec\.subsets\[0\]\.trafficPolicy\.connectionPool\.http\.idleTimeout: 0s is shorter than 1ms/],
  ])('%s is refused', (_name, spec, message) => {
    expect(summary(dr(spec)).join('\n')).toMatch(message);
  });
  test('tcp.idleTimeout 0s switches the timeout off and is accepted', () => {
    expect(summary(dr({ trafficPolicy: { connectionPool: { tcp: { idleTimeout: '0s' } } } }))).toStrictEqual([]);
  });
});

describe('webhook: Gateway', () => {
  const gw = (server: Record<string, unknown>) => object('Gateway', { selector: { istio: 'ingressgateway' }, servers: [{ hosts: ['grpc.example.com'], ...server }] });
  test('HTTPS with credentialName passes', () => {
    expect(summary(gw({ port: { number: 443, name: 'https', protocol: 'HTTPS' }, tls: { mode: 'SIMPLE', credentialName: 'grpc-cert', minProtocolVersion: 'TLSV1_2' } }))).toStrictEqual([]);
  });
  test.each([
    ['TLS on a GRPC port', { port: { number: 443, name: 'grpc', protocol: 'GRPC' }, tls: { mode: 'SIMPLE', credentialName: 'c' } }, /IST0106 spec\.servers\[0\]\.tls: a GRPC server cannot carry TLS settings; to terminate TLS for gRPC use protocol HTTPS/],
    ['HTTPS without tls', { port: { number: 443, name: 'https', protocol: 'HTTPS' } }, /IST0106 spec\.servers\[0\]: a server with protocol HTTPS needs tls settings/],
    ['SIMPLE without a certificate', { port: { number: 443, name: 'https', protocol: 'HTTPS' }, tls: { mode: 'SIMPLE' } }, /IST0106 .*serverCertificate: SIMPLE TLS requires a server certificate/],
    ['two certificate sources', { port: { number: 443, name: 'https', protocol: 'HTTPS' }, tls: { mode: 'SIMPLE', credentialName: 'c', serverCertificate: '/s', privateKey: '/k' } }, /only one of credentialName, credentialNames, serverCertificate\/privateKey, tlsCertificates should be specified/],
    ['MUTUAL files without a CA', { port: { number: 443, name: 'https', protocol: 'HTTPS' }, tls: { mode: 'MUTUAL', serverCertificate: '/s', privateKey: '/k' } }, /caCertificates: MUTUAL TLS requires a client CA bundle/],
    ['ISTIO_MUTUAL with a credential', { port: { number: 15443, name: 'tls', protocol: 'TLS' }, tls: { mode: 'ISTIO_MUTUAL', credentialName: 'c' } }, /ISTIO_MUTUAL uses the mesh certificates and cannot have credentialName/],
    ['an unknown protocol', { port: { number: 9092, name: 'kafka', protocol: 'KAFKA' } }, /IST0106 spec\.servers\[0\]\.port\.protocol: invalid protocol "KAFKA"/],
    ['a port above 65535', { port: { number: 66000, name: 'http', protocol: 'HTTP' } }, /IST0106 spec\.servers\[0\]\.port\.number: port number 66000 must be in the range 1\.\.65535/],
    ['a partial wildcard', { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*example.com'] }, /partial wildcard/],
  ])('%s is refused', (_name, server, message) => {
    expect(summary(gw(server)).join('\n')).toMatch(message);
  });
  test('HTTP with only httpsRedirect passes, and port names must be unique', () => {
    expect(summary(gw({ port: { number: 80, name: 'http', protocol: 'HTTP' }, tls: { httpsRedirect: true } }))).toStrictEqual([]);
    const twice = object('Gateway', { servers: [1, 2].map((n) => ({ port: { number: 80 + n, name: 'web', protocol: 'HTTP' }, hosts: ['a.example.com'] })) });
    expect(summary(twice)).toStrictEqual(['error IST0106 spec.servers[1].port.name: port names in servers must be unique: duplicate name web']);
  });
});

describe('webhook: security and telemetry', () => {
  test('AuthorizationPolicy: CUSTOM needs a provider, DENY needs rules, dry-run is a boolean', () => {
    expect(summary(object('AuthorizationPolicy', { action: 'CUSTOM', rules: [{}] }))[0]).toMatch(/IST0106 spec\.provider\.name: action CUSTOM needs provider\.name/);
    expect(summary(object('AuthorizationPolicy', { action: 'DENY' }))[0]).toMatch(/IST0106 spec\.rules: a DENY policy without rules never matches/);
    expect(summary(object('AuthorizationPolicy', { action: 'ALLOW' }, { annotations: { 'istio.io/dry-run': 'maybe' } }))[0]).toMatch(/"maybe" is not a boolean/);
    expect(summary(object('AuthorizationPolicy', { rules: [{ to: [{ operation: { paths: ['/users.v1.UserService/GetUser'] } }], when: [{ key: 'request.headers[x-tenant]', values: ['a'] }] }] }))).toStrictEqual([]);
    expect(summary(object('AuthorizationPolicy', { rules: [{ when: [{ key: 'request.colour', values: ['a'] }] }] }))[0]).toMatch(/"request\.colour" is not a condition key/);
  });
  test('PeerAuthentication with an empty selector is a warning only', () => {
    expect(summary(object('PeerAuthentication', { selector: {}, mtls: { mode: 'STRICT' } }))).toStrictEqual([
      'warning IST0133 spec.selector: workload selector specified without labels; it selects every workload in the namespace (remove it to say so, or add matchLabels)',
    ]);
  });
  test('Telemetry targets only Services, ServiceEntries, Gateways and GatewayClasses', () => {
    expect(summary(object('Telemetry', { targetRef: { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'r' } }))[0]).toMatch(/IST0106 spec\.targetRef\.kind: .*not gateway\.networking\.k8s\.io\/HTTPRoute/);
    expect(summary(object('Telemetry', { targetRef: { group: '', kind: 'Service', name: 'users' }, accessLogging: [{ providers: [{ name: 'envoy' }] }] }))).toStrictEqual([]);
  });
});

describe('durations', () => {
  test.each([['250ms', 250_000_000n], ['1h2m3.5s', 3_723_500_000_000n], ['0', 0n], ['1.5ms', 1_500_000n], ['', undefined], ['5', undefined], ['1x', undefined]])('%s', (text, nanos) => {
    expect(parseDurationNanos(text)).toBe(nanos);
  });
});

describe('webhook: the table of Istio\'s rules (test/webhook-rules.ts)', () => {
  const asObject = (kind: string, spec: Record<string, unknown>): KubeObject => {
    if (spec.metadata) return spec as unknown as KubeObject;
    const [group, k] = kind.split('/');
    return { apiVersion: `${group}/v1`, kind: k, metadata: { name: 'x', namespace: 'shop' }, spec } as KubeObject;
  };
  const covered = WEBHOOK_RULES.filter((r) => r.refused);

  test.each(covered.map((r) => [`${r.kind.split('/')[1]} ${r.istio}: ${r.rule}`, r]))('%s', (_name, r) => {
    // WHEN the example that breaks the rule is checked
    const refused = summary(asObject(r.kind, r.refused!));
    // THEN a finding says so, with istioctl's code
    expect(refused.join('\n')).toMatch(r.finding!);
    // AND the closest passing example has no error
    if (r.accepted) expect(summary(asObject(r.kind, r.accepted)).filter((f) => f.startsWith('error'))).toStrictEqual([]);
  });

  test('every row is either covered by an example or says why not', () => {
    for (const r of WEBHOOK_RULES) expect(Boolean(r.refused && r.finding) !== Boolean(r.gap)).toBe(true);
  });

  test('every kind the webhook stage checks has rows', () => {
    const kinds = new Set(covered.map((r) => r.kind));
    for (const kind of WEBHOOK_CHECKED_KINDS) expect(kinds.has(kind)).toBe(true);
  });
});
