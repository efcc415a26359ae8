import * as fc from 'fast-check';
import { findingsOf, objectsOf } from './util/analyzer-cases';
import { ALL_ANALYZERS } from '../lib/validate/analyzer/all';
import { hostnamesIntersect } from '../lib/validate/analyzer/gatewayapi/hostnames';
import { runAnalyzers } from '../lib/validate/analyzer/runner';

const PARENTS = ['gatewayapi.ParentRefAnalyzer'];
const BACKENDS = ['gatewayapi.BackendRefAnalyzer'];
const CERTS = ['gatewayapi.CertificateRefAnalyzer'];

const service = (name: string, ns = 'shop', port = 50051) => `apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${ns} }
spec: { selector: { app: ${name} }, ports: [{ name: grpc, port: ${port} }] }`;
const namespace = (name: string, labels = '{}') => `apiVersion: v1
kind: Namespace
metadata: { name: ${name}, labels: ${labels} }`;
const gateway = (listeners: string, ns = 'edge', name = 'edge') => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: ${name}, namespace: ${ns} }
spec: { gatewayClassName: istio, listeners: ${listeners} }`;
const grpcRoute = (spec: string, ns = 'shop', name = 'users') => `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: ${name}, namespace: ${ns} }
spec: ${spec}`;
const HTTPS_ALL = '[{ name: https, port: 443, protocol: HTTPS, hostname: "*.example.com", allowedRoutes: { namespaces: { from: All } }, tls: { certificateRefs: [{ name: edge-cert }] } }]';

describe('GIVEN route parentRefs to a Gateway', () => {
  const ok = grpcRoute('{ parentRefs: [{ name: edge, namespace: edge, sectionName: https }], hostnames: [users.example.com], rules: [{ backendRefs: [{ name: users, port: 50051 }] }] }');

  test('THEN a route that attaches has no finding', () => {
    expect(findingsOf(PARENTS, [gateway(HTTPS_ALL), ok].join('\n---\n'))).toStrictEqual([]);
  });

  test('THEN a Gateway not in the input is IGR3201, an error, and a warning with workloads partial', () => {
    expect(findingsOf(PARENTS, ok)).toStrictEqual(['error IGR3201 GRPCRoute shop/users spec.parentRefs[0]']);
    expect(findingsOf(PARENTS, ok, { workloads: 'partial' })).toStrictEqual(['warning IGR3201 GRPCRoute shop/users spec.parentRefs[0]']);
  });

  test('THEN a sectionName or port that no listener has is IGR3202', () => {
    const route = grpcRoute('{ parentRefs: [{ name: edge, namespace: edge, sectionName: grpc }, { name: edge, namespace: edge, port: 8443 }, { name: edge, namespace: edge, port: 443 }], hostnames: [users.example.com] }');
    expect(findingsOf(PARENTS, [gateway(HTTPS_ALL), route].join('\n---\n'))).toStrictEqual([
      'error IGR3202 GRPCRoute shop/users spec.parentRefs[0].sectionName',
      'error IGR3202 GRPCRoute shop/users spec.parentRefs[1].port',
    ]);
  });

  test('THEN a GRPCRoute on a TCP listener, or on a listener whose allowedRoutes.kinds leave it out, is IGR3203', () => {
    const listeners = '[{ name: tcp, port: 9000, protocol: TCP, allowedRoutes: { namespaces: { from: All } } }, { name: web, port: 80, protocol: HTTP, allowedRoutes: { kinds: [{ kind: HTTPRoute }], namespaces: { from: All } } }]';
    const route = grpcRoute('{ parentRefs: [{ name: edge, namespace: edge, sectionName: tcp }, { name: edge, namespace: edge, sectionName: web }] }');
    expect(findingsOf(PARENTS, [gateway(listeners), route].join('\n---\n'))).toStrictEqual([
      'error IGR3203 GRPCRoute shop/users spec.parentRefs[0]',
      'error IGR3203 GRPCRoute shop/users spec.parentRefs[1]',
    ]);
    // HTTP (h2c) carries GRPCRoute.
    const http = '[{ name: web, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }]';
    expect(findingsOf(PARENTS, [gateway(http), route.replace(/sectionName: tcp/, 'sectionName: web')].join('\n---\n'))).toStrictEqual([]);
  });

  test('THEN a route from a namespace the listener does not admit is IGR3204 (Same by default; Selector on Namespace labels)', () => {
    const same = '[{ name: https, port: 443, protocol: HTTPS }]';
    const selector = '[{ name: https, port: 443, protocol: HTTPS, allowedRoutes: { namespaces: { from: Selector, selector: { matchLabels: { edge-access: "true" } } } } }]';
    const route = grpcRoute('{ parentRefs: [{ name: edge, namespace: edge }] }');
    expect(findingsOf(PARENTS, [gateway(same), route].join('\n---\n'))).toStrictEqual(['error IGR3204 GRPCRoute shop/users spec.parentRefs[0]']);
    expect(findingsOf(PARENTS, [gateway(same), grpcRoute('{ parentRefs: [{ name: edge }] }', 'edge')].join('\n---\n'))).toStrictEqual([]);
    expect(findingsOf(PARENTS, [gateway(selector), route, namespace('shop', '{ edge-access: "false" }')].join('\n---\n'))).toStrictEqual(['error IGR3204 GRPCRoute shop/users spec.parentRefs[0]']);
    expect(findingsOf(PARENTS, [gateway(selector), route, namespace('shop', '{ edge-access: "true" }')].join('\n---\n'))).toStrictEqual([]);
    // Labels of a Namespace the input does not hold are unknown: not judged.
    expect(findingsOf(PARENTS, [gateway(selector), route].join('\n---\n'))).toStrictEqual([]);
  });

  test('THEN hostnames that meet no listener hostname are IGR3205; wildcards match whole labels only', () => {
    const route = (h: string) => grpcRoute(`{ parentRefs: [{ name: edge, namespace: edge }], hostnames: [${h}] }`);
    expect(findingsOf(PARENTS, [gateway(HTTPS_ALL), route('example.com')].join('\n---\n'))).toStrictEqual(['error IGR3205 GRPCRoute shop/users spec.hostnames']);
    expect(findingsOf(PARENTS, [gateway(HTTPS_ALL), route('users.example.org')].join('\n---\n'))).toStrictEqual(['error IGR3205 GRPCRoute shop/users spec.hostnames']);
    for (const h of ['a.b.example.com', '"*.example.com"', '"*.com"']) expect(findingsOf(PARENTS, [gateway(HTTPS_ALL), route(h)].join('\n---\n'))).toStrictEqual([]);
  });
});

describe('GIVEN a mesh route (GAMMA) whose parentRef is a Service', () => {
  test('THEN an existing Service and port is accepted; a missing Service is IGR3201, a missing port IGR3202', () => {
    const route = (port: number) => grpcRoute(`{ parentRefs: [{ group: "", kind: Service, name: users, port: ${port} }], rules: [{ backendRefs: [{ name: users, port: 50051 }] }] }`);
    expect(findingsOf(PARENTS, [service('users'), route(50051)].join('\n---\n'))).toStrictEqual([]);
    expect(findingsOf(PARENTS, [service('users'), route(8080)].join('\n---\n'))).toStrictEqual(['error IGR3202 GRPCRoute shop/users spec.parentRefs[0].port']);
    expect(findingsOf(PARENTS, route(50051))).toStrictEqual(['error IGR3201 GRPCRoute shop/users spec.parentRefs[0]']);
  });

  test('THEN parents of other implementations (ServiceImport) are not judged', () => {
    expect(findingsOf(PARENTS, grpcRoute('{ parentRefs: [{ group: multicluster.x-k8s.io, kind: ServiceImport, name: users }] }'))).toStrictEqual([]);
  });
});

describe('GIVEN route backendRefs', () => {
  const route = (backends: string, ns = 'shop') => grpcRoute(`{ parentRefs: [{ group: "", kind: Service, name: users }], rules: [{ backendRefs: ${backends} }] }`, ns);

  test('THEN Services and ports of the input are accepted', () => {
    expect(findingsOf(BACKENDS, [service('users-v1'), service('users-v2'), route('[{ name: users-v1, port: 50051, weight: 90 }, { name: users-v2, port: 50051, weight: 10 }]')].join('\n---\n'))).toStrictEqual([]);
  });

  test('THEN a Service not in the input is IGR3206 (a warning with workloads partial), a port it lacks IGR3207', () => {
    expect(findingsOf(BACKENDS, route('[{ name: users-v1, port: 50051 }]'))).toStrictEqual(['error IGR3206 GRPCRoute shop/users spec.rules[0].backendRefs[0].name']);
    expect(findingsOf(BACKENDS, route('[{ name: users-v1, port: 50051 }]'), { workloads: 'partial' })).toStrictEqual(['warning IGR3206 GRPCRoute shop/users spec.rules[0].backendRefs[0].name']);
    expect(findingsOf(BACKENDS, [service('users-v1'), route('[{ name: users-v1, port: 8080 }]')].join('\n---\n'))).toStrictEqual(['error IGR3207 GRPCRoute shop/users spec.rules[0].backendRefs[0].port']);
  });

  test('THEN a rule whose backends all weigh 0 is IGR3208, a warning', () => {
    expect(findingsOf(BACKENDS, [service('users-v1'), route('[{ name: users-v1, port: 50051, weight: 0 }]')].join('\n---\n'))).toStrictEqual(['warning IGR3208 GRPCRoute shop/users spec.rules[0].backendRefs']);
    expect(findingsOf(BACKENDS, [service('users-v1'), service('users-v2'), route('[{ name: users-v1, port: 50051, weight: 0 }, { name: users-v2, port: 50051 }]')].join('\n---\n'))).toStrictEqual([]);
  });

  test('THEN a backend in another namespace needs a ReferenceGrant there (from the route kind and namespace, to Service, its name if set): IGR3209', () => {
    const cross = route('[{ name: users, namespace: backend, port: 50051 }]');
    const grant = (from: string, to: string) => `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: g, namespace: backend }
