import { base64, KEY_PLACEHOLDER, VALID_CERT_PEM } from './util/tls-fixtures';
import { KubeObject } from '../lib/core/kube-object';
import { ValidateOptions } from '../lib/validate';
import { analyzeObjects } from '../lib/validate/analyzer';

const meta = (name: string, namespace = 'shop', extra: Record<string, unknown> = {}) => ({ name, namespace, ...extra });
const service = (name: string, ports: Record<string, unknown>[] = [{ name: 'grpc', port: 50051, appProtocol: 'grpc' }], selector: Record<string, string> = { app: name }): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: meta(name), spec: { selector, ports } }) as KubeObject;
const pod = (name: string, labels: Record<string, string>, namespace = 'shop', sidecar = true): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta(name, namespace, { labels }),
  spec: { containers: [{ name: 'app', image: 'a:1' }, ...(sidecar ? [{ name: 'istio-proxy', image: 'proxyv2' }] : [])] },
}) as KubeObject;
const vs = (name: string, spec: Record<string, unknown>, annotations?: Record<string, string>): KubeObject =>
  ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: meta(name, 'shop', annotations ? { annotations } : {}), spec }) as KubeObject;
const dr = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: meta(name), spec }) as KubeObject;
const gateway = (name: string, servers: Record<string, unknown>[], selector: Record<string, string> = { istio: 'ingressgateway' }): KubeObject =>
  ({ apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: meta(name, 'istio-system'), spec: { selector, servers } }) as KubeObject;
const to = (host: string, extra: Record<string, unknown> = {}) => ({ destination: { host, ...extra } });
// Sorted: the order of findings across analyzers carries no meaning.
const codes = (objects: KubeObject[], options: ValidateOptions = {}) => analyzeObjects(objects, options).map((f) => `${f.severity} ${f.code} ${f.resource.kind}/${f.resource.name} ${f.path}`).sort();

describe('analyzer: VirtualService references', () => {
  test('a complete service has no finding', () => {
    expect(codes([service('users'), pod('users-1', { app: 'users', version: 'v1' }), vs('users', { hosts: ['users'], http: [{ route: [to('users', { subset: 'v1' })] }] }),
      dr('users', { host: 'users', subsets: [{ name: 'v1', labels: { version: 'v1' } }] })])).toStrictEqual([]);
  });
  test('IST0101 for an unknown host, port or subset; IST0112 when a multi-port Service gets no port', () => {
    const svc = service('users', [{ name: 'grpc', port: 50051 }, { name: 'http2-admin', port: 8080 }]);
    expect(codes([svc, vs('a', { hosts: ['users'], http: [{ route: [to('nobody')] }, { route: [to('users', { port: { number: 1 } })] }, { route: [to('users', { port: { number: 50051 }, subset: 'v9' })] }, { route: [to('users')] }] })]))
      .toStrictEqual([
        'error IST0101 VirtualService/a spec.http[0].route[0].destination.host',
        'error IST0101 VirtualService/a spec.http[1].route[0].destination.port.number',
        'error IST0101 VirtualService/a spec.http[2].route[0].destination.subset',
        'error IST0112 VirtualService/a spec.http[3].route[0].destination',
        'warning IST0130 VirtualService/a spec.http[1]',
        'warning IST0130 VirtualService/a spec.http[2]',
        'warning IST0130 VirtualService/a spec.http[3]',
      ]);
  });
  test('IST0101 and IST0132 for a missing gateway; IST0132 alone for a host the gateway does not serve', () => {
    const gw = gateway('gw', [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['grpc.example.com'], tls: { mode: 'SIMPLE', credentialName: 'c' } }]);
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: meta('c', 'istio-system'), type: 'kubernetes.io/tls', data: { 'tls.crt': base64(VALID_CERT_PEM), 'tls.key': base64(KEY_PLACEHOLDER) } } as KubeObject;
    const bound = (host: string, ref: string) => vs('in', { hosts: [host], gateways: [ref], http: [{ route: [to('users')] }] });
    expect(codes([service('users'), gw, secret, bound('grpc.example.com', 'istio-system/gw')])).toStrictEqual([]);
    expect(codes([service('users'), gw, secret, bound('api.example.com', 'istio-system/gw')])).toStrictEqual(['warning IST0132 VirtualService/in spec.gateways[0]']);
    expect(codes([service('users'), bound('grpc.example.com', 'nope')])).toStrictEqual(['error IST0101 VirtualService/in spec.gateways[0]', 'warning IST0132 VirtualService/in spec.gateways[0]']);
  });
  test('IST0109 on both VirtualServices that claim one mesh host', () => {
    expect(codes([service('users'), vs('a', { hosts: ['users'], http: [{ route: [to('users')] }] }), vs('b', { hosts: ['users.shop.svc.cluster.local'], http: [{ route: [to('users')] }] })]))
      .toStrictEqual(['error IST0109 VirtualService/a spec.hosts[0]', 'error IST0109 VirtualService/b spec.hosts[0]']);
  });
  test('IST0130 and IST0131 for repeated matches; IST0002 for deprecated fault percent', () => {
    const m = { match: [{ uri: { exact: '/a.B/C' } }], route: [to('users')] };
    expect(codes([service('users'), vs('a', { hosts: ['users'], http: [m, m, { route: [to('users')], fault: { delay: { percent: 5, fixedDelay: '1s' } } }] })]))
      .toStrictEqual(['info IST0131 VirtualService/a spec.http[1].match[0]', 'warning IST0002 VirtualService/a spec.http[2].fault.delay.percent', 'warning IST0130 VirtualService/a spec.http[1]']);
  });
});

