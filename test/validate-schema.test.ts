import { run } from '@bufbuild/cel';
import { KubeObject } from '../lib/core/kube-object';
import { checkSchema } from '../lib/validate/schema';
import { estimateCelCost } from '../lib/validate/schema/cel-cost';
import { checkCelRules } from '../lib/validate/schema/cel-rules';
import { checkListTypes } from '../lib/validate/schema/list-types';

const vs = (spec: unknown, apiVersion = 'networking.istio.io/v1'): KubeObject => ({ apiVersion, kind: 'VirtualService', metadata: { name: 'users', namespace: 'shop' }, spec } as KubeObject);
const dr = (spec: unknown): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'users', namespace: 'shop' }, spec } as KubeObject);
const pa = (spec: unknown): KubeObject => ({ apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'users', namespace: 'shop' }, spec } as KubeObject);
const summary = (o: KubeObject) => checkSchema(o).map((f) => `${f.code} ${f.path ?? ''}: ${f.message}`);

const ROUTE = { route: [{ destination: { host: 'users.shop.svc.cluster.local' } }] };

describe('schema stage: Istio CRDs', () => {
  test('a valid VirtualService has no finding', () => {
    expect(summary(vs({ hosts: ['users'], http: [{ ...ROUTE, timeout: '2s', retries: { attempts: 2, retryOn: 'unavailable' } }] }))).toStrictEqual([]);
  });

  test('an unknown field is refused with the closest known field', () => {
    expect(summary(dr({ host: 'users', trafficPolicy: { conectionPool: {} } })))
      .toStrictEqual(['IGR1005 spec.trafficPolicy.conectionPool: unknown field "conectionPool"; did you mean connectionPool?']);
  });

  test('a wrong type names the expected type and the value', () => {
    expect(summary(vs({ hosts: 'users', http: [ROUTE] }))).toStrictEqual(['IGR1004 spec.hosts: must be an array (got "users")']);
  });

  test('an enum value outside the list names the allowed values', () => {
    const [finding] = summary(dr({ host: 'users', trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUESTS' } } }));
    expect(finding).toMatch(/^IGR1004 spec\.trafficPolicy\.loadBalancer\.simple: "LEAST_REQUESTS" is not one of .*ROUND_ROBIN.*; did you mean LEAST_REQUEST\?$/);
  });

  test('int-or-string fields take both forms and nothing else', () => {
    const withPort = (number: unknown) => summary({ apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 's' }, spec: { ingress: [{ port: { number: 9080, protocol: 'GRPC', name: 'grpc' }, defaultEndpoint: '127.0.0.1:8080' }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } }, x: number } as any);
    expect(withPort(1)).toStrictEqual(['IGR1005 x: unknown field "x"']);
    const portLevel = (port: unknown) => summary(pa({ selector: { matchLabels: { app: 'users' } }, portLevelMtls: { [String(port)]: { mode: 'STRICT' } } }));
    expect(portLevel(8080)).toStrictEqual([]);
  });

  test('a CEL rule that fails is reported at its place with its message', () => {
    expect(summary(pa({ portLevelMtls: { 8080: { mode: 'STRICT' } } }))).toStrictEqual(['IGR1006 spec: portLevelMtls requires selector']);
    expect(summary(pa({ selector: { matchLabels: { app: 'users' } }, portLevelMtls: { 0: { mode: 'STRICT' } } })))
      .toStrictEqual(['IGR1006 spec.portLevelMtls: port must be between 1-65535']);
  });

  test('a CEL rule that fails to evaluate counts as failed, as the API server does', () => {
    const [finding] = summary(pa({ selector: { matchLabels: { app: 'users' } }, portLevelMtls: { abc: { mode: 'STRICT' } } }));
    expect(finding).toMatch(/^IGR1006 spec\.portLevelMtls: port must be between 1-65535 \(/);
  });

  test('duration rules use CEL durations', () => {
    expect(summary(vs({ hosts: ['users'], http: [{ ...ROUTE, timeout: '0.5ms' }] }))).toHaveLength(1);
    expect(summary(vs({ hosts: ['users'], http: [{ ...ROUTE, timeout: '1ms' }] }))).toStrictEqual([]);
  });

  test('mutually exclusive fields name each other', () => {
    const [finding] = summary({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'u' },
      spec: { host: 'u', trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN', consistentHash: { httpHeaderName: 'x' } } } },
    } as KubeObject);
    expect(finding).toMatch(/loadBalancer: fields simple and consistentHash cannot be set together/);
  });

  test('an unknown Istio group, kind or version gets a hint', () => {
    expect(summary(vs({ hosts: ['a'] }, 'networking.istio.io/v2'))[0]).toMatch(/^IGR1002 apiVersion: .*served: .*v1.*use networking\.istio\.io\/v1$/);
    expect(summary(vs({ hosts: ['a'] }, 'network.istio.io/v1'))[0]).toBe('IGR1001 apiVersion: API group "network.istio.io" does not exist in Istio; did you mean networking.istio.io/v1?');
    expect(summary({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualServices', metadata: { name: 'a' } } as KubeObject)[0])
      .toMatch(/^IGR1003 kind: networking\.istio\.io has no kind "VirtualServices" .*; did you mean VirtualService\?$/);
    expect(summary({ apiVersion: 'networking.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'a' } } as KubeObject)[0])
      .toMatch(/PeerAuthentication lives in security\.istio\.io$/);
  });

  test('objects of other API groups are left alone', () => {
    expect(summary({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'c' }, spec: { anything: true } } as KubeObject)).toStrictEqual([]);
  });
});

describe('schema stage: metadata and core kinds', () => {
  test('names, namespaces, labels and annotations follow the API server rules', () => {
    const o = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name', namespace: 'a.b', labels: { app: 'x y' }, annotations: { n: 5 } } } as unknown as KubeObject;
    expect(summary(o).map((s) => s.split(':')[0])).toStrictEqual(['IGR1007 metadata.name', 'IGR1007 metadata.namespace', 'IGR1007 metadata.labels.app', 'IGR1007 metadata.annotations.n']);
  });

  test('a Service name must be a DNS-1035 label', () => {
    const svc = (name: string) => summary({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [{ port: 80 }] } } as KubeObject);
    expect(svc('users')).toStrictEqual([]);
    expect(svc('1users')[0]).toMatch(/^IGR1007 metadata\.name: Service name "1users" must be a DNS-1035 label/);
  });

  test('Service ports: range, names, uniqueness', () => {
    const svc = (ports: unknown[]) => summary({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'u' }, spec: { ports } } as KubeObject);
    expect(svc([{ name: 'grpc', port: 50051, targetPort: 'grpc', appProtocol: 'grpc' }])).toStrictEqual([]);
    expect(svc([{ name: 'grpc', port: 70000 }])).toStrictEqual(['IGR1008 spec.ports[0].port: must be a whole number from 1 to 65535 (got 70000)']);
    expect(svc([{ name: 'grpc', port: 1 }, { name: 'grpc', port: 2 }])).toStrictEqual(['IGR1008 spec.ports[1].name: port name "grpc" is used twice']);
    expect(svc([{ port: 1 }, { name: 'b', port: 2 }])).toStrictEqual(['IGR1008 spec.ports[0].name: every port of a multi-port Service needs a name']);
  });

  test('a Deployment selector must match its pod template', () => {
    const deploy = (podLabels: Record<string, string>) => summary({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'u' },
      spec: { selector: { matchLabels: { app: 'u' } }, template: { metadata: { labels: podLabels }, spec: { containers: [{ name: 'app', image: 'u:1' }] } } },
    } as KubeObject);
    expect(deploy({ app: 'u', version: 'v1' })).toStrictEqual([]);
    expect(deploy({ app: 'v' })[0]).toMatch(/^IGR1008 spec\.template\.metadata\.labels: selector app=u does not match/);
  });

  test('containers need a name and an image', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app' }] } } as KubeObject;
    expect(summary(pod)).toStrictEqual(['IGR1008 spec.containers[0].image: required: the container image']);
  });
});

describe('schema stage: the native duration rule agrees with CEL', () => {
  test.each(['1ms', '2s', '1h2m', '0.5ms', '999us', '0s', '1.5ms', 'abc', '10', '2562047h', '2562048h', '2562047h47m16.854775807s', '2562047h47m16.854775808s', '315576000000s'])('%s', (value) => {
    // GIVEN the same rule evaluated by CEL and natively
    const celVerdict = run("duration(self) >= duration('1ms')", { self: value });
    const cel = typeof celVerdict === 'boolean' ? celVerdict : false;
    const findings = checkSchema(vs({ hosts: ['users'], http: [{ ...ROUTE, timeout: value }] }));
    // THEN a finding exactly when CEL says false or fails
    expect(findings.length === 0).toBe(cel);
  });
});

describe('schema stage: near misses of Istio groups', () => {
  test('the seed article\'s networking.io/v1 Gateway is refused with the right group', () => {
    expect(summary({ apiVersion: 'networking.io/v1', kind: 'Gateway', metadata: { name: 'grpc-gateway' }, spec: {} } as KubeObject))
      .toStrictEqual(['IGR1001 apiVersion: API group "networking.io" does not exist; did you mean networking.istio.io/v1?']);
  });
  test('the Kubernetes Gateway API is another API, not a typo: checked against its own CRDs', () => {
    expect(summary({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw' }, spec: {} } as KubeObject)).toStrictEqual([
      'IGR1004 spec.gatewayClassName: required field "gatewayClassName" is missing',
      'IGR1004 spec.listeners: required field "listeners" is missing',
    ]);
    // The experimental channel's group is yet another API.
    expect(summary({ apiVersion: 'gateway.networking.x-k8s.io/v1alpha1', kind: 'XListenerSet', metadata: { name: 'ls' }, spec: {} } as KubeObject)).toStrictEqual([]);
  });
});

describe('schema stage: Gateway API CRDs (v1.6.1 standard channel)', () => {
  const gw = (listeners: unknown, extra: Record<string, unknown> = {}): KubeObject =>
    ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'shop' }, spec: { gatewayClassName: 'istio', listeners, ...extra } } as KubeObject);
  const route = (kind: string, spec: unknown, apiVersion = 'gateway.networking.k8s.io/v1'): KubeObject => ({ apiVersion, kind, metadata: { name: 'r', namespace: 'shop' }, spec } as KubeObject);
  const CERT = { certificateRefs: [{ name: 'cert' }] };

  test('an unserved version and an unknown kind name the pinned release', () => {
    expect(summary(route('TCPRoute', {}, 'gateway.networking.k8s.io/v1alpha2'))).toStrictEqual([
      'IGR1002 apiVersion: gateway.networking.k8s.io (Gateway API v1.6.1, standard channel) does not serve TCPRoute in version "v1alpha2" (served: v1); use gateway.networking.k8s.io/v1',
    ]);
    expect(summary(route('GRPCRoutes', {}))[0]).toMatch(/^IGR1003 kind: .*has no kind "GRPCRoutes" .*; did you mean GRPCRoute\?$/);
  });

  test('unknown fields, enums and patterns are refused (the standard channel has no experimental fields)', () => {
    expect(summary(gw([{ name: 'http', port: 80, protocol: 'HTTP', hostnme: 'a.example.com' }])))
      .toStrictEqual(['IGR1005 spec.listeners[0].hostnme: unknown field "hostnme"; did you mean hostname?']);
    expect(summary(gw([{ name: 'Bad_Name', port: 80, protocol: 'HTTP' }]))[0]).toMatch(/^IGR1004 spec\.listeners\[0\]\.name: "Bad_Name" does not match the pattern/);
  });

  test('a rule reading a defaulted field sees the default: TLS mode defaults to Terminate, which needs certificates', () => {
    // GIVEN an HTTPS listener with tls but no mode: the API server defaults mode to Terminate
    expect(summary(gw([{ name: 'https', port: 443, protocol: 'HTTPS', tls: {} }])))
      .toStrictEqual([expect.stringMatching(/^IGR1006 spec\.listeners\[0\]\.tls: certificateRefs or options must be specified when mode is Terminate/)]);
    // THEN with a certificate it is stored
    expect(summary(gw([{ name: 'https', port: 443, protocol: 'HTTPS', tls: CERT }]))).toStrictEqual([]);
    expect(summary(gw([{ name: 'https', port: 443, protocol: 'HTTPS', tls: { ...CERT, mode: 'Passthrough' } }])))
      .toStrictEqual(['IGR1006 spec.listeners: tls mode must be Terminate for protocol HTTPS']);
  });

  test('a backendRef to a Service (kind and group defaulted) needs a port', () => {
    const grpc = (backendRef: Record<string, unknown>) => summary(route('GRPCRoute', { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [backendRef] }] }));
    expect(grpc({ name: 'users' })).toStrictEqual(['IGR1006 spec.rules[0].backendRefs[0]: Must have port for Service reference']);
    expect(grpc({ name: 'users', port: 8080 })).toStrictEqual([]);
    // Another kind of backend carries its own port.
    expect(grpc({ name: 'users', group: 'networking.istio.io', kind: 'ServiceEntry' })).toStrictEqual([]);
  });

  test('parentRefs are compared with their namespace (a field CEL names __namespace__)', () => {
    const parents = (refs: unknown) => summary(route('HTTPRoute', { parentRefs: refs }));
    expect(parents([{ name: 'gw', namespace: 'a' }, { name: 'gw', namespace: 'b' }])).toStrictEqual([]);
    expect(parents([{ name: 'gw', namespace: 'a' }, { name: 'gw', namespace: 'a' }]))
      .toStrictEqual(['IGR1006 spec.parentRefs: sectionName must be unique when parentRefs includes 2 or more references to the same parent']);
  });

  test('GRPCRoute method matches: a valid service and method, or one of the two at least', () => {
    const match = (method: unknown) => summary(route('GRPCRoute', { rules: [{ matches: [{ method }] }] }));
    expect(match({ service: 'shop.Users', method: 'Get' })).toStrictEqual([]);
    expect(match({ service: 'SHOP.users' })).toStrictEqual([]); // (?i): case-insensitive
    expect(match({ type: 'Exact' })).toStrictEqual(["IGR1006 spec.rules[0].matches[0].method: One or both of 'service' or 'method' must be specified"]);
    expect(match({ service: 'shop/Users' })[0]).toMatch(/^IGR1006 spec\.rules\[0\]\.matches\[0\]\.method: service must only contain valid characters/);
  });

  test('TLSRoute hostnames may not be IP addresses (isIP of the Kubernetes IP library)', () => {
    const tls = (hostnames: string[]) => summary(route('TLSRoute', { hostnames, rules: [{ backendRefs: [{ name: 'b', port: 443 }] }] }));
    expect(tls(['foo.example.com', '*.example.com'])).toStrictEqual([]);
    expect(tls(['10.0.0.1'])).toStrictEqual(['IGR1006 spec.hostnames: Hostnames cannot contain an IP']);
  });

  test('Gateway addresses: IPAddress (the default type) must be an IPv4 or IPv6 address', () => {
    const addresses = (value: string, type?: string) => summary(gw([{ name: 'http', port: 80, protocol: 'HTTP' }], { addresses: [{ value, ...(type ? { type } : {}) }] }));
    expect(addresses('10.0.0.1')).toStrictEqual([]);
    expect(addresses('2001:db8::1')).toStrictEqual([]);
    expect(addresses('10.0.0')).toStrictEqual(['IGR1004 spec.addresses[0]: with type IPAddress, value must be in format ipv4 or ipv6 (got "10.0.0")']);
    expect(addresses('gw.example.com', 'Hostname')).toStrictEqual([]);
    expect(addresses('gw.example.com:80', 'Hostname')[0]).toMatch(/^IGR1006 spec\.addresses\[0\]: Hostname value must be empty or contain only valid characters/);
  });

  test('HTTPRoute timeouts: the backend request may not outlast the request (CEL durations)', () => {
    const timeouts = (t: unknown) => summary(route('HTTPRoute', { rules: [{ timeouts: t }] }));
    expect(timeouts({ request: '10s', backendRequest: '5s' })).toStrictEqual([]);
    expect(timeouts({ request: '5s', backendRequest: '10s' })).toStrictEqual(['IGR1006 spec.rules[0].timeouts: backendRequest timeout cannot be longer than request timeout']);
  });

  test('the object itself is not changed by defaulting', () => {
    const object = route('HTTPRoute', { rules: [{ backendRefs: [{ name: 'b', port: 80 }] }] });
    const before = JSON.stringify(object);
    expect(summary(object)).toStrictEqual([]);
    expect(JSON.stringify(object)).toBe(before);
  });
});