spec: { from: [${from}], to: [${to}] }`;
    const svc = service('users', 'backend');
    expect(findingsOf(BACKENDS, [svc, cross].join('\n---\n'))).toStrictEqual(['error IGR3209 GRPCRoute shop/users spec.rules[0].backendRefs[0].namespace']);
    expect(findingsOf(BACKENDS, [svc, cross, grant('{ group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: shop }', '{ group: "", kind: Service }')].join('\n---\n'))).toStrictEqual([]);
    expect(findingsOf(BACKENDS, [svc, cross, grant('{ group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: shop }', '{ group: "", kind: Service, name: users }')].join('\n---\n'))).toStrictEqual([]);
    for (const [from, to] of [
      ['{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop }', '{ group: "", kind: Service }'],
      ['{ group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: other }', '{ group: "", kind: Service }'],
      ['{ group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: shop }', '{ group: "", kind: Service, name: orders }'],
    ]) {
      expect(findingsOf(BACKENDS, [svc, cross, grant(from, to)].join('\n---\n'))).toStrictEqual(['error IGR3209 GRPCRoute shop/users spec.rules[0].backendRefs[0].namespace']);
    }
  });

  test('THEN mirror filters are backends too', () => {
    const mirror = grpcRoute('{ rules: [{ filters: [{ type: RequestMirror, requestMirror: { backendRef: { name: shadow, port: 50051 } } }], backendRefs: [{ name: users, port: 50051 }] }] }');
    expect(findingsOf(BACKENDS, [service('users'), mirror].join('\n---\n'))).toStrictEqual(['error IGR3206 GRPCRoute shop/users spec.rules[0].filters[0].requestMirror.backendRef.name']);
  });
});

describe('GIVEN Gateway listener certificateRefs', () => {
  const secret = (ns: string) => `apiVersion: v1
