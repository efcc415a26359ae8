import { readFileSync } from 'fs';
import { findingsOf, objectsOf } from './util/analyzer-cases';
import { README_PATH } from './util/readme';
import { AnalyzerSelection } from '../lib/validate/analyzer';
import { ANALYZER_CODES } from '../lib/validate/analyzer/messages';
import { runAnalyzers } from '../lib/validate/analyzer/runner';
import { analyzerNames } from '../lib/validate/analyzer/selection';

const messagesOf = (analyzers: readonly string[], yaml: string) =>
  runAnalyzers(AnalyzerSelection.of(analyzers).analyzers(), objectsOf(yaml)).map((f) => f.message);

const WAYPOINTS = ['ambient.WaypointAnalyzer'];
const ROUTES = ['ambient.L7RouteAnalyzer'];
const POLICIES = ['ambient.AuthorizationPolicyAnalyzer'];
const SIDECARS = ['ambient.SidecarConflictAnalyzer'];

const join = (...docs: string[]) => docs.join('\n---\n');
const namespace = (labels: string, name = 'shop') => `apiVersion: v1
kind: Namespace
metadata: { name: ${name}, labels: ${labels} }`;
const AMBIENT_NS = namespace('{ istio.io/dataplane-mode: ambient }');
const service = (labels = '{}', name = 'users') => `apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: shop, labels: ${labels} }
spec: { selector: { app: ${name} }, ports: [{ name: grpc, port: 50051 }] }`;
const deployment = (podLabels: string, annotations = '{}') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: users, namespace: shop }
spec: { selector: { matchLabels: { app: users } }, template: { metadata: { labels: ${podLabels}, annotations: ${annotations} }, spec: { containers: [{ name: app, image: a }] } } }`;
const waypoint = (labels = '{}', listenerExtra = '', ns = 'shop', name = 'users-waypoint') => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: ${name}, namespace: ${ns}, labels: ${labels} }
spec: { gatewayClassName: istio-waypoint, listeners: [{ name: mesh, port: 15008, protocol: HBONE ${listenerExtra} }] }`;
const WITH_WAYPOINT = service('{ istio.io/use-waypoint: users-waypoint }');
const grpcRoute = (rules: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: users, namespace: shop }
spec: { parentRefs: [{ group: "", kind: Service, name: users, port: 50051 }], rules: ${rules} }`;
const virtualService = (http: string, gateways = '') => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: users, namespace: shop }
spec: { hosts: [users], ${gateways} http: ${http} }`;
const policy = (spec: string, name = 'users') => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: ${name}, namespace: shop }
spec: ${spec}`;

describe('GIVEN istio.io/use-waypoint labels', () => {
  test('THEN a waypoint of the input that takes the traffic is accepted (Service, Namespace, workload with waypoint-for all)', () => {
    expect(findingsOf(WAYPOINTS, join(AMBIENT_NS, WITH_WAYPOINT, waypoint()))).toStrictEqual([]);
    expect(findingsOf(WAYPOINTS, join(namespace('{ istio.io/dataplane-mode: ambient, istio.io/use-waypoint: users-waypoint }'), service(), waypoint()))).toStrictEqual([]);
    expect(findingsOf(WAYPOINTS, join(AMBIENT_NS, deployment('{ app: users, istio.io/use-waypoint: users-waypoint }'), waypoint('{ istio.io/waypoint-for: all }')))).toStrictEqual([]);
  });

  test('THEN `none` opts out, with no finding', () => {
    expect(findingsOf(WAYPOINTS, join(AMBIENT_NS, service('{ istio.io/use-waypoint: none }')))).toStrictEqual([]);
  });

  test('THEN a waypoint not in the input is IGR3303: an error, a warning with workloads partial; a Namespace\'s is reported once, on it', () => {
    expect(findingsOf(WAYPOINTS, join(AMBIENT_NS, WITH_WAYPOINT))).toStrictEqual(['error IGR3303 Service shop/users metadata.labels.istio.io/use-waypoint']);
    expect(findingsOf(WAYPOINTS, join(AMBIENT_NS, WITH_WAYPOINT), { workloads: 'partial' })).toStrictEqual(['warning IGR3303 Service shop/users metadata.labels.istio.io/use-waypoint']);
    expect(findingsOf(WAYPOINTS, join(namespace('{ istio.io/use-waypoint: shared }'), service()))).toStrictEqual(['error IGR3303 Namespace /shop metadata.labels.istio.io/use-waypoint']);
  });

  test('THEN istio.io/use-waypoint-namespace names the waypoint\'s namespace', () => {
    const svc = service('{ istio.io/use-waypoint: shared, istio.io/use-waypoint-namespace: mesh }');
    expect(findingsOf(WAYPOINTS, join(svc, waypoint('{}', ', allowedRoutes: { namespaces: { from: All } }', 'mesh', 'shared')))).toStrictEqual([]);
    expect(findingsOf(WAYPOINTS, join(svc, waypoint('{}', ', allowedRoutes: { namespaces: { from: All } }', 'shop', 'shared')))).toStrictEqual(['error IGR3303 Service shop/users metadata.labels.istio.io/use-waypoint']);
  });

  test('THEN a waypoint whose waypoint-for does not take the traffic is IGR3304 (Service: service|all; workload: workload|all)', () => {
    expect(findingsOf(WAYPOINTS, join(WITH_WAYPOINT, waypoint('{ istio.io/waypoint-for: workload }')))).toStrictEqual(['error IGR3304 Service shop/users metadata.labels.istio.io/use-waypoint']);
    expect(findingsOf(WAYPOINTS, join(deployment('{ app: users, istio.io/use-waypoint: users-waypoint }'), waypoint()))).toStrictEqual(['error IGR3304 Deployment shop/users spec.template.metadata.labels.istio.io/use-waypoint']);
    // The GatewayClass's label counts when the Gateway has none.
    const cls = 'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: { name: istio-waypoint, labels: { istio.io/waypoint-for: workload } }\nspec: { controllerName: istio.io/mesh-controller }';
    expect(findingsOf(WAYPOINTS, join(WITH_WAYPOINT, waypoint(), cls))).toStrictEqual(['error IGR3304 Service shop/users metadata.labels.istio.io/use-waypoint']);
  });

  test('THEN a waypoint in another namespace whose HBONE listener admits only its own is IGR3305', () => {
    const svc = service('{ istio.io/use-waypoint: shared, istio.io/use-waypoint-namespace: mesh }');
    expect(findingsOf(WAYPOINTS, join(svc, waypoint('{}', '', 'mesh', 'shared')))).toStrictEqual(['error IGR3305 Service shop/users metadata.labels.istio.io/use-waypoint']);
  });
});

describe('GIVEN L7 routing for an ambient Service', () => {
  const l7Route = grpcRoute('[{ matches: [{ method: { service: users.v1.Users, method: GetUser } }], backendRefs: [{ name: users-v1, port: 50051, weight: 90 }, { name: users-v2, port: 50051, weight: 10 }] }]');

  test('THEN with a waypoint serving the Service there is no finding', () => {
    expect(findingsOf(ROUTES, join(AMBIENT_NS, WITH_WAYPOINT, waypoint(), l7Route))).toStrictEqual([]);
  });

  test('THEN a GAMMA route or a mesh VirtualService without a waypoint is IGR3301', () => {
    expect(findingsOf(ROUTES, join(AMBIENT_NS, service(), l7Route))).toStrictEqual(['error IGR3301 GRPCRoute shop/users spec.parentRefs[0]']);
    expect(findingsOf(ROUTES, join(AMBIENT_NS, service(), virtualService('[{ retries: { attempts: 2 }, route: [{ destination: { host: users } }] }]')))).toStrictEqual(['error IGR3301 VirtualService shop/users spec.hosts[0]']);
  });

  test('THEN a named waypoint not in the input is none with workloads complete, and left to IGR3303 with partial (a shared waypoint applied elsewhere)', () => {
    expect(findingsOf(ROUTES, join(AMBIENT_NS, WITH_WAYPOINT, l7Route))).toStrictEqual(['error IGR3301 GRPCRoute shop/users spec.parentRefs[0]']);
    expect(findingsOf(ROUTES, join(AMBIENT_NS, WITH_WAYPOINT, l7Route), { workloads: 'partial' })).toStrictEqual([]);
  });

  test('THEN ambient is read from the pods too (their own label), and a waypoint the Service cannot use counts as none', () => {
    expect(findingsOf(ROUTES, join(service(), deployment('{ app: users, istio.io/dataplane-mode: ambient }'), l7Route))).toStrictEqual(['error IGR3301 GRPCRoute shop/users spec.parentRefs[0]']);
    expect(findingsOf(ROUTES, join(AMBIENT_NS, WITH_WAYPOINT, waypoint('{ istio.io/waypoint-for: workload }'), l7Route))).toStrictEqual(['error IGR3301 GRPCRoute shop/users spec.parentRefs[0]']);
  });

  test('THEN sidecar Services, ingress VirtualServices and routes without L7 features are not judged', () => {
    expect(findingsOf(ROUTES, join(namespace('{ istio-injection: enabled }'), service(), l7Route))).toStrictEqual([]);
    expect(findingsOf(ROUTES, join(AMBIENT_NS, service(), virtualService('[{ timeout: 5s, route: [{ destination: { host: users } }] }]', 'gateways: [istio-system/edge],')))).toStrictEqual([]);
    expect(findingsOf(ROUTES, join(AMBIENT_NS, service(), grpcRoute('[{ backendRefs: [{ name: users, port: 50051 }] }]')))).toStrictEqual([]);
    // A pod opting out of ambient in an ambient namespace does not make the Service ambient by itself; the namespace still does.
    expect(findingsOf(ROUTES, join(service(), deployment('{ app: users, istio.io/dataplane-mode: none }'), l7Route))).toStrictEqual([]);
  });
});

describe('GIVEN AuthorizationPolicies on ambient pods', () => {
  const pods = join(AMBIENT_NS, service(), deployment('{ app: users }'));
  const l7Allow = policy('{ selector: { matchLabels: { app: users } }, action: ALLOW, rules: [{ to: [{ operation: { paths: [/users.v1.Users/GetUser] } }] }] }');

  test('THEN a selector policy with HTTP attributes is IGR3302, saying what ztunnel does with ALLOW', () => {
    expect(findingsOf(POLICIES, join(pods, l7Allow))).toStrictEqual(['error IGR3302 AuthorizationPolicy shop/users spec.selector']);
    // Its only rule uses paths: at ztunnel the ALLOW policy matches nothing, so it denies.
    expect(messagesOf(POLICIES, join(pods, l7Allow))).toStrictEqual([expect.stringMatching(/to\.operation\.paths.*every rule uses them, so the ALLOW policy matches nothing at ztunnel and all traffic .* is denied; .*targetRefs/)]);
    const mixed = policy('{ selector: { matchLabels: { app: users } }, rules: [{ to: [{ operation: { methods: [POST] } }] }, { from: [{ source: { namespaces: [web] } }] }] }');
    expect(messagesOf(POLICIES, join(pods, mixed))).toStrictEqual([expect.stringMatching(/drops the rules that use them/)]);
  });

  test('THEN a namespace-wide DENY with HTTP attributes is IGR3302 too; a CUSTOM action at ztunnel is refused', () => {
    const deny = policy('{ action: DENY, rules: [{ from: [{ source: { namespaces: [other] } }], when: [{ key: "request.headers[x-debug]", values: ["1"] }] }] }');
    expect(findingsOf(POLICIES, join(pods, deny))).toStrictEqual(['error IGR3302 AuthorizationPolicy shop/users spec.rules']);
    expect(messagesOf(POLICIES, join(pods, deny))).toStrictEqual([expect.stringMatching(/after omitting them ztunnel has no rule left to match, so this DENY policy has no effect/)]);
    // A clause left with no L4 field never matches (ztunnel skips empty matches): methods alone leave the DENY without effect ...
    const methodsOnly = policy('{ action: DENY, rules: [{ from: [{ source: { namespaces: [other] } }], to: [{ operation: { methods: [DELETE] } }] }] }');
    expect(messagesOf(POLICIES, join(pods, methodsOnly))).toStrictEqual([expect.stringMatching(/this DENY policy has no effect/)]);
    // ... while methods beside a port leave the port: every call from "other" to 50051 is denied, not only DELETE.
    const denyL4Too = policy('{ action: DENY, rules: [{ from: [{ source: { namespaces: [other] } }], to: [{ operation: { ports: ["50051"], methods: [DELETE] } }] }] }');
    expect(messagesOf(POLICIES, join(pods, denyL4Too))).toStrictEqual([expect.stringMatching(/enforces this DENY policy without them, so it denies more than written/)]);
    expect(findingsOf(POLICIES, join(pods, policy('{ selector: { matchLabels: { app: users } }, action: CUSTOM, provider: { name: ext }, rules: [{}] }')))).toStrictEqual(['error IGR3302 AuthorizationPolicy shop/users spec.action']);
  });

  test('THEN L4-only selector policies, policies on sidecar pods, and targetRefs policies served by a waypoint are accepted', () => {
    expect(findingsOf(POLICIES, join(pods, policy('{ selector: { matchLabels: { app: users } }, rules: [{ from: [{ source: { principals: [cluster.local/ns/shop/sa/web] } }], to: [{ operation: { ports: ["50051"] } }] }] }')))).toStrictEqual([]);
    expect(findingsOf(POLICIES, join(namespace('{ istio-injection: enabled }'), deployment('{ app: users }'), l7Allow))).toStrictEqual([]);
    const targeted = policy('{ targetRefs: [{ kind: Service, group: "", name: users }], rules: [{ to: [{ operation: { paths: [/users.v1.Users/GetUser] } }] }] }');
    expect(findingsOf(POLICIES, join(AMBIENT_NS, WITH_WAYPOINT, waypoint(), deployment('{ app: users }'), targeted))).toStrictEqual([]);
  });

  test('THEN a targetRefs policy on an ambient Service without a waypoint is IGR3307: nothing enforces it', () => {
    const targeted = policy('{ targetRefs: [{ kind: Service, group: "", name: users }], action: DENY, rules: [{ from: [{ source: { namespaces: [other] } }] }] }');
    expect(findingsOf(POLICIES, join(pods, targeted))).toStrictEqual(['error IGR3307 AuthorizationPolicy shop/users spec.targetRefs[0]']);
  });
});

describe('GIVEN sidecar injection and ambient together', () => {
  test('THEN a pod template labelled ambient that gets a sidecar is IGR3306 (sidecar wins); ambient alone is accepted', () => {
    expect(findingsOf(SIDECARS, join(namespace('{ istio-injection: enabled }'), deployment('{ app: users, istio.io/dataplane-mode: ambient }')))).toStrictEqual(['warning IGR3306 Deployment shop/users spec.template.metadata.labels']);
    expect(findingsOf(SIDECARS, join(AMBIENT_NS, deployment('{ app: users, sidecar.istio.io/inject: "true" }')))).toStrictEqual(['warning IGR3306 Deployment shop/users spec.template.metadata.labels']);
    expect(findingsOf(SIDECARS, join(AMBIENT_NS, deployment('{ app: users }')))).toStrictEqual([]);
    expect(findingsOf(SIDECARS, join(namespace('{ istio-injection: enabled }'), deployment('{ app: users, istio.io/dataplane-mode: ambient, sidecar.istio.io/inject: "false" }')))).toStrictEqual([]);
  });

  test('THEN both labels on a Namespace are Istio\'s IST0123, which says the sidecar wins', () => {
    const found = findingsOf(['injection.Analyzer'], namespace('{ istio-injection: enabled, istio.io/dataplane-mode: ambient }'));
    expect(found).toStrictEqual(['warning IST0123 Namespace /shop metadata.labels']);
    expect(messagesOf(['injection.Analyzer'], namespace('{ istio-injection: enabled, istio.io/dataplane-mode: ambient }'))).toStrictEqual([expect.stringMatching(/the sidecar wins/)]);
    // Without ambient in the mix, which label wins stays undefined.
    expect(messagesOf(['injection.Analyzer'], namespace('{ istio-injection: enabled, istio.io/rev: canary }'))).toStrictEqual([expect.stringMatching(/which one wins is undefined/)]);
  });
});

describe('GIVEN waypoint Gateways', () => {
  test('THEN HBONE on 15008 is accepted; another listener, or none, is IGR3308', () => {
    const analyzer = ['ambient.WaypointListenerAnalyzer'];
    expect(findingsOf(analyzer, waypoint())).toStrictEqual([]);
    const http = waypoint().replace('listeners: [{ name: mesh, port: 15008, protocol: HBONE  }]', 'listeners: [{ name: mesh, port: 15008, protocol: HBONE }, { name: web, port: 80, protocol: HTTP }]');
    expect(findingsOf(analyzer, http)).toStrictEqual(['warning IGR3308 Gateway shop/users-waypoint spec.listeners[1]']);
    expect(findingsOf(analyzer, waypoint().replace(/listeners: \[.*\]/, 'listeners: []'))).toStrictEqual(['warning IGR3308 Gateway shop/users-waypoint spec.listeners']);
  });
});

describe('GIVEN the codes of the Gateway API and ambient analyzers', () => {
  test('THEN each has a row of the README table of its section, and each analyzer is registered', () => {
    const readme = readFileSync(README_PATH, 'utf8');
    const section = readme.slice(readme.indexOf('### Gateway API and ambient checks'), readme.indexOf('### Conformance with Istio'));
    const codes = Object.values(ANALYZER_CODES).map((c) => c.code).filter((c) => /^IGR3[23]/.test(c));
    expect(codes.length).toBe(18);
    for (const code of codes) expect({ code, documented: section.includes(`| \`${code}\` |`) }).toStrictEqual({ code, documented: true });
    for (const name of ['gatewayapi.ParentRefAnalyzer', 'gatewayapi.BackendRefAnalyzer', 'gatewayapi.CertificateRefAnalyzer', ...WAYPOINTS, ...ROUTES, ...POLICIES, ...SIDECARS, 'ambient.WaypointListenerAnalyzer']) {
      expect(section).toContain(`\`${name}\``);
      expect(analyzerNames()).toContain(name);
    }
  });
});