describe('schema stage: what the API server enforces beyond JSON Schema', () => {
  const se = (spec: unknown): KubeObject => ({ apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: 'ext', namespace: 'shop' }, spec } as KubeObject);
  const wasm = (env: unknown): KubeObject => ({ apiVersion: 'extensions.istio.io/v1alpha1', kind: 'WasmPlugin', metadata: { name: 'w', namespace: 'shop' }, spec: { url: 'http://example.com/p.wasm', vmConfig: { env } } } as KubeObject);

  test('a list-map refuses two items with the same key (ServiceEntry ports by name)', () => {
    // GIVEN two ports named alike, with different numbers (the CEL rule on numbers is satisfied)
    const ports = [{ name: 'grpc', number: 8080, protocol: 'GRPC' }, { name: 'grpc', number: 9090, protocol: 'GRPC' }];
    // THEN
    expect(summary(se({ hosts: ['api.example.com'], ports, resolution: 'DNS' })))
      .toStrictEqual(['IGR1009 spec.ports[1]: Duplicate value: {"name":"grpc"} (also item 0); each name may appear once in this list']);
    expect(summary(se({ hosts: ['api.example.com'], ports: [ports[0], { ...ports[1], name: 'grpc-2' }], resolution: 'DNS' }))).toStrictEqual([]);
  });

  test('a list-map refuses duplicate keys at any depth (WasmPlugin vmConfig.env by name)', () => {
    expect(summary(wasm([{ name: 'a' }, { name: 'a' }]))).toStrictEqual(['IGR1009 spec.vmConfig.env[1]: Duplicate value: {"name":"a"} (also item 0); each name may appear once in this list']);
    expect(summary(wasm([{ name: 'a' }, { name: 'b' }]))).toStrictEqual([]);
  });

  test('set lists refuse repeated values, atomic lists do not', () => {
    // GIVEN a schema of our own (Istio's CRDs have no set lists)
    const schema = { type: 'object', properties: { tags: { 'type': 'array', 'x-kubernetes-list-type': 'set', 'items': { type: 'string' } }, any: { type: 'array', items: { type: 'string' } } } };
    // THEN
    expect(checkListTypes(schema, { tags: ['a', 'b', 'a'], any: ['x', 'x'] })).toStrictEqual([{ path: 'tags[2]', message: 'Duplicate value: "a" (also item 0); this list is a set' }]);
  });

  test('list-map items must carry their key', () => {
    const schema = { 'type': 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], 'items': { type: 'object', properties: { name: { type: 'string' }, v: { type: 'string' } } } };
    expect(checkListTypes(schema, [{ v: '1' }]).map((v) => v.path)).toStrictEqual(['[0].name']);
  });

  test('preserve-unknown-fields keeps free-form config free (WasmPlugin pluginConfig)', () => {
    const plugin: KubeObject = { apiVersion: 'extensions.istio.io/v1alpha1', kind: 'WasmPlugin', metadata: { name: 'w', namespace: 'shop' }, spec: { url: 'oci://example.com/p:1', pluginConfig: { anything: { nested: [1, 'two'] } } } } as KubeObject;
    expect(summary(plugin)).toStrictEqual([]);
  });

  test('a quadratic CEL rule over a huge list is refused for its cost, without being evaluated', () => {
    // GIVEN ServiceEntry's port-number rule (all + exists_one) on a list the CRD does not bound
    // (Istio's bounds ports at 256 items, which keeps the rule within the limit)
    const schema = { 'type': 'array', 'items': { type: 'object' }, 'x-kubernetes-validations': [{ rule: 'self.all(l1, self.exists_one(l2, l1.number == l2.number))' }] };
    const ports = Array.from({ length: 3000 }, (_, i) => ({ name: `p${i}`, number: 1000 + i }));
    // THEN
    const found = checkCelRules(schema, ports);
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/^call cost exceeds limit for rule: self\.all\(l1, self\.exists_one/);
    expect(found[0].cost).toBe(true);
  });

  test('the largest ServiceEntry the CRD allows stays within the cost limit', () => {
    const ports = Array.from({ length: 256 }, (_, i) => ({ name: `p${i}`, number: 1000 + i, protocol: 'TCP' }));
    expect(summary(se({ hosts: ['api.example.com'], ports, resolution: 'DNS' }))).toStrictEqual([]);
  });

  test('a CEL rule over a list of ordinary size is evaluated', () => {
    const ports = Array.from({ length: 100 }, (_, i) => ({ name: `p${i}`, number: 1000 + (i % 99), protocol: 'TCP' }));
    expect(summary(se({ hosts: ['api.example.com'], ports, resolution: 'DNS' })).map((f) => f.split(':')[0])).toStrictEqual(['IGR1006 spec.ports']);
  });

  test('the runtime budget per object stops evaluation once spent', () => {
    // GIVEN a rule on every item of a long list, each evaluation cheap but the sum over the budget
    const schema = { type: 'object', properties: { items: { type: 'array', items: { 'type': 'string', 'x-kubernetes-validations': [{ rule: 'self.size() > 0' }] } } } };
    const item = 'x'.repeat(1000);
    const items = Array.from({ length: 200_000 }, () => item);
    // THEN one cost finding, not 200,000 evaluations
    const found = checkCelRules(schema, { items });
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/running out of cost budget/);
  });

  test('cost estimates grow with nesting and size', () => {
    const list = Array.from({ length: 100 }, (_, i) => ({ n: i }));
    expect(estimateCelCost('self.all(a, self.exists_one(b, a.n == b.n))', list)).toBeGreaterThanOrEqual(100 * estimateCelCost('self.all(a, a.n > 0)', list));
    expect(estimateCelCost('self.size() > 0', 'x'.repeat(1000))).toBeGreaterThan(estimateCelCost('self.size() > 0', 'x'));
  });
});