kind: Secret
metadata: { name: edge-cert, namespace: ${ns} }
type: kubernetes.io/tls
data: { tls.crt: "", tls.key: "" }`;
  const crossListener = '[{ name: https, port: 443, protocol: HTTPS, tls: { certificateRefs: [{ name: edge-cert, namespace: certs }] } }]';

  test('THEN a Secret of the input in the Gateway namespace is accepted; a missing one is IGR3210, only with workloads complete', () => {
    expect(findingsOf(CERTS, [gateway(HTTPS_ALL), secret('edge')].join('\n---\n'))).toStrictEqual([]);
    expect(findingsOf(CERTS, gateway(HTTPS_ALL))).toStrictEqual(['error IGR3210 Gateway edge/edge spec.listeners[0].tls.certificateRefs[0].name']);
    expect(findingsOf(CERTS, gateway(HTTPS_ALL), { workloads: 'partial' })).toStrictEqual([]);
  });

  test('THEN a Secret in another namespace needs a ReferenceGrant for Gateways: IGR3209', () => {
    const grant = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: g, namespace: certs }
spec: { from: [{ group: gateway.networking.k8s.io, kind: Gateway, namespace: edge }], to: [{ group: "", kind: Secret }] }`;
    expect(findingsOf(CERTS, [gateway(crossListener), secret('certs')].join('\n---\n'))).toStrictEqual(['error IGR3209 Gateway edge/edge spec.listeners[0].tls.certificateRefs[0].namespace']);
    expect(findingsOf(CERTS, [gateway(crossListener), secret('certs'), grant].join('\n---\n'))).toStrictEqual([]);
  });
});