describe('analyzer: DestinationRules, gateways, services, policies', () => {
  test('IST0173 when a subset selects no pod, also when the host has none (only where the input holds its pods with workloads: partial)', () => {
    const rule = dr('users', { host: 'users', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] });
    expect(codes([service('users'), pod('u1', { app: 'users', version: 'v1' }), rule])).toStrictEqual(['error IST0173 DestinationRule/users spec.subsets[1].labels']);
    expect(codes([service('users'), rule])).toStrictEqual(['error IST0173 DestinationRule/users spec.subsets[0].labels', 'error IST0173 DestinationRule/users spec.subsets[1].labels']);
    expect(codes([service('users'), rule], { workloads: 'partial' })).toStrictEqual([]);
    expect(codes([service('users'), pod('u1', { app: 'users', version: 'v1' }), rule], { workloads: 'partial' })).toStrictEqual(['error IST0173 DestinationRule/users spec.subsets[1].labels']);
  });
  test('IST0174 for an unknown host; IST0128/IST0129 for TLS without a CA', () => {
    expect(codes([dr('x', { host: 'ghost' })])).toStrictEqual(['warning IST0174 DestinationRule/x spec.host']);
    expect(codes([service('db'), dr('db', { host: 'db', trafficPolicy: { tls: { mode: 'SIMPLE' }, portLevelSettings: [{ port: { number: 1 }, tls: { mode: 'MUTUAL', clientCertificate: 'c', privateKey: 'k' } }] } })]))
      .toStrictEqual(['warning IST0128 DestinationRule/db spec.trafficPolicy.tls', 'warning IST0129 DestinationRule/db spec.trafficPolicy.portLevelSettings[0].tls']);
  });
  test('gateways: IST0101 for a selector with no pod (the default ingress gateway is assumed), IST0162, secrets, IST0145, IST0138', () => {
    const https = (host: string, cred = 'cert') => ({ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: [host], tls: { mode: 'SIMPLE', credentialName: cred } });
    // The default ingress gateway is assumed, as istioctl does on files; its Secret is not: a chart
    // (partial workloads) may leave it to be created out of band.
    expect(codes([gateway('gw', [https('a.example.com')])])).toStrictEqual(['error IST0101 Gateway/gw spec.servers[0].tls.credentialName']);
    expect(codes([gateway('gw', [https('a.example.com')])], { workloads: 'partial' })).toStrictEqual([]);
    const ingressSecret = { apiVersion: 'v1', kind: 'Secret', metadata: meta('cert', 'istio-system'), type: 'kubernetes.io/tls', data: { 'tls.crt': base64(VALID_CERT_PEM), 'tls.key': base64(KEY_PLACEHOLDER) } } as KubeObject;
    expect(codes([ingressSecret, gateway('gw', [https('a.example.com')])])).toStrictEqual([]);
    // Istio's port and secret analyzers both report a selector with no pod: once here, as istioctl prints it.
    expect(codes([gateway('gw', [https('a.example.com')], { istio: 'typo' })])).toStrictEqual(['error IST0101 Gateway/gw spec.selector']);
    const gwPod = pod('gw-0', { istio: 'edge' }, 'edge');
    const gwSvc = { ...service('edge', [{ name: 'https', port: 443, targetPort: 8443 }], { istio: 'edge' }), metadata: meta('edge', 'edge') } as KubeObject;
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: meta('cert', 'edge'), type: 'kubernetes.io/tls', data: { 'tls.crt': base64(VALID_CERT_PEM), 'tls.key': base64(KEY_PLACEHOLDER) } } as KubeObject;
    expect(codes([gwPod, gwSvc, secret, gateway('a', [https('a.example.com'), { ...https('a.example.com'), port: { number: 9443, name: 'alt', protocol: 'HTTPS' } }], { istio: 'edge' })]))
      .toStrictEqual(['warning IST0162 Gateway/a spec.servers[1].port.number']);
    expect(codes([gwPod, gwSvc, gateway('a', [https('a.example.com')], { istio: 'edge' })])).toStrictEqual(['error IST0101 Gateway/a spec.servers[0].tls.credentialName']);
    expect(codes([gwPod, gwSvc, secret, gateway('a', [https('a.example.com')], { istio: 'edge' }), gateway('b', [https('a.example.com')], { istio: 'edge' })]))
      .toStrictEqual(['error IST0145 Gateway/a spec.servers[0]', 'error IST0145 Gateway/b spec.servers[0]', 'warning IST0138 Gateway/a spec.servers[0].tls', 'warning IST0138 Gateway/b spec.servers[0].tls']);
    expect(codes([gwPod, gwSvc, secret, gateway('a', [https('a.example.com')], { istio: 'edge' }), gateway('b', [https('b.example.com')], { istio: 'edge' })]))
      .toStrictEqual(['warning IST0138 Gateway/a spec.servers[0].tls', 'warning IST0138 Gateway/b spec.servers[0].tls']);
  });
  test('service ports: IST0118 for an unnamed port, IST0150 for ExternalName tcp, IGR3004 for a grpc name with another appProtocol', () => {
    expect(codes([service('a', [{ port: 80 }])])).toStrictEqual(['info IST0118 Service/a spec.ports[0]']);
    expect(codes([{ apiVersion: 'v1', kind: 'Service', metadata: meta('x'), spec: { type: 'ExternalName', externalName: 'x.example.com', ports: [{ name: 'tcp', port: 443 }] } } as KubeObject]))
      .toStrictEqual(['warning IST0150 Service/x spec.ports[0].name']);
    expect(codes([service('a', [{ name: 'grpc', port: 50051, appProtocol: 'tcp' }])])).toStrictEqual(['warning IGR3004 Service/a spec.ports[0].appProtocol']);
  });
  test('AuthorizationPolicy: IST0127 without an in-mesh pod; IST0101 for a namespace missing from listed Namespaces', () => {
    const ap = (spec: Record<string, unknown>) => ({ apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy', metadata: meta('ap'), spec }) as KubeObject;
    expect(codes([pod('u', { app: 'users' }, 'shop', false), ap({ selector: { matchLabels: { app: 'users' } } })])).toStrictEqual(['warning IST0127 AuthorizationPolicy/ap spec.selector']);
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'istio-injection': 'enabled' } } } as KubeObject;
    expect(codes([ns, pod('u1', { app: 'users' }), ap({ rules: [{ from: [{ source: { namespaces: ['shop', 'front*', 'checkout'] } }] }] })]))
      .toStrictEqual(['error IST0101 AuthorizationPolicy/ap spec.rules[0].from[0].source.namespaces[1]', 'error IST0101 AuthorizationPolicy/ap spec.rules[0].from[0].source.namespaces[2]']);
  });
  test('Telemetry: IST0101, IST0160, IST0157', () => {
    const tel = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'telemetry.istio.io/v1', kind: 'Telemetry', metadata: meta(name), spec }) as KubeObject;
    expect(codes([pod('u', { app: 'users' }), tel('t', { selector: { matchLabels: { app: 'ghost' } } })])).toStrictEqual(['error IST0101 Telemetry/t spec.selector']);
    expect(codes([tel('a', {}), tel('b', { accessLogging: [{}] })]))
      .toStrictEqual(['error IST0160 Telemetry/a spec', 'error IST0160 Telemetry/b spec', 'warning IST0157 Telemetry/b spec.accessLogging[0]']);
  });
});