describe('hostnamesIntersect', () => {
  /** Whether a Gateway API hostname matches a concrete host (the spec's rule, label by label). */
  const matches = (pattern: string, host: string) => pattern.startsWith('*.')
    ? host.split('.').length > pattern.split('.').length - 1 && host.endsWith(pattern.slice(1))
    : pattern === host;
  const label = fc.constantFrom('a', 'b');
  const name = fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => l.join('.'));
  const hostname = fc.tuple(fc.boolean(), name).map(([wild, n]) => (wild ? `*.${n}` : n));
  // Every concrete host of up to 5 labels over a, b and c: enough to witness any intersection of the names above.
  const hosts: string[] = [];
  const grow = (prefix: string[]) => {
    if (prefix.length > 0) hosts.push(prefix.join('.'));
    if (prefix.length < 5) for (const l of ['a', 'b', 'c']) grow([l, ...prefix]);
  };
  grow([]);

  test('property: two hostnames intersect exactly when some concrete host matches both (brute-force oracle), in either order', () => {
    fc.assert(fc.property(hostname, hostname, (x, y) => {
      const oracle = hosts.some((h) => matches(x, h) && matches(y, h));
      expect(hostnamesIntersect(x, y)).toBe(oracle);
      expect(hostnamesIntersect(y, x)).toBe(oracle);
    }), { numRuns: 300 });
  });
});

describe('GIVEN the kind of output the constructs emit (GAMMA GRPCRoute with canary Services, ingress Gateway with a Secret elsewhere)', () => {
  test('THEN the Gateway API analyzers report nothing with workloads partial', () => {
    const yaml = [
      service('users'), service('users-v1'), service('users-v2'),
      grpcRoute('{ parentRefs: [{ group: "", kind: Service, name: users, port: 50051 }], rules: [{ matches: [{ method: { service: users.v1.Users, method: GetUser } }], backendRefs: [{ name: users-v1, port: 50051, weight: 90 }, { name: users-v2, port: 50051, weight: 10 }] }] }'),
      gateway('[{ name: https, port: 443, protocol: HTTPS, hostname: users.example.com, allowedRoutes: { namespaces: { from: Selector, selector: { matchLabels: { kubernetes.io/metadata.name: shop } } } }, tls: { mode: Terminate, certificateRefs: [{ kind: Secret, group: "", name: users-tls }] } }]', 'shop', 'users-ingress'),
      grpcRoute('{ parentRefs: [{ name: users-ingress, sectionName: https }], hostnames: [users.example.com], rules: [{ backendRefs: [{ name: users, port: 50051 }] }] }', 'shop', 'users-ingress'),
    ].join('\n---\n');
    const ours = new Set(['IGR3201', 'IGR3202', 'IGR3203', 'IGR3204', 'IGR3205', 'IGR3206', 'IGR3207', 'IGR3208', 'IGR3209', 'IGR3210']);
    const found = runAnalyzers(ALL_ANALYZERS, objectsOf(yaml), { workloads: 'partial' }).filter((f) => ours.has(f.code));
    expect(found).toStrictEqual([]);
  });
});