describe('analyzer: gRPC checks', () => {
  test('IGR3001 when weights do not add up to 100', () => {
    const split = (a: number, b: number) => vs('a', { hosts: ['users'], http: [{ route: [{ ...to('users'), weight: a }, { ...to('users'), weight: b }] }] });
    expect(codes([service('users'), split(90, 10)])).toStrictEqual([]);
    expect(codes([service('users'), split(49, 50)])).toStrictEqual(['warning IGR3001 VirtualService/a spec.http[0].route']);
  });
  test('IGR3002 for retries that can repeat a listed non-idempotent method, unless only pre-request conditions', () => {
    const annotated = (retryOn: string, accepted = false) => vs('a', {
      hosts: ['users'],
      http: [{ match: [{ uri: { exact: '/u.v1.Users/Create' } }], route: [to('users')], retries: { attempts: 2, retryOn } }, { route: [to('users')], retries: { attempts: 2, retryOn: 'unavailable' } }],
    }, { 'istio-grpc.dev/non-idempotent-methods': '/u.v1.Users/Create', ...(accepted ? { 'istio-grpc.dev/retries-on-non-idempotent-methods-accepted': 'true' } : {}) });
    expect(codes([service('users'), annotated('connect-failure,refused-stream')])).toStrictEqual([]);
    expect(codes([service('users'), annotated('unavailable')])).toStrictEqual(['error IGR3002 VirtualService/a spec.http[0].retries']);
    expect(codes([service('users'), annotated('unavailable', true)])).toStrictEqual(['warning IGR3002 VirtualService/a spec.http[0].retries']);
  });
  test('IGR3003 for maxConcurrentStreams on a Service without an HTTP/2 port', () => {
    const pool = dr('users', { host: 'users', trafficPolicy: { connectionPool: { http: { maxConcurrentStreams: 100 } } } });
    expect(codes([service('users'), pool])).toStrictEqual([]);
    expect(codes([service('users', [{ name: 'tcp-api', port: 50051 }]), pool])).toStrictEqual(['warning IGR3003 DestinationRule/users spec.trafficPolicy.connectionPool.http.maxConcurrentStreams']);
  });
});

describe('analyzer: routes without a retry policy', () => {
  test('IGR3002: Istio\'s default policy retries unavailable and cancelled, so a listed method without retries is flagged', () => {
    const route = vs('a', {
      hosts: ['users'],
      http: [{ match: [{ uri: { exact: '/u.v1.Users/Create' } }], route: [to('users')] }],
    }, { 'istio-grpc.dev/non-idempotent-methods': '/u.v1.Users/Create' });
    expect(analyzeObjects([service('users'), route]).map((f) => f.message)).toStrictEqual([
      expect.stringMatching(/^retries on unavailable, cancelled, retriable-status-codes can run \/u\.v1\.Users\/Create twice/),
    ]);
  });
});
