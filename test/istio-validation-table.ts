/**
 * Istio's own validation unit-test tables (pkg/config/validation/*_test.go), re-expressed as our
 * data: each case is an input spec and the outcome Istio's Go test expects from its webhook
 * validation function. `istio` names the Go test and its case, so a disagreement can be looked up.
 * Cases of tables that check one part of a spec (retries, fault, a server, a traffic policy) are
 * wrapped in the smallest whole object around that part.
 */
export interface IstioValidationCase {
  /** `group/Kind`. */
  readonly kind: string;
  /** A short label of our own. */
  readonly name: string;
  readonly spec: Record<string, unknown>;
  /** What Istio's table expects: no finding, an error, or a warning only. */
  readonly expect: 'valid' | 'error' | 'warning';
  /**
   * `<Go test function>/<case name>`. Tables of functions whose Go test checks errors only (see
   * ERROR_ONLY_TABLES) compare error or not: a warning there counts as valid.
   */
  readonly istio: string;
  /** The object's name, where Istio's case sets one that matters. @default 'x' */
  readonly objectName?: string;
  /** The object's namespace, where Istio's case sets one that matters. @default 'default' */
  readonly namespace?: string;
  /** Annotations of the object, where Istio's case sets them. */
  readonly annotations?: Record<string, string>;
  /** Labels of the object, where Istio's case sets them. */
  readonly labels?: Record<string, string>;
}

const VS = 'networking.istio.io/VirtualService';

const to = (host = 'foo.baz', more: Record<string, unknown> = {}) => ({ destination: { host, ...more } });
/** A VirtualService with one HTTP rule routing to foo.baz, plus `rule`. */
const http = (rule: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ hosts: ['foo.bar'], http: [{ route: [to()], ...rule }], ...more });
const retries = (r: Record<string, unknown>) => http({ retries: r });
const abort = (a: Record<string, unknown>) => http({ fault: { abort: a } });
const delay = (d: Record<string, unknown>) => http({ fault: { delay: d } });

const virtualServices: IstioValidationCase[] = [
  { name: 'one http route', spec: http({}), expect: 'valid', istio: 'TestValidateVirtualService/simple' },
  { name: 'sni-shaped host on a gateway', spec: { hosts: ['outbound_.15010_._.istiod.istio-system.svc.cluster.local'], gateways: ['ns1/gateway'], tls: [{ match: [{ sniHosts: ['outbound_.15010_._.istiod.istio-system.svc.cluster.local'] }], route: [to('istio.istio-system.svc.cluster.local')] }] }, expect: 'valid', istio: 'TestValidateVirtualService/allow sni based domains' },
  { name: 'overlapping wildcard hosts', spec: http({}, { hosts: ['*.foo.bar', '*.bar'] }), expect: 'error', istio: 'TestValidateVirtualService/duplicate hosts' },
  { name: 'route entry without destination', spec: { hosts: ['foo.bar'], http: [{ route: [{}] }] }, expect: 'error', istio: 'TestValidateVirtualService/with no destination' },
  { name: 'destination without host', spec: { hosts: ['foo.bar'], http: [{ route: [{ destination: {} }] }] }, expect: 'error', istio: 'TestValidateVirtualService/destination with out hosts' },
  { name: 'delegate without hosts', spec: { http: [{ route: [to()] }] }, expect: 'valid', istio: 'TestValidateVirtualService/delegate with no hosts' },
  { name: 'host with a bang', spec: http({}, { hosts: ['foo.ba!r'] }), expect: 'error', istio: 'TestValidateVirtualService/bad host' },
  { name: 'hosts but no routes', spec: { hosts: ['foo.bar'] }, expect: 'error', istio: 'TestValidateVirtualService/no tcp or http routing' },
  { name: 'gateway name with @', spec: http({}, { gateways: ['b@dgateway'] }), expect: 'error', istio: 'TestValidateVirtualService/bad gateway' },
  { name: 'dotted gateway name', spec: http({}, { gateways: ['gateway.example.com'] }), expect: 'warning', istio: 'TestValidateVirtualService/FQDN for gateway' },
  { name: 'namespace/name gateway', spec: http({}, { gateways: ['ns1/gateway'] }), expect: 'valid', istio: 'TestValidateVirtualService/namespace/name for gateway' },
  { name: 'namespace/* gateway', spec: http({}, { gateways: ['ns1/*'] }), expect: 'error', istio: 'TestValidateVirtualService/namespace/* for gateway' },
  { name: '*/name gateway', spec: http({}, { gateways: ['*/gateway'] }), expect: 'error', istio: 'TestValidateVirtualService/*/name for gateway' },
  { name: 'host * on the mesh', spec: http({}, { hosts: ['*'] }), expect: 'error', istio: 'TestValidateVirtualService/wildcard for mesh gateway' },
  { name: 'host * on a gateway', spec: http({}, { hosts: ['*'], gateways: ['somegateway'] }), expect: 'valid', istio: 'TestValidateVirtualService/wildcard for non-mesh gateway' },
  { name: 'tcp rule without route', spec: { hosts: ['foo.bar'], tcp: [{ match: [{ port: 999 }] }] }, expect: 'error', istio: 'TestValidateVirtualService/missing tcp route' },
  { name: 'tls rule without route', spec: { hosts: ['foo.bar'], tls: [{ match: [{ port: 999, sniHosts: ['foo.bar'] }] }] }, expect: 'error', istio: 'TestValidateVirtualService/missing tls route' },
  { name: 'mirrorPercent is deprecated', spec: http({ mirrorPercent: 5 }, { gateways: ['ns1/gateway'] }), expect: 'warning', istio: 'TestValidateVirtualService/deprecated mirror' },
  { name: ':authority set by header', spec: http({ headers: { request: { set: { ':authority': 'foo' } } } }), expect: 'valid', istio: 'TestValidateVirtualService/set authority' },
  { name: ':authority set in a destination', spec: { hosts: ['foo.bar'], http: [{ route: [{ ...to(), headers: { request: { set: { ':authority': 'foo' } } } }] }] }, expect: 'valid', istio: 'TestValidateVirtualService/set authority in destination' },
  { name: ':authority set by header and rewrite', spec: http({ headers: { request: { set: { ':authority': 'foo' } } }, rewrite: { authority: 'bar' } }), expect: 'error', istio: 'TestValidateVirtualService/set authority in rewrite and header' },
  { name: 'a later match shadowed by an earlier prefix', spec: http({ match: [{ uri: { prefix: '/api/v1/product' } }, { uri: { prefix: '/api/v1/products' }, method: { exact: 'GET' } }] }), expect: 'warning', istio: 'TestValidateVirtualService/non-method-get' },
  { name: 'prefix / then exact / is not shadowed', spec: http({ match: [{ uri: { prefix: '/' } }, { uri: { exact: '/' }, method: { exact: 'GET' } }] }), expect: 'valid', istio: 'TestValidateVirtualService/uri-with-prefix-exact' },
  { name: 'JWT claim match on the mesh gateway', spec: http({ match: [{ uri: { prefix: '/' }, headers: { '@request.auth.claims.foo': { exact: 'bar' } } }] }, { gateways: ['mesh'] }), expect: 'error', istio: 'TestValidateVirtualService/jwt claim route without gateway' },
  { name: 'IP address as SNI host', spec: { hosts: ['foo.bar'], tls: [{ route: [to()], match: [{ port: 999, sniHosts: ['1.1.1.1'] }] }] }, expect: 'warning', istio: 'TestValidateVirtualService/ip address as sni host' },
  { name: 'wildcard inside an SNI host', spec: { hosts: ['foo.bar'], tls: [{ route: [to()], match: [{ port: 999, sniHosts: ['foo.*.com'] }] }] }, expect: 'error', istio: 'TestValidateVirtualService/invalid wildcard as sni host' },

  { name: 'retries with attempts, timeout and conditions', spec: retries({ attempts: 10, perTryTimeout: '2s', retryOn: '5xx,gateway-error' }), expect: 'valid', istio: 'TestValidateHTTPRetry/valid' },
  { name: 'attempts 0 alone', spec: retries({ attempts: 0 }), expect: 'valid', istio: 'TestValidateHTTPRetry/disable retries' },
  { name: 'attempts 0 with a policy', spec: retries({ attempts: 0, perTryTimeout: '2s', retryOn: '5xx,gateway-error' }), expect: 'error', istio: 'TestValidateHTTPRetry/invalid, retry policy configured but attempts set to zero' },
  { name: 'attempts only', spec: retries({ attempts: 10 }), expect: 'valid', istio: 'TestValidateHTTPRetry/valid default' },
  { name: 'status code among conditions', spec: retries({ attempts: 10, perTryTimeout: '2s', retryOn: '503,connect-failure' }), expect: 'valid', istio: 'TestValidateHTTPRetry/valid http status retryOn' },
  { name: 'negative attempts', spec: retries({ attempts: -1, perTryTimeout: '2s' }), expect: 'error', istio: 'TestValidateHTTPRetry/invalid attempts' },
  { name: 'per-try timeout with nanoseconds', spec: retries({ attempts: 10, perTryTimeout: '2.000000001s' }), expect: 'error', istio: 'TestValidateHTTPRetry/invalid timeout' },
  { name: 'per-try timeout under 1ms', spec: retries({ attempts: 10, perTryTimeout: '0.000000999s' }), expect: 'error', istio: 'TestValidateHTTPRetry/timeout too small' },
  { name: 'backoff under 1ms', spec: retries({ attempts: 10, backoff: '0.000000999s' }), expect: 'error', istio: 'TestValidateHTTPRetry/invalid backoff' },
  { name: 'unknown condition', spec: retries({ attempts: 10, perTryTimeout: '2s', retryOn: '5xx,invalid policy' }), expect: 'error', istio: 'TestValidateHTTPRetry/invalid policy retryOn' },
  { name: 'status 600 as condition', spec: retries({ attempts: 10, perTryTimeout: '2s', retryOn: '600,connect-failure' }), expect: 'error', istio: 'TestValidateHTTPRetry/invalid http status retryOn' },
  { name: 'attempts 0 with retryRemoteLocalities', spec: retries({ attempts: 0, retryRemoteLocalities: false }), expect: 'error', istio: 'TestValidateHTTPRetry/invalid, retryRemoteLocalities configured but attempts set to zero' },

  { name: 'abort 200 at 20%', spec: abort({ percentage: { value: 20 }, httpStatus: 200 }), expect: 'valid', istio: 'TestValidateHTTPFaultInjectionAbort/valid' },
  { name: 'abort 200', spec: abort({ httpStatus: 200 }), expect: 'valid', istio: 'TestValidateHTTPFaultInjectionAbort/valid default' },
  { name: 'abort status 9000', spec: abort({ percentage: { value: 20 }, httpStatus: 9000 }), expect: 'error', istio: 'TestValidateHTTPFaultInjectionAbort/invalid http status' },
  { name: 'abort status 100', spec: abort({ percentage: { value: 20 }, httpStatus: 100 }), expect: 'error', istio: 'TestValidateHTTPFaultInjectionAbort/invalid low http status' },
  { name: 'abort at 0.001%', spec: abort({ percentage: { value: 0.001 }, httpStatus: 200 }), expect: 'valid', istio: 'TestValidateHTTPFaultInjectionAbort/valid percentage' },
  { name: 'abort at -10%', spec: abort({ percentage: { value: -10 }, httpStatus: 200 }), expect: 'error', istio: 'TestValidateHTTPFaultInjectionAbort/invalid fractional percent' },
  { name: 'gRPC abort DEADLINE_EXCEEDED at 20%', spec: abort({ percentage: { value: 20 }, grpcStatus: 'DEADLINE_EXCEEDED' }), expect: 'valid', istio: 'TestValidateHTTPFaultInjectionAbort/grpc: valid' },
  { name: 'gRPC abort DEADLINE_EXCEEDED', spec: abort({ grpcStatus: 'DEADLINE_EXCEEDED' }), expect: 'valid', istio: 'TestValidateHTTPFaultInjectionAbort/grpc: valid default percentage' },
  { name: 'gRPC abort unknown status', spec: abort({ percentage: { value: 20 }, grpcStatus: 'BAD_STATUS' }), expect: 'error', istio: 'TestValidateHTTPFaultInjectionAbort/grpc: invalid status' },
  { name: 'gRPC abort INTERNAL at 0.001%', spec: abort({ percentage: { value: 0.001 }, grpcStatus: 'INTERNAL' }), expect: 'valid', istio: 'TestValidateHTTPFaultInjectionAbort/grpc: valid percentage' },
  { name: 'gRPC abort at -10%', spec: abort({ percentage: { value: -10 }, grpcStatus: 'DEADLINE_EXCEEDED' }), expect: 'error', istio: 'TestValidateHTTPFaultInjectionAbort/grpc: invalid fractional percent' },
  { name: 'fixed delay 3s at 20%', spec: delay({ percentage: { value: 20 }, fixedDelay: '3s' }), expect: 'valid', istio: 'TestValidateHTTPFaultInjectionDelay/valid fixed' },
  { name: 'fixed delay 3s', spec: delay({ fixedDelay: '3s' }), expect: 'valid', istio: 'TestValidateHTTPFaultInjectionDelay/valid default' },
  { name: 'delay at 101%', spec: delay({ percentage: { value: 101 }, fixedDelay: '3s' }), expect: 'error', istio: 'TestValidateHTTPFaultInjectionDelay/invalid percent' },
  { name: 'delay with nanoseconds', spec: delay({ percentage: { value: 20 }, fixedDelay: '3.000000042s' }), expect: 'error', istio: 'TestValidateHTTPFaultInjectionDelay/invalid delay' },
  { name: 'delay at 0.001%', spec: delay({ percentage: { value: 0.001 }, fixedDelay: '3s' }), expect: 'valid', istio: 'TestValidateHTTPFaultInjectionDelay/valid fractional percentage' },
  { name: 'delay at -10%', spec: delay({ percentage: { value: -10 }, fixedDelay: '3s' }), expect: 'error', istio: 'TestValidateHTTPFaultInjectionDelay/invalid fractional percentage' },
].map((c) => ({ kind: VS, ...c }) as IstioValidationCase);

const DR = 'networking.istio.io/DestinationRule';
const v1v2 = [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }];
const goodPolicy = { loadBalancer: { simple: 'ROUND_ROBIN' }, connectionPool: { tcp: { maxConnections: 7 }, http: { http2MaxRequests: 11 } }, outlierDetection: { minHealthPercent: 20 } };
/** A DestinationRule for `reviews` with `trafficPolicy`. */
const policy = (trafficPolicy: Record<string, unknown>) => ({ host: 'reviews', trafficPolicy });
const pool = (connectionPool: Record<string, unknown>) => policy({ connectionPool });
const balancer = (loadBalancer: Record<string, unknown>) => policy({ loadBalancer });
const outlier = (outlierDetection: Record<string, unknown>) => policy({ outlierDetection });
const clientTls = (tls: Record<string, unknown>) => policy({ tls });
const cookie = (more: Record<string, unknown>) => balancer({ consistentHash: { httpCookie: { ttl: '3600s', ...more } } });
const san = { subjectAltNames: ['reviews.default.svc'] };
const T = 'TestValidateDestinationRule/InsecureSkipVerify is';

const destinationRules: IstioValidationCase[] = [
  { name: 'two subsets', spec: { host: 'reviews', subsets: v1v2 }, expect: 'valid', istio: 'TestValidateDestinationRule/simple destination rule' },
  { name: 'empty workload selector', spec: { host: 'reviews', subsets: v1v2, workloadSelector: {} }, expect: 'warning', istio: 'TestValidateDestinationRule/simple destination rule with empty selector labels' },
  { name: 'empty host', spec: { host: '', subsets: v1v2 }, expect: 'error', istio: 'TestValidateDestinationRule/missing destination name' },
  { name: 'empty subset name', spec: { host: 'reviews', subsets: [{ name: '', labels: { version: 'v1' } }, v1v2[1]] }, expect: 'error', istio: 'TestValidateDestinationRule/missing subset name' },
  { name: 'duplicate subset names', spec: { host: 'reviews', subsets: [{ name: 'foo', labels: { version: 'v1' } }, { name: 'foo', labels: { version: 'v2' } }] }, expect: 'error', istio: 'TestValidateDestinationRule/duplicate subset names' },
  { name: 'good top-level policy', spec: { host: 'reviews', trafficPolicy: goodPolicy, subsets: v1v2 }, expect: 'valid', istio: 'TestValidateDestinationRule/valid traffic policy, top level' },
  { name: 'empty pool at top level', spec: { host: 'reviews', trafficPolicy: { ...goodPolicy, connectionPool: {} }, subsets: v1v2 }, expect: 'error', istio: 'TestValidateDestinationRule/invalid traffic policy, top level' },
  { name: 'good subset policy', spec: { host: 'reviews', subsets: [{ ...v1v2[0], trafficPolicy: goodPolicy }, v1v2[1]] }, expect: 'valid', istio: 'TestValidateDestinationRule/valid traffic policy, subset level' },
  { name: 'empty pool in a subset', spec: { host: 'reviews', subsets: [{ ...v1v2[0], trafficPolicy: { ...goodPolicy, connectionPool: {} } }, v1v2[1]] }, expect: 'error', istio: 'TestValidateDestinationRule/invalid traffic policy, subset level' },
  { name: 'good policy at both levels', spec: { host: 'reviews', trafficPolicy: goodPolicy, subsets: [{ ...v1v2[0], trafficPolicy: { ...goodPolicy, outlierDetection: { minHealthPercent: 30 } } }, v1v2[1]] }, expect: 'valid', istio: 'TestValidateDestinationRule/valid traffic policy, both levels' },
  { name: 'SIMPLE, CA file, SAN', spec: clientTls({ mode: 'SIMPLE', caCertificates: 'test', ...san }), expect: 'valid', istio: `${T} not specified with tls mode simple, and the ca cert is specified by CaCertificates` },
  { name: 'SIMPLE, credential, SAN', spec: clientTls({ mode: 'SIMPLE', credentialName: 'test', ...san }), expect: 'valid', istio: `${T} not specified with tls mode simple, and the ca cert is specified by CredentialName` },
  { name: 'SIMPLE, CA file, SAN, verify on', spec: clientTls({ mode: 'SIMPLE', caCertificates: 'test', ...san, insecureSkipVerify: false }), expect: 'valid', istio: `${T} set false with tls mode simple, and the ca cert is specified by CaCertificates` },
  { name: 'SIMPLE, credential, SAN, verify on', spec: clientTls({ mode: 'SIMPLE', credentialName: 'test', ...san, insecureSkipVerify: false }), expect: 'valid', istio: `${T} set false with tls mode simple, and the ca cert is specified by CredentialName` },
  { name: 'SIMPLE, credential, skip verify', spec: clientTls({ mode: 'SIMPLE', credentialName: 'test', insecureSkipVerify: true }), expect: 'error', istio: `${T} set true with tls mode simple, and the ca cert is specified by CaCertificates` },
  { name: 'SIMPLE, CA file, skip verify', spec: clientTls({ mode: 'SIMPLE', caCertificates: 'test', insecureSkipVerify: true }), expect: 'error', istio: `${T} set true with tls mode simple, and the ca cert is specified by CredentialName` },
  { name: 'SIMPLE, SAN, skip verify', spec: clientTls({ mode: 'SIMPLE', ...san, insecureSkipVerify: true }), expect: 'error', istio: `${T} set true with tls mode simple, and the san is specified` },
  { name: 'MUTUAL, files, SAN', spec: clientTls({ mode: 'MUTUAL', caCertificates: 'test', privateKey: 'key', clientCertificate: 'cert', ...san }), expect: 'valid', istio: `${T} not specified with tls mode mutual, and the ca cert is specified by CaCertificates` },
  { name: 'MUTUAL, credential, SAN', spec: clientTls({ mode: 'MUTUAL', credentialName: 'test', ...san }), expect: 'valid', istio: `${T} not specified with tls mode mutual, and the ca cert is specified by CredentialName` },
  { name: 'MUTUAL, files, SAN, verify on', spec: clientTls({ mode: 'MUTUAL', caCertificates: 'test', privateKey: 'key', clientCertificate: 'cert', ...san, insecureSkipVerify: false }), expect: 'valid', istio: `${T} set false with tls mode mutual, and the ca cert is specified by CaCertificates` },
  { name: 'MUTUAL, credential, SAN, verify on', spec: clientTls({ mode: 'MUTUAL', credentialName: 'test', ...san, insecureSkipVerify: false }), expect: 'valid', istio: `${T} set false with tls mode mutual, and the ca cert is specified by CredentialName` },
  { name: 'MUTUAL, files, skip verify', spec: clientTls({ mode: 'MUTUAL', caCertificates: 'test', privateKey: 'key', clientCertificate: 'cert', insecureSkipVerify: true }), expect: 'error', istio: `${T} set true with tls mode mutual, and the ca cert is specified by CaCertificates` },
  { name: 'MUTUAL, credential, skip verify', spec: clientTls({ mode: 'MUTUAL', credentialName: 'test', insecureSkipVerify: true }), expect: 'valid', istio: `${T} set true with tls mode mutual, and the ca cert is specified by CaCertificates (second case, credentialName)` },
  { name: 'MUTUAL, key and cert, skip verify', spec: clientTls({ mode: 'MUTUAL', privateKey: 'key', clientCertificate: 'cert', insecureSkipVerify: true }), expect: 'valid', istio: `${T} set true with tls mode mutual, and the ca cert is not specified` },
  { name: 'MUTUAL, key, cert, SAN, skip verify', spec: clientTls({ mode: 'MUTUAL', privateKey: 'key', clientCertificate: 'cert', ...san, insecureSkipVerify: true }), expect: 'error', istio: `${T} set true with tls mode mutual, and the san is specified` },

  { name: 'good policy', spec: policy(goodPolicy), expect: 'valid', istio: 'TestValidateTrafficPolicy/valid traffic policy' },
  { name: 'empty policy', spec: policy({}), expect: 'error', istio: 'TestValidateTrafficPolicy/invalid traffic policy, nil entries' },
  { name: 'port-level settings without port', spec: policy({ portLevelSettings: [goodPolicy] }), expect: 'error', istio: 'TestValidateTrafficPolicy/invalid traffic policy, missing port in port level settings' },
  { name: 'empty pool', spec: policy({ ...goodPolicy, connectionPool: {} }), expect: 'error', istio: 'TestValidateTrafficPolicy/invalid traffic policy, bad connection pool' },
  { name: 'max connection duration 500ns', spec: policy({ loadBalancer: { simple: 'ROUND_ROBIN' }, connectionPool: { tcp: { maxConnectionDuration: '0.0000005s' } } }), expect: 'error', istio: 'TestValidateTrafficPolicy/invalid traffic policy, bad max connection duration' },
  { name: 'min health -1', spec: policy({ ...goodPolicy, outlierDetection: { minHealthPercent: -1 } }), expect: 'error', istio: 'TestValidateTrafficPolicy/invalid traffic policy, panic threshold too low' },
  { name: 'UPGRADE with client protocol', spec: pool({ http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } }), expect: 'error', istio: 'TestValidateTrafficPolicy/invalid traffic policy, both upgrade and use client protocol set' },

  { name: 'tcp and http settings', spec: pool({ tcp: { maxConnections: 7, connectTimeout: '2s' }, http: { http1MaxPendingRequests: 2, http2MaxRequests: 11, maxRequestsPerConnection: 5, maxRetries: 4, idleTimeout: '30s', maxConcurrentStreams: 5 } }), expect: 'valid', istio: 'TestValidateConnectionPool/valid connection pool, tcp and http' },
  { name: 'tcp settings only', spec: pool({ tcp: { maxConnections: 7, connectTimeout: '2s' } }), expect: 'valid', istio: 'TestValidateConnectionPool/valid connection pool, tcp only' },
  { name: 'http settings only', spec: pool({ http: { http1MaxPendingRequests: 2, http2MaxRequests: 11, maxRequestsPerConnection: 5, maxRetries: 4, idleTimeout: '30s', maxConcurrentStreams: 5 } }), expect: 'valid', istio: 'TestValidateConnectionPool/valid connection pool, http only' },
  { name: 'http settings without idle timeout', spec: pool({ http: { http1MaxPendingRequests: 2, http2MaxRequests: 11, maxRequestsPerConnection: 5, maxRetries: 4, maxConcurrentStreams: 5 } }), expect: 'valid', istio: 'TestValidateConnectionPool/valid connection pool, http only with empty idle timeout' },
  { name: 'http2 keepalive', spec: pool({ http: { http2KeepAlive: { interval: '15s', timeout: '5s' } } }), expect: 'valid', istio: 'TestValidateConnectionPool/valid connection pool, http2 keepalive' },
  { name: 'empty pool', spec: pool({}), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, empty' },
  { name: 'maxConnections -1', spec: pool({ tcp: { maxConnections: -1 } }), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, bad max connections' },
  { name: 'connect timeout with nanoseconds', spec: pool({ tcp: { connectTimeout: '2.000000005s' } }), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, bad connect timeout' },
  { name: 'http1MaxPendingRequests -1', spec: pool({ http: { http1MaxPendingRequests: -1 } }), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, bad max pending requests' },
  { name: 'http2MaxRequests -1', spec: pool({ http: { http2MaxRequests: -1 } }), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, bad max requests' },
  { name: 'maxRequestsPerConnection -1', spec: pool({ http: { maxRequestsPerConnection: -1 } }), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, bad max requests per connection' },
  { name: 'maxRetries -1', spec: pool({ http: { maxRetries: -1 } }), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, bad max retries' },
  { name: 'idle timeout with nanoseconds', spec: pool({ http: { idleTimeout: '30.000000005s' } }), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, bad idle timeout' },
  { name: 'tcp idle timeout 0s', spec: pool({ tcp: { idleTimeout: '0s' } }), expect: 'valid', istio: 'TestValidateConnectionPool/valid connection pool, tcp timeout disabled' },
  { name: 'maxConcurrentStreams -1', spec: pool({ http: { maxConcurrentStreams: -1 } }), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, bad max concurrent streams' },
  { name: 'keepalive without interval', spec: pool({ http: { http2KeepAlive: { timeout: '5s' } } }), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, http2 keepalive without interval' },
  { name: 'keepalive without timeout', spec: pool({ http: { http2KeepAlive: { interval: '15s' } } }), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, http2 keepalive without timeout' },
  { name: 'keepalive interval with nanoseconds', spec: pool({ http: { http2KeepAlive: { interval: '15.000000005s', timeout: '5s' } } }), expect: 'error', istio: 'TestValidateConnectionPool/invalid connection pool, bad http2 keepalive interval' },

  { name: 'ROUND_ROBIN', spec: balancer({ simple: 'ROUND_ROBIN' }), expect: 'valid', istio: 'TestValidateLoadBalancer/valid load balancer with simple load balancing' },
  { name: 'cookie hash with ring size', spec: balancer({ consistentHash: { minimumRingSize: 1024, httpCookie: { name: 'test', ttl: '3600s' } } }), expect: 'valid', istio: 'TestValidateLoadBalancer/valid load balancer with consistentHash load balancing' },
  { name: 'cookie without name', spec: balancer({ consistentHash: { minimumRingSize: 1024, httpCookie: { ttl: '3600s' } } }), expect: 'error', istio: 'TestValidateLoadBalancer/invalid load balancer with consistentHash load balancing, missing name' },
  { name: 'maglev table 1000', spec: balancer({ consistentHash: { maglev: { tableSize: 1000 } } }), expect: 'error', istio: 'TestValidateLoadBalancer/invalid load balancer with consistentHash load balancing, maglev not prime' },
  { name: 'cookie with distinct attributes', spec: cookie({ name: 'test-cookie', attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'Secure', value: 'true' }, { name: 'HttpOnly', value: 'true' }] }), expect: 'valid', istio: 'TestValidateLoadBalancer/valid load balancer with consistentHash load balancing and unique cookie attributes' },
  { name: 'cookie attribute named twice', spec: cookie({ name: 'test-cookie', attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'SameSite', value: 'Lax' }, { name: 'Secure', value: 'true' }] }), expect: 'error', istio: 'TestValidateLoadBalancer/invalid load balancer with consistentHash load balancing and duplicate cookie attribute names' },
  { name: 'cookie attribute without name', spec: cookie({ name: 'test-cookie', attributes: [{ name: 'SameSite', value: 'Strict' }, { name: '', value: 'some-value' }, { name: 'Secure', value: 'true' }] }), expect: 'error', istio: 'TestValidateLoadBalancer/invalid load balancer with consistentHash load balancing and empty cookie attribute name' },
  { name: 'locality and zone-aware settings together', spec: balancer({ localityLbSetting: {}, zoneAwareLbSetting: {} }), expect: 'error', istio: 'TestValidateLoadBalancer/invalid: localityLbSetting and zoneAwareLbSetting both set' },
  { name: 'zone-aware failover only', spec: balancer({ zoneAwareLbSetting: { failover: [{ from: 'us-east', to: 'eu-west' }] } }), expect: 'valid', istio: 'TestValidateLoadBalancer/valid: zoneAwareLbSetting only' },

  { name: 'interval, ejection time and percent', spec: outlier({ interval: '2s', baseEjectionTime: '2s', maxEjectionPercent: 50 }), expect: 'valid', istio: 'TestValidateOutlierDetection/valid outlier detection' },
  { name: 'interval with nanoseconds', spec: outlier({ interval: '2.000000005s' }), expect: 'error', istio: 'TestValidateOutlierDetection/invalid outlier detection, bad interval' },
  { name: 'ejection time with nanoseconds', spec: outlier({ baseEjectionTime: '2.000000005s' }), expect: 'error', istio: 'TestValidateOutlierDetection/invalid outlier detection, bad base ejection time' },
  { name: 'ejection 105%', spec: outlier({ maxEjectionPercent: 105 }), expect: 'error', istio: 'TestValidateOutlierDetection/invalid outlier detection, bad max ejection percent' },
  { name: 'min health -1', spec: outlier({ minHealthPercent: -1 }), expect: 'error', istio: 'TestValidateOutlierDetection/invalid outlier detection, panic threshold too low' },
  { name: 'min health 101', spec: outlier({ minHealthPercent: 101 }), expect: 'error', istio: 'TestValidateOutlierDetection/invalid outlier detection, panic threshold too high' },
  { name: 'consecutiveErrors is deprecated', spec: outlier({ consecutiveErrors: 101 }), expect: 'warning', istio: 'TestValidateOutlierDetection/deprecated outlier detection, ConsecutiveErrors' },
  { name: 'local-origin failures without the split', spec: outlier({ consecutiveLocalOriginFailures: 10 }), expect: 'error', istio: 'TestValidateOutlierDetection/consecutive local origin errors is set but split local origin errors is not set' },
].map((c) => ({ kind: DR, ...c }) as IstioValidationCase);

const GW = 'networking.istio.io/Gateway';
/** A Gateway with one server on foo.bar.com, plus `more`. */
const srv = (more: Record<string, unknown>) => ({ servers: [{ hosts: ['foo.bar.com'], port: { number: 7, name: 'http', protocol: 'http' }, ...more }] });
/** A Gateway with one HTTPS server terminating TLS with `tls`. */
const tlsServer = (tls: Record<string, unknown>) => srv({ port: { number: 443, name: 'https', protocol: 'HTTPS' }, tls });
const [cert, key, ca] = ['/etc/certs/server.pem', '/etc/certs/key.pem', '/etc/certs/ca.pem'];
const pair = (n: number) => ({ serverCertificate: `/etc/certs/${n}.pem`, privateKey: `/etc/certs/${n}.key` });

const gateways: IstioValidationCase[] = [
  { name: 'no servers', spec: {}, expect: 'error', istio: 'TestValidateGateway/empty' },
  { name: 'one http server', spec: srv({ port: { name: 'name1', number: 7, protocol: 'http' } }), expect: 'valid', istio: 'TestValidateGateway/happy domain' },
  { name: '~/ host namespace', spec: srv({ hosts: ['~/foo.bar.com'], port: { name: 'name1', number: 7, protocol: 'http' } }), expect: 'error', istio: 'TestValidateGateway/happy k8s gateway-api server with no attached routes' },
  { name: 'port 66000', spec: srv({ port: { name: 'name1', number: 66000, protocol: 'http' } }), expect: 'error', istio: 'TestValidateGateway/invalid port' },
  { name: 'two servers, one port name', spec: { servers: [{ hosts: ['foo.bar.com'], port: { name: 'foo', number: 80, protocol: 'http' } }, { hosts: ['scooby.doo.com'], port: { name: 'foo', number: 8080, protocol: 'http' } }] }, expect: 'error', istio: 'TestValidateGateway/duplicate port names' },
  { name: 'wildcard inside a host', spec: srv({ hosts: ['foo.*.bar.com'], port: { name: 'p', number: 7, protocol: 'http' } }), expect: 'error', istio: 'TestValidateGateway/invalid domain' },
  { name: 'httpsRedirect on HTTP', spec: srv({ hosts: ['bar.com'], port: { name: 'http', number: 80, protocol: 'http' }, tls: { httpsRedirect: true } }), expect: 'valid', istio: 'TestValidateGateway/valid httpsRedirect' },
  { name: 'httpsRedirect on HTTPS', spec: srv({ hosts: ['bar.com'], port: { name: 'https', number: 80, protocol: 'https' }, tls: { httpsRedirect: true } }), expect: 'warning', istio: 'TestValidateGateway/invalid https httpsRedirect' },
  { name: 'partial wildcard on TLS', spec: srv({ hosts: ['*bar.com'], port: { name: 'tls', number: 443, protocol: 'tls' }, tls: { mode: 'ISTIO_MUTUAL' } }), expect: 'error', istio: 'TestValidateGateway/invalid partial wildcard' },

  { name: 'http server', spec: srv({}), expect: 'valid', istio: 'TestValidateServer/happy' },
  { name: 'IP host', spec: srv({ hosts: ['1.1.1.1'] }), expect: 'valid', istio: 'TestValidateServer/happy ip' },
  { name: 'ns/host', spec: srv({ hosts: ['ns1/foo.bar.com'] }), expect: 'valid', istio: 'TestValidateServer/happy ns/name' },
  { name: '*/host', spec: srv({ hosts: ['*/foo.bar.com'] }), expect: 'valid', istio: 'TestValidateServer/happy */name' },
  { name: './host', spec: srv({ hosts: ['./foo.bar.com'] }), expect: 'valid', istio: 'TestValidateServer/happy ./name' },
  { name: '~/host', spec: srv({ hosts: ['~/foo.bar.com'] }), expect: 'error', istio: 'TestValidateServer/invalid ~/name' },
  { name: 'ns/ with inner wildcard', spec: srv({ hosts: ['ns1/foo.*.bar.com'] }), expect: 'error', istio: 'TestValidateServer/invalid domain ns/name format' },
  { name: 'inner wildcard', spec: srv({ hosts: ['foo.*.bar.com'] }), expect: 'error', istio: 'TestValidateServer/invalid domain' },
  { name: 'short name host', spec: srv({ hosts: ['foo'] }), expect: 'error', istio: 'TestValidateServer/invalid short name host' },
  { name: 'port 66000', spec: srv({ port: { number: 66000, name: 'http', protocol: 'http' } }), expect: 'error', istio: 'TestValidateServer/invalid port' },
  { name: 'SIMPLE without certificates on HTTP', spec: srv({ port: { number: 1, name: 'http', protocol: 'http' }, tls: { mode: 'SIMPLE' } }), expect: 'error', istio: 'TestValidateServer/invalid tls options' },
  { name: 'HTTPS without tls', spec: srv({ port: { number: 10000, name: 'https', protocol: 'https' } }), expect: 'error', istio: 'TestValidateServer/no tls on HTTPS' },
  { name: 'tls on HTTP', spec: srv({ port: { number: 10000, name: 'http', protocol: 'http' }, tls: { mode: 'SIMPLE' } }), expect: 'error', istio: 'TestValidateServer/tls on HTTP' },
  { name: 'httpsRedirect on HTTP', spec: srv({ port: { number: 10000, name: 'http', protocol: 'http' }, tls: { httpsRedirect: true } }), expect: 'valid', istio: 'TestValidateServer/tls redirect on HTTP' },
  { name: 'bind to an IP', spec: srv({ bind: '127.0.0.1' }), expect: 'valid', istio: 'TestValidateServer/bind ip' },
  { name: 'unix socket with a port', spec: srv({ bind: 'unix://@foobar' }), expect: 'error', istio: 'TestValidateServer/bind unix path with invalid port' },
  { name: 'unix socket, port 0', spec: srv({ port: { number: 0, name: 'http', protocol: 'http' }, bind: 'unix://@foobar' }), expect: 'valid', istio: 'TestValidateServer/bind unix path' },
  { name: 'bind to a name', spec: srv({ port: { number: 0, name: 'http', protocol: 'http' }, bind: 'foo.bar' }), expect: 'error', istio: 'TestValidateServer/bind bad ip' },
  { name: 'port name Henry', spec: srv({ port: { number: 1, name: 'Henry', protocol: 'http' } }), expect: 'valid', istio: 'TestValidateServerPort/happy' },
  { name: 'protocol kafka', spec: srv({ port: { number: 1, name: 'Henry', protocol: 'kafka' } }), expect: 'error', istio: 'TestValidateServerPort/invalid protocol' },
  { name: 'port 2^30', spec: srv({ port: { number: 2 ** 30, name: 'http', protocol: 'http' } }), expect: 'error', istio: 'TestValidateServerPort/invalid number' },
  { name: 'port 0 without a socket', spec: srv({ port: { number: 0, name: 'Henry', protocol: 'http' } }), expect: 'error', istio: 'TestValidateServerPort/name, no number' },

  { name: 'SIMPLE with files', spec: tlsServer({ mode: 'SIMPLE', serverCertificate: cert, privateKey: key }), expect: 'valid', istio: 'TestValidateTlsOptions/simple' },
  { name: 'SIMPLE with files and a CA', spec: tlsServer({ mode: 'SIMPLE', serverCertificate: cert, privateKey: key, caCertificates: ca }), expect: 'valid', istio: 'TestValidateTlsOptions/simple with client bundle' },
  { name: 'SIMPLE with a credential', spec: tlsServer({ mode: 'SIMPLE', credentialName: 'sds-name' }), expect: 'valid', istio: 'TestValidateTlsOptions/simple sds with client bundle' },
  { name: 'SIMPLE with files and a credential', spec: tlsServer({ mode: 'SIMPLE', serverCertificate: cert, privateKey: key, credentialName: 'sds-name' }), expect: 'error', istio: 'TestValidateTlsOptions/simple sds with client bundle but with server cert' },
  { name: 'SIMPLE with a key only', spec: tlsServer({ mode: 'SIMPLE', privateKey: key }), expect: 'error', istio: 'TestValidateTlsOptions/simple no server cert' },
  { name: 'SIMPLE with a certificate only', spec: tlsServer({ mode: 'SIMPLE', serverCertificate: cert }), expect: 'error', istio: 'TestValidateTlsOptions/simple no private key' },
  { name: 'SIMPLE with three certificate pairs', spec: tlsServer({ mode: 'SIMPLE', tlsCertificates: [pair(1), pair(2), pair(3)] }), expect: 'warning', istio: 'TestValidateTlsOptions/simple more than 2 certs' },
  { name: 'SIMPLE with files and pairs', spec: tlsServer({ mode: 'SIMPLE', serverCertificate: cert, privateKey: key, tlsCertificates: [pair(1), pair(2)] }), expect: 'error', istio: 'TestValidateTlsOptions/simple with both server cert and tls certs' },
  { name: 'SIMPLE pair without certificate', spec: tlsServer({ mode: 'SIMPLE', tlsCertificates: [{ privateKey: key }, pair(2)] }), expect: 'error', istio: 'TestValidateTlsOptions/simple 2 certs with missing certificate' },
  { name: 'SIMPLE pair without key', spec: tlsServer({ mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: cert }, pair(2)] }), expect: 'error', istio: 'TestValidateTlsOptions/simple 2 certs with missing private key' },
  { name: 'SIMPLE credential and a key', spec: tlsServer({ mode: 'SIMPLE', privateKey: key, credentialName: 'sds-name' }), expect: 'valid', istio: 'TestValidateTlsOptions/simple sds no server cert' },
  { name: 'SIMPLE credential and a certificate', spec: tlsServer({ mode: 'SIMPLE', serverCertificate: cert, credentialName: 'sds-name' }), expect: 'valid', istio: 'TestValidateTlsOptions/simple sds no private key' },
  { name: 'MUTUAL with files', spec: tlsServer({ mode: 'MUTUAL', serverCertificate: cert, privateKey: key, caCertificates: ca }), expect: 'valid', istio: 'TestValidateTlsOptions/mutual' },
  { name: 'MUTUAL with a credential and a CA', spec: tlsServer({ mode: 'MUTUAL', caCertificates: ca, credentialName: 'sds-name' }), expect: 'valid', istio: 'TestValidateTlsOptions/mutual sds' },
  { name: 'MUTUAL with files and a credential', spec: tlsServer({ mode: 'MUTUAL', serverCertificate: cert, privateKey: key, caCertificates: ca, credentialName: 'sds-name' }), expect: 'error', istio: 'TestValidateTlsOptions/mutual sds with credential name and server cert' },
  { name: 'MUTUAL with pairs and a credential', spec: tlsServer({ mode: 'MUTUAL', caCertificates: ca, tlsCertificates: [pair(1)], credentialName: 'sds-name' }), expect: 'error', istio: 'TestValidateTlsOptions/mutual sds with credential name and tls certs' },
  { name: 'MUTUAL without certificate', spec: tlsServer({ mode: 'MUTUAL', privateKey: key, caCertificates: ca }), expect: 'error', istio: 'TestValidateTlsOptions/mutual no server cert' },
  { name: 'MUTUAL with files and credentialNames', spec: tlsServer({ mode: 'MUTUAL', serverCertificate: cert, privateKey: key, credentialNames: ['server-certs'] }), expect: 'error', istio: 'TestValidateTlsOptions/credential names and certificates' },
  { name: 'MUTUAL with pairs and credentialNames', spec: tlsServer({ mode: 'MUTUAL', tlsCertificates: [pair(1)], caCertificates: ca, credentialNames: ['server-certs'] }), expect: 'error', istio: 'TestValidateTlsOptions/credential names and tls certificates' },
  { name: 'MUTUAL with pairs and a CA', spec: tlsServer({ mode: 'MUTUAL', tlsCertificates: [pair(1)], caCertificates: ca }), expect: 'valid', istio: 'TestValidateTlsOptions/only tls certificates' },
  { name: 'MUTUAL credential with a key and a CA', spec: tlsServer({ mode: 'MUTUAL', privateKey: key, caCertificates: ca, credentialName: 'sds-name' }), expect: 'valid', istio: 'TestValidateTlsOptions/mutual sds no server cert' },
  { name: 'MUTUAL without CA', spec: tlsServer({ mode: 'MUTUAL', serverCertificate: cert, privateKey: key }), expect: 'error', istio: 'TestValidateTlsOptions/mutual no client CA bundle' },
  { name: 'MUTUAL without anything', spec: tlsServer({ mode: 'MUTUAL' }), expect: 'error', istio: 'TestValidateTlsOptions/mutual no certs' },
  { name: 'MUTUAL with three pairs', spec: tlsServer({ mode: 'MUTUAL', caCertificates: ca, tlsCertificates: [pair(1), pair(2), pair(3)] }), expect: 'warning', istio: 'TestValidateTlsOptions/mutual more than 2 certs' },
  { name: 'MUTUAL with files and pairs', spec: tlsServer({ mode: 'MUTUAL', serverCertificate: cert, privateKey: key, caCertificates: ca, tlsCertificates: [pair(1), pair(2)] }), expect: 'error', istio: 'TestValidateTlsOptions/mutual with both server cert and tls certs' },
  { name: 'MUTUAL pair without certificate', spec: tlsServer({ mode: 'MUTUAL', caCertificates: ca, tlsCertificates: [{ privateKey: key }, pair(2)] }), expect: 'error', istio: 'TestValidateTlsOptions/mutual 2 certs with missing certificate' },
  { name: 'MUTUAL pair without key', spec: tlsServer({ mode: 'MUTUAL', caCertificates: ca, tlsCertificates: [{ serverCertificate: cert }, pair(2)] }), expect: 'error', istio: 'TestValidateTlsOptions/mutual 2 certs with missing private key' },
  { name: 'MUTUAL pairs without CA', spec: tlsServer({ mode: 'MUTUAL', tlsCertificates: [pair(1), pair(2)] }), expect: 'error', istio: 'TestValidateTlsOptions/mutual 2 certs with missing CA certificate' },
  { name: 'OPTIONAL_MUTUAL without anything', spec: tlsServer({ mode: 'OPTIONAL_MUTUAL' }), expect: 'error', istio: 'TestValidateTlsOptions/optional mutual no certs' },
  { name: 'PASSTHROUGH with a credential', spec: tlsServer({ mode: 'PASSTHROUGH', credentialName: 'sds-name' }), expect: 'warning', istio: 'TestValidateTlsOptions/pass through sds no certs' },
  { name: 'PASSTHROUGH with a CRL', spec: tlsServer({ mode: 'PASSTHROUGH', caCrl: 'scrl' }), expect: 'warning', istio: 'TestValidateTlsOptions/pass through sds crl' },
  { name: 'ISTIO_MUTUAL alone', spec: tlsServer({ mode: 'ISTIO_MUTUAL' }), expect: 'valid', istio: 'TestValidateTlsOptions/istio_mutual no certs' },
  { name: 'ISTIO_MUTUAL with a certificate', spec: tlsServer({ mode: 'ISTIO_MUTUAL', serverCertificate: cert }), expect: 'error', istio: 'TestValidateTlsOptions/istio_mutual with server cert' },
  { name: 'ISTIO_MUTUAL with files and a CA', spec: tlsServer({ mode: 'ISTIO_MUTUAL', serverCertificate: cert, privateKey: key, caCertificates: ca }), expect: 'error', istio: 'TestValidateTlsOptions/istio_mutual with client bundle' },
  { name: 'ISTIO_MUTUAL with a key', spec: tlsServer({ mode: 'ISTIO_MUTUAL', privateKey: key }), expect: 'error', istio: 'TestValidateTlsOptions/istio_mutual with private key' },
  { name: 'ISTIO_MUTUAL with a credential', spec: tlsServer({ mode: 'ISTIO_MUTUAL', credentialName: 'some-cred' }), expect: 'error', istio: 'TestValidateTlsOptions/istio_mutual with credential name' },
  { name: 'unknown cipher suite', spec: tlsServer({ mode: 'SIMPLE', credentialName: 'sds-name', cipherSuites: ['not-a-cipher-suite'] }), expect: 'warning', istio: 'TestValidateTlsOptions/invalid cipher suites' },
  { name: 'known cipher suite', spec: tlsServer({ mode: 'SIMPLE', credentialName: 'sds-name', cipherSuites: ['ECDHE-ECDSA-AES128-SHA'] }), expect: 'valid', istio: 'TestValidateTlsOptions/valid cipher suites' },
  { name: 'cipher suite removal', spec: tlsServer({ mode: 'SIMPLE', credentialName: 'sds-name', cipherSuites: ['-ECDHE-ECDSA-AES128-SHA'] }), expect: 'valid', istio: 'TestValidateTlsOptions/cipher suites operations' },
  { name: 'cipher suite twice', spec: tlsServer({ mode: 'SIMPLE', credentialName: 'sds-name', cipherSuites: ['ECDHE-ECDSA-AES128-SHA', 'ECDHE-ECDSA-AES128-SHA'] }), expect: 'warning', istio: 'TestValidateTlsOptions/duplicate cipher suites' },
  { name: 'unknown cipher suite, no certificate', spec: tlsServer({ mode: 'SIMPLE', cipherSuites: ['not-a-cipher-suite'] }), expect: 'error', istio: 'TestValidateTlsOptions/invalid cipher suites with invalid config' },
  { name: 'CRL with SIMPLE files', spec: tlsServer({ mode: 'SIMPLE', caCrl: 'crl' }), expect: 'error', istio: 'TestValidateTlsOptions/crl specified for SIMPLE TLS' },
  { name: 'CRL with a SIMPLE credential', spec: tlsServer({ mode: 'SIMPLE', caCrl: 'crl', credentialName: 'credential' }), expect: 'valid', istio: 'TestValidateTlsOptions/crl specified for CredentialName' },
  { name: 'MUTUAL without key', spec: tlsServer({ mode: 'MUTUAL', serverCertificate: cert, caCertificates: ca }), expect: 'error', istio: 'TestValidateTlsOptions/mutual no private key' },
  { name: 'MUTUAL with two credentialNames', spec: tlsServer({ mode: 'MUTUAL', credentialNames: ['credential1', 'credential2'] }), expect: 'valid', istio: 'TestValidateTlsOptions/with CredentialNames' },
].map((c) => ({ kind: GW, ...c }) as IstioValidationCase);

const SE = 'networking.istio.io/ServiceEntry';
const h1 = { number: 80, protocol: 'http', name: 'http-valid1' };
const h2 = { number: 8080, protocol: 'http', name: 'http-valid2' };
const ep = (address: string, ports?: Record<string, number>, more: Record<string, unknown> = {}) => ({
  address, ...(ports ? { ports } : {}), ...more,
});
const googleEndpoints = [ep('lon.google.com', { 'http-valid1': 8080 }), ep('in.google.com', { 'http-valid2': 9080 })];
const staticEndpoints = [ep('1.1.1.1', { 'http-valid1': 8080 }), ep('2.2.2.2', { 'http-valid2': 9080 })];
const uds = (more: Record<string, unknown>) => ({ hosts: ['uds.cluster.local'], ports: [{ number: 6553, protocol: 'grpc', name: 'grpc-service1' }], resolution: 'STATIC', ...more });
const S = 'TestValidateServiceEntries/';

const serviceEntries: IstioValidationCase[] = [
  { name: 'DNS with endpoints', spec: { hosts: ['*.google.com'], ports: [h1, h2], endpoints: googleEndpoints, resolution: 'DNS' }, expect: 'valid', istio: `${S}discovery type DNS` },
  { name: 'DNS_ROUND_ROBIN with one endpoint', spec: { hosts: ['*.istio.io'], ports: [h1, h2], endpoints: [ep('api-v1.istio.io', { 'http-valid1': 8080 })], resolution: 'DNS_ROUND_ROBIN' }, expect: 'valid', istio: `${S}discovery type DNS Round Robin` },
  { name: 'DNS endpoints labelled tlsMode istio', spec: { hosts: ['*.google.com'], ports: [h1, h2], endpoints: googleEndpoints.map((e) => ({ ...e, labels: { 'security.istio.io/tlsMode': 'istio' } })), resolution: 'DNS' }, expect: 'valid', istio: `${S}discovery type DNS, label tlsMode: istio` },
  { name: 'DNS, one host, an address, an https port', spec: { hosts: ['httpbin.org'], addresses: ['10.10.10.10'], ports: [h1, h2, { number: 443, protocol: 'https', name: 'https' }], resolution: 'DNS' }, expect: 'valid', istio: `${S}discovery type DNS, one host set with IP address and https port` },
  { name: 'DNS, two hosts, an address, an https port', spec: { hosts: ['httpbin.org', 'wikipedia.org'], addresses: ['10.10.10.10'], ports: [h1, h2, { number: 443, protocol: 'https', name: 'https' }], resolution: 'DNS' }, expect: 'warning', istio: `${S}discovery type DNS, multi hosts set with IP address and https port` },
  { name: 'DNS with an address and endpoints', spec: { hosts: ['*.google.com'], addresses: ['10.10.10.10'], ports: [h1, h2], endpoints: googleEndpoints, resolution: 'DNS' }, expect: 'valid', istio: `${S}discovery type DNS, IP address set` },
  { name: 'DNS with an IP endpoint', spec: { hosts: ['*.google.com'], ports: [h1, h2], endpoints: [ep('1.1.1.1', { 'http-valid1': 8080 }), googleEndpoints[1]], resolution: 'DNS' }, expect: 'valid', istio: `${S}discovery type DNS, IP in endpoints` },
  { name: 'DYNAMIC_DNS on a wildcard', spec: { hosts: ['*.google.com'], ports: [h1, h2], resolution: 'DYNAMIC_DNS' }, expect: 'valid', istio: `${S}discovery type DYNAMIC_DNS` },
  { name: 'no hosts', spec: { ports: [h1], endpoints: [googleEndpoints[1]], resolution: 'DNS' }, expect: 'error', istio: `${S}empty hosts` },
  { name: 'host "-"', spec: { hosts: ['-'], ports: [h1], endpoints: [googleEndpoints[1]], resolution: 'DNS' }, expect: 'error', istio: `${S}bad hosts` },
  { name: 'host "*"', spec: { hosts: ['foo.com', '*'], ports: [h1], endpoints: [googleEndpoints[1]], resolution: 'DNS' }, expect: 'error', istio: `${S}full wildcard host` },
  { name: 'short name host', spec: { hosts: ['foo', 'bar.com'], ports: [h1], endpoints: [ep('in.google.com', { 'http-valid1': 9080 })], resolution: 'DNS' }, expect: 'valid', istio: `${S}short name host` },
  { name: 'endpoint port not declared', spec: { hosts: ['google.com'], ports: [h1, { ...h1, name: 'http-valid2' }], endpoints: [ep('lon.google.com', { 'http-valid1': 8080 }), ep('in.google.com', { 'http-dne': 9080 })], resolution: 'DNS' }, expect: 'error', istio: `${S}undefined endpoint port` },
  { name: 'DNS wildcard endpoint', spec: { hosts: ['*.google.com'], ports: [h1, h2], endpoints: [ep('*.lon.google.com', { 'http-valid1': 8080 }), ep('in.google.com', { 'http-dne': 9080 })], resolution: 'DNS' }, expect: 'error', istio: `${S}discovery type DNS, non-FQDN endpoint` },
  { name: 'DNS wildcard host without endpoints', spec: { hosts: ['*.google.com'], ports: [h1, h2], resolution: 'DNS' }, expect: 'error', istio: `${S}discovery type DNS, non-FQDN host` },
  { name: 'DNS host without endpoints', spec: { hosts: ['google.com'], ports: [h1, h2], resolution: 'DNS' }, expect: 'valid', istio: `${S}discovery type DNS, no endpoints` },
  { name: 'DNS with a unix endpoint', spec: { hosts: ['*.google.com'], ports: [h1], endpoints: [ep('unix:///lon/google/com')], resolution: 'DNS' }, expect: 'error', istio: `${S}discovery type DNS, unix endpoint` },
  { name: 'NONE', spec: { hosts: ['google.com'], ports: [h1, h2], resolution: 'NONE' }, expect: 'valid', istio: `${S}discovery type none` },
  { name: 'NONE with endpoints', spec: { hosts: ['google.com'], ports: [h1, h2], endpoints: [ep('lon.google.com', { 'http-valid1': 8080 })], resolution: 'NONE' }, expect: 'error', istio: `${S}discovery type none, endpoints provided` },
  { name: 'NONE with a CIDR', spec: { hosts: ['google.com'], addresses: ['172.1.2.16/16'], ports: [h1, h2], resolution: 'NONE' }, expect: 'valid', istio: `${S}discovery type none, cidr addresses` },
  { name: 'STATIC with a CIDR and endpoints', spec: { hosts: ['google.com'], addresses: ['172.1.2.16/16'], ports: [h1, h2], endpoints: staticEndpoints, resolution: 'STATIC' }, expect: 'valid', istio: `${S}discovery type static, cidr addresses with endpoints` },
  { name: 'STATIC with an address and endpoints', spec: { hosts: ['google.com'], addresses: ['172.1.2.16'], ports: [h1, h2], endpoints: staticEndpoints, resolution: 'STATIC' }, expect: 'valid', istio: `${S}discovery type static` },
  { name: 'STATIC with a name endpoint', spec: { hosts: ['google.com'], addresses: ['172.1.2.16'], ports: [h1, h2], endpoints: [ep('google.com', { 'http-valid1': 8080 }), staticEndpoints[1]], resolution: 'STATIC' }, expect: 'error', istio: `${S}discovery type static, FQDN in endpoints` },
  { name: 'STATIC without endpoints', spec: { hosts: ['google.com'], addresses: ['172.1.2.16'], ports: [h1, h2], resolution: 'STATIC' }, expect: 'valid', istio: `${S}discovery type static, missing endpoints` },
  { name: 'STATIC endpoint port not declared', spec: { hosts: ['google.com'], addresses: ['172.1.2.16'], ports: [h1, h2], endpoints: [staticEndpoints[0], ep('2.2.2.2', { 'http-dne': 9080 })], resolution: 'STATIC' }, expect: 'error', istio: `${S}discovery type static, bad endpoint port name` },
  { name: 'two ports, one name', spec: { hosts: ['google.com'], ports: [{ ...h1, name: 'http-conflict' }, { ...h2, name: 'http-conflict' }], resolution: 'NONE' }, expect: 'error', istio: `${S}discovery type none, conflicting port names` },
  { name: 'two ports, one number', spec: { hosts: ['google.com'], ports: [{ ...h1, name: 'http-conflict1' }, { ...h1, name: 'http-conflict2' }], resolution: 'NONE' }, expect: 'error', istio: `${S}discovery type none, conflicting port numbers` },
  { name: 'unix socket endpoint', spec: uds({ endpoints: [ep('unix:///path/to/socket')] }), expect: 'valid', istio: `${S}unix socket` },
  { name: 'relative unix socket', spec: uds({ endpoints: [ep('unix://./relative/path.sock')] }), expect: 'error', istio: `${S}unix socket, relative path` },
  { name: 'unix socket with ports', spec: uds({ endpoints: [ep('unix:///path/to/socket', { 'grpc-service1': 6553 })] }), expect: 'error', istio: `${S}unix socket, endpoint ports` },
  { name: 'unix socket, two service ports', spec: uds({ ports: [{ number: 6553, protocol: 'grpc', name: 'grpc-service1' }, { number: 80, protocol: 'http', name: 'http-service2' }], endpoints: [ep('unix:///path/to/socket')] }), expect: 'error', istio: `${S}unix socket, multiple service ports` },
  { name: 'a port without protocol, with an address', spec: { hosts: ['google.com'], addresses: ['172.1.2.16/16'], ports: [h1, { number: 8080, name: 'http-valid2' }], resolution: 'NONE' }, expect: 'valid', istio: `${S}empty protocol` },
  { name: 'workload selector', spec: { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: [h1] }, expect: 'warning', istio: `${S}selector` },
  { name: 'workload selector without labels', spec: { hosts: ['google.com'], ports: [h1, h2], workloadSelector: {} }, expect: 'warning', istio: `${S}workload selector without labels` },
  { name: 'workload selector and endpoints', spec: { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: [h1], endpoints: [ep('1.1.1.1')] }, expect: 'error', istio: `${S}selector and endpoints` },
  { name: 'workload selector, NONE', spec: { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: [h1], resolution: 'NONE' }, expect: 'warning', istio: `${S}selector and resolution NONE` },
  { name: 'workload selector, DNS', spec: { hosts: ['google.com'], workloadSelector: { labels: { foo: 'bar' } }, ports: [h1], resolution: 'DNS' }, expect: 'valid', istio: `${S}selector and resolution DNS` },
  { name: 'selector with an empty key', spec: { hosts: ['google.com'], workloadSelector: { labels: { '': 'bar' } }, ports: [h1] }, expect: 'error', istio: `${S}bad selector key` },
  { name: 'two ports, one target port', spec: { hosts: ['google.com'], resolution: 'DNS', ports: [{ ...h1, targetPort: 80 }, { number: 81, protocol: 'http', name: 'http-valid2', targetPort: 80 }] }, expect: 'valid', istio: `${S}repeat target port` },
  { name: 'target port 81', spec: { hosts: ['google.com'], resolution: 'DNS', ports: [{ ...h1, targetPort: 81 }] }, expect: 'valid', istio: `${S}valid target port` },
  { name: 'target port 65536', spec: { hosts: ['google.com'], resolution: 'DNS', ports: [{ ...h1, targetPort: 65536 }] }, expect: 'error', istio: `${S}invalid target port` },
  { name: 'target port with a selector', spec: { hosts: ['google.com'], workloadSelector: { labels: { key: 'bar' } }, ports: [{ ...h1, targetPort: 1234 }] }, expect: 'warning', istio: `${S}warn target port` },
  { name: 'endpoint port 8081', spec: { hosts: ['google.com'], ports: [{ ...h1, targetPort: 81 }], resolution: 'STATIC', endpoints: [ep('1.1.1.1', { 'http-valid1': 8081 })] }, expect: 'valid', istio: `${S}valid endpoint port` },
  { name: 'endpoint port 65536', spec: { hosts: ['google.com'], ports: [{ ...h1, targetPort: 81 }], resolution: 'STATIC', endpoints: [ep('1.1.1.1', { 'http-valid1': 65536 })] }, expect: 'error', istio: `${S}invalid endpoint port` },
  { name: 'a port without protocol, no addresses', spec: { hosts: ['google.com'], ports: [h1, { number: 8080, name: 'http-valid2' }], resolution: 'NONE' }, expect: 'warning', istio: `${S}protocol unset for addresses empty` },
  { name: 'a TCP port, no addresses', spec: { hosts: ['google.com'], ports: [h1, { number: 81, protocol: 'TCP', name: 'tcp-valid1' }], resolution: 'NONE' }, expect: 'warning', istio: `${S}protocol is TCP for addresses empty` },
  { name: 'DNS_ROUND_ROBIN with two endpoints', spec: { hosts: ['google.com'], ports: [{ number: 8081, protocol: 'http', name: 'http-valid1' }], endpoints: [ep('api-v1.istio.io', { 'http-valid1': 8081 }), ep('1.1.1.2', { 'http-valid1': 8081 })], resolution: 'DNS_ROUND_ROBIN' }, expect: 'error', istio: `${S}dns round robin with more than one endpoint` },
  { name: 'DNS_ROUND_ROBIN without endpoints', spec: { hosts: ['google.com'], ports: [{ number: 8081, protocol: 'http', name: 'http-valid1' }], resolution: 'DNS_ROUND_ROBIN' }, expect: 'valid', istio: `${S}dns round robin with 0 endpoints` },
  { name: 'partial wildcard host', spec: { hosts: ['*.nytimes.com', '*washingtonpost.com'], ports: [{ number: 443, protocol: 'HTTPS', name: 'https-nytimes' }], resolution: 'NONE' }, expect: 'warning', istio: `${S}partial wildcard hosts` },
  { name: 'endpoint with a network only', spec: { hosts: ['www.example.com'], ports: [{ number: 443, protocol: 'HTTPS', name: 'https-example' }], endpoints: [{ network: 'cluster-1' }], resolution: 'STATIC' }, expect: 'warning', istio: `${S}network set with no address on endpoint` },
  { name: 'DYNAMIC_DNS with a TCP port', spec: { hosts: ['*.google.com'], ports: [h1, { number: 81, protocol: 'TCP', name: 'tcp-valid1' }], resolution: 'DYNAMIC_DNS' }, expect: 'error', istio: `${S}discovery type DYNAMIC_DNS, unsupported TCP protocol` },
  { name: 'DYNAMIC_DNS with a GRPC port', spec: { hosts: ['*.svc.cluster.local'], ports: [{ number: 9090, protocol: 'GRPC', name: 'grpc' }], resolution: 'DYNAMIC_DNS' }, expect: 'valid', istio: `${S}discovery type DYNAMIC_DNS, GRPC protocol` },
  { name: 'DYNAMIC_DNS on a plain host', spec: { hosts: ['google.com'], ports: [{ ...h1, name: 'http-valid' }], resolution: 'DYNAMIC_DNS' }, expect: 'error', istio: `${S}discovery type DYNAMIC_DNS, FQDN host` },
  { name: 'DYNAMIC_DNS with endpoints', spec: { hosts: ['*.google.com'], ports: [h1], endpoints: [ep('in.google.com', { 'http-valid1': 9080 })], resolution: 'DYNAMIC_DNS' }, expect: 'error', istio: `${S}discovery type DYNAMIC_DNS, endpoints set` },
  { name: 'DYNAMIC_DNS with an address', spec: { hosts: ['*.google.com'], addresses: ['10.10.10.10'], ports: [h1, h2], resolution: 'DYNAMIC_DNS' }, expect: 'error', istio: `${S}discovery type DYNAMIC_DNS, IP address set` },
  { name: 'DYNAMIC_DNS without hosts', spec: { hosts: [], ports: [h1], resolution: 'DYNAMIC_DNS' }, expect: 'error', istio: `${S}discovery type DYNAMIC_DNS, empty hosts` },
  { name: 'DYNAMIC_DNS on two wildcards', spec: { hosts: ['*.google.com', '*.amazon.com'], ports: [h1], resolution: 'DYNAMIC_DNS' }, expect: 'valid', istio: `${S}discovery type DYNAMIC_DNS, multiple wildcarded hosts` },
  { name: 'DYNAMIC_DNS inside the mesh', spec: { hosts: ['*.google.com'], ports: [h1], resolution: 'DYNAMIC_DNS', location: 'MESH_INTERNAL' }, expect: 'valid', istio: `${S}discovery type DYNAMIC_DNS, internal mesh location` },
  { name: 'DYNAMIC_DNS inside the mesh behind a waypoint', spec: { hosts: ['*.google.com'], ports: [h1], resolution: 'DYNAMIC_DNS', location: 'MESH_INTERNAL' }, labels: { 'istio.io/use-waypoint': 'my-waypoint' }, expect: 'error', istio: `${S}discovery type DYNAMIC_DNS, MESH_INTERNAL with waypoint (invalid)` },
].map((c) => ({ kind: SE, ...c }) as IstioValidationCase);

const PA = 'security.istio.io/PeerAuthentication';
const TM = 'telemetry.istio.io/Telemetry';
const httpbin = { matchLabels: { app: 'httpbin' } };
const clusterTag = { customTags: { clusterID: { environment: { name: 'FOO' } } } };
const gatewayRef = { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'foo' };
const P = 'TestValidatePeerAuthentication/';

const peerAuthentications: IstioValidationCase[] = [
  { name: 'empty, named default', objectName: 'default', spec: {}, expect: 'valid', istio: `${P}empty spec` },
  { name: 'selector without labels', objectName: 'default', spec: { selector: {} }, expect: 'warning', istio: `${P}empty mtls with selector of empty labels` },
  { name: 'empty, another name', spec: {}, expect: 'valid', istio: `${P}empty spec with non default name` },
  { name: 'default name with a selector', objectName: 'default', spec: { selector: httpbin }, expect: 'valid', istio: `${P}default name with non empty selector` },
  { name: 'empty port-level map', objectName: 'foo', spec: { selector: httpbin, portLevelMtls: {} }, expect: 'error', istio: `${P}empty port level mtls` },
  { name: 'port-level without selector', objectName: 'default', spec: { portLevelMtls: { 8080: { mode: 'UNSET' } } }, expect: 'error', istio: `${P}empty selector with port level mtls` },
  { name: 'port 0', objectName: 'foo', spec: { portLevelMtls: { 0: { mode: 'UNSET' } } }, expect: 'error', istio: `${P}port 0` },
  { name: 'mode UNSET', objectName: 'default', spec: { mtls: { mode: 'UNSET' } }, expect: 'valid', istio: `${P}unset mode` },
  { name: 'port-level with a selector', objectName: 'port-level', spec: { selector: httpbin, portLevelMtls: { 8080: { mode: 'UNSET' } } }, expect: 'valid', istio: `${P}port level` },
].map((c) => ({ kind: PA, ...c }) as IstioValidationCase);

const telemetries: IstioValidationCase[] = [
  { name: 'empty', spec: {}, expect: 'valid', istio: 'TestValidateTelemetry/empty' },
  { name: 'two tracing providers', spec: { tracing: [{ providers: [{ name: 'a' }, { name: 'b' }] }] }, expect: 'warning', istio: 'TestValidateTelemetry/multiple providers' },
  { name: 'two tracing entries', spec: { tracing: [{}, {}] }, expect: 'warning', istio: 'TestValidateTelemetry/multiple tracers' },
  { name: 'sampling 101%', spec: { tracing: [{ randomSamplingPercentage: 101 }] }, expect: 'error', istio: 'TestValidateTelemetry/bad randomSamplingPercentage' },
  { name: 'environment custom tag', spec: { tracing: [clusterTag] }, expect: 'valid', istio: 'TestValidateTelemetry/tracing with a good custom tag' },
  { name: 'null custom tag', spec: { tracing: [{ customTags: { clusterID: null } }] }, expect: 'error', istio: 'TestValidateTelemetry/tracing with a nil custom tag' },
  { name: 'UPSERT without value', spec: { metrics: [{ overrides: [{ tagOverrides: { 'my-tag': { operation: 'UPSERT', value: '' } } }] }] }, expect: 'error', istio: 'TestValidateTelemetry/bad metrics operation' },
  { name: 'UPSERT with value', spec: { metrics: [{ overrides: [{ tagOverrides: { 'my-tag': { operation: 'UPSERT', value: 'some-cel-expression' } } }] }] }, expect: 'valid', istio: 'TestValidateTelemetry/good metrics operation' },
  { name: 'two access-log entries', spec: { accessLogging: [{ providers: [{ name: 'envoy' }] }, { providers: [{ name: 'otel' }] }] }, expect: 'valid', istio: 'TestValidateTelemetry/multi-accessloggings' },
  { name: 'two access-log providers', spec: { accessLogging: [{ providers: [{ name: 'envoy' }, { name: 'otel' }] }] }, expect: 'valid', istio: 'TestValidateTelemetry/multi-accesslogging-providers' },
  { name: 'targetRef to a Gateway', spec: { tracing: [clusterTag], targetRef: gatewayRef }, expect: 'valid', istio: 'TestValidateTelemetry/good targetRef' },
  { name: 'targetRef without name', spec: { tracing: [clusterTag], targetRef: { ...gatewayRef, name: '' } }, expect: 'error', istio: 'TestValidateTelemetry/bad targetRef - empty name' },
  { name: 'targetRef with a namespace', spec: { tracing: [clusterTag], targetRef: { ...gatewayRef, namespace: 'bar' } }, expect: 'error', istio: 'TestValidateTelemetry/bad targetRef - non-empty namespace' },
  { name: 'targetRef to another group', spec: { tracing: [clusterTag], targetRef: { ...gatewayRef, group: 'wrong-group' } }, expect: 'error', istio: 'TestValidateTelemetry/bad targetRef - wrong group' },
  { name: 'targetRef to another kind', spec: { tracing: [clusterTag], targetRef: { ...gatewayRef, kind: 'wrong-kind' } }, expect: 'error', istio: 'TestValidateTelemetry/bad targetRef - wrong kind' },
  { name: 'targetRef and selector', spec: { tracing: [clusterTag], targetRef: { ...gatewayRef, kind: 'wrong-kind' }, selector: httpbin }, expect: 'error', istio: 'TestValidateTelemetry/targetRef and selector cannot both be set' },
].map((c) => ({ kind: TM, ...c }) as IstioValidationCase);

/** A VirtualService with the one HTTP rule `rule` (nothing added). */
const rule = (r: Record<string, unknown>) => ({ hosts: ['foo.bar'], http: [r] });
const headerOps = (side: 'request' | 'response', ops: Record<string, unknown>) => http({ headers: { [side]: ops } });
const weighted = (...weights: number[]) => weights.map((weight, i) => ({ destination: { host: i === 0 ? 'foo.baz.south' : 'foo.baz.east' }, weight }));
/** A VirtualService with one TCP rule routing to `route`. */
const tcp = (route: unknown[]) => ({ hosts: ['foo.bar'], tcp: [{ route }] });
const R = 'TestValidateHTTPRoute/';
const D = 'TestValidateRouteDestination/';

const httpRoutes: IstioValidationCase[] = [
  { name: 'empty rule', spec: rule({}), expect: 'error', istio: `${R}empty` },
  { name: 'one destination', spec: rule({ route: [to()] }), expect: 'valid', istio: `${R}simple` },
  { name: 'route entry without destination', spec: rule({ route: [{}] }), expect: 'error', istio: `${R}no destination` },
  { name: 'weights 25/75', spec: rule({ route: weighted(25, 75) }), expect: 'valid', istio: `${R}weighted` },
  { name: 'weights over 100 in total', spec: rule({ route: weighted(550, 500) }), expect: 'valid', istio: `${R}total weight > 100` },
  { name: 'weights under 100 in total', spec: rule({ route: weighted(49, 50) }), expect: 'valid', istio: `${R}total weight < 100` },
  { name: 'redirect', spec: rule({ redirect: { uri: '/lerp', authority: 'foo.biz' } }), expect: 'valid', istio: `${R}simple redirect` },
  { name: 'prefix redirect after a prefix match', spec: rule({ match: [{ uri: { prefix: '/foo' } }], redirect: { prefixRewrite: '/bar' } }), expect: 'valid', istio: `${R}prefix_rewrite redirect with prefix URI match` },
  { name: 'prefix redirect after an exact match', spec: rule({ match: [{ uri: { exact: '/foo' } }], redirect: { prefixRewrite: '/bar' } }), expect: 'error', istio: `${R}prefix_rewrite redirect with exact URI match is invalid` },
  { name: 'prefix redirect after a regex match', spec: rule({ match: [{ uri: { regex: '/foo.*' } }], redirect: { prefixRewrite: '/bar' } }), expect: 'error', istio: `${R}prefix_rewrite redirect with regex URI match is invalid` },
  { name: 'prefix redirect after a header match', spec: rule({ match: [{ headers: { 'x-foo': { exact: 'bar' } } }], redirect: { prefixRewrite: '/bar' } }), expect: 'valid', istio: `${R}prefix_rewrite redirect with no URI match (wildcard) is valid` },
  { name: 'route and redirect', spec: rule({ route: [to()], redirect: { uri: '/lerp', authority: 'foo.biz' } }), expect: 'error', istio: `${R}conflicting redirect and route` },
  { name: 'header operations with empty values', spec: http({ headers: { request: { add: { name: '' }, set: { name: '' }, remove: ['name'] }, response: { add: { name: '' }, set: { name: '' }, remove: ['name'] } } }), expect: 'valid', istio: `${R}valid headers` },
  { name: 'request add, empty name', spec: headerOps('request', { add: { '': 'value' } }), expect: 'error', istio: `${R}empty header name - request add` },
  { name: 'request set, empty name', spec: headerOps('request', { set: { '': 'value' } }), expect: 'error', istio: `${R}empty header name - request set` },
  { name: 'request remove, empty name', spec: headerOps('request', { remove: [''] }), expect: 'error', istio: `${R}empty header name - request remove` },
  { name: 'response add, empty name', spec: headerOps('response', { add: { '': 'value' } }), expect: 'error', istio: `${R}empty header name - response add` },
  { name: 'response set, empty name', spec: headerOps('response', { set: { '': 'value' } }), expect: 'error', istio: `${R}empty header name - response set` },
  { name: 'response remove, empty name', spec: headerOps('response', { remove: [''] }), expect: 'error', istio: `${R}empty header name - response remove` },
  { name: 'set with %%', spec: headerOps('response', { set: { 'i-love-istio': '100%%' } }), expect: 'valid', istio: `${R}envoy escaped % set` },
  { name: 'set with %HOSTNAME%', spec: headerOps('response', { set: { name: '%HOSTNAME%' } }), expect: 'valid', istio: `${R}envoy variable set` },
  { name: 'set with a lone %', spec: headerOps('response', { set: { name: 'abcd%oijasodifj' } }), expect: 'error', istio: `${R}envoy unescaped % set` },
  { name: 'add with %%', spec: headerOps('response', { add: { 'i-love-istio': '100%% and more' } }), expect: 'valid', istio: `${R}envoy escaped % add` },
  { name: 'add with %HOSTNAME%', spec: headerOps('response', { add: { name: 'hello %HOSTNAME%' } }), expect: 'valid', istio: `${R}envoy variable add` },
  { name: 'add with a lone %', spec: headerOps('response', { add: { name: 'abcd%oijasodifj' } }), expect: 'error', istio: `${R}envoy unescaped % add` },
  { name: 'header match null', spec: http({ match: [{ headers: { header: null } }] }), expect: 'error', istio: `${R}null header match` },
  { name: 'header match empty prefix', spec: http({ match: [{ headers: { emptyprefix: { prefix: '' } } }] }), expect: 'error', istio: `${R}empty prefix header match` },
  { name: 'no match', spec: http({}), expect: 'valid', istio: `${R}nil match` },
  { name: 'mirrorPercent 101', spec: http({ mirrorPercent: 101 }), expect: 'error', istio: `${R}invalid mirror percent` },
  { name: 'mirrorPercentage 101', spec: http({ mirrorPercentage: { value: 101 } }), expect: 'error', istio: `${R}invalid mirror percentage` },
  { name: 'mirrorPercentage 1', spec: http({ mirrorPercentage: { value: 1 } }), expect: 'valid', istio: `${R}valid mirror percentage` },
  { name: 'mirrorPercentage -1', spec: http({ mirrorPercentage: { value: -1 } }), expect: 'error', istio: `${R}negative mirror percentage` },
  { name: 'mirrors entry without destination', spec: http({ mirrors: [{}] }), expect: 'error', istio: `${R}mirrors without destination` },
  { name: 'mirrors at 101%', spec: http({ mirrors: [to(), { ...to(), percentage: { value: 101 } }] }), expect: 'error', istio: `${R}mirrors invalid mirror percentage` },
  { name: 'mirrors at 1% and 50%', spec: http({ mirrors: [{ ...to(), percentage: { value: 1 } }, { ...to(), percentage: { value: 50 } }] }), expect: 'valid', istio: `${R}mirrors valid mirror percentage` },
  { name: 'mirrors at -1%', spec: http({ mirrors: [{ ...to(), percentage: { value: -1 } }] }), expect: 'error', istio: `${R}mirrors negative mirror percentage` },
  { name: 'mirror and mirrors', spec: http({ mirror: { host: 'foo.baz' }, mirrors: [to('foo.bar')] }), expect: 'error', istio: `${R}conflicting mirror and mirrors` },

  { name: 'tcp to one host', spec: tcp([to()]), expect: 'valid', istio: `${D}simple` },
  { name: 'tcp to *-foo.baz', spec: tcp([to('*-foo.baz')]), expect: 'valid', istio: `${D}wildcard dash` },
  { name: 'tcp to *foo.baz', spec: tcp([to('*foo.baz')]), expect: 'valid', istio: `${D}wildcard prefix` },
  { name: 'tcp to *', spec: tcp([to('*')]), expect: 'error', istio: `${D}wildcard` },
  { name: 'tcp to foo.*', spec: tcp([to('foo.*')]), expect: 'error', istio: `${D}bad wildcard` },
  { name: 'tcp to default/baz', spec: tcp([to('default/baz')]), expect: 'error', istio: `${D}bad fqdn` },
  { name: 'tcp entry without destination', spec: tcp([{}]), expect: 'error', istio: `${D}no destination` },
  { name: 'tcp weights 25/75', spec: tcp(weighted(25, 75)), expect: 'valid', istio: `${D}weighted` },
  { name: 'tcp weight -1', spec: tcp(weighted(5, -1)), expect: 'error', istio: `${D}weight < 0` },
  { name: 'tcp weights over 100', spec: tcp(weighted(550, 500)), expect: 'valid', istio: `${D}total weight > 100` },
  { name: 'tcp weights under 100', spec: tcp(weighted(49, 50)), expect: 'valid', istio: `${D}total weight < 100` },
  { name: 'tcp weights 100/0', spec: tcp(weighted(100, 0)), expect: 'valid', istio: `${D}total weight = 100` },
  { name: 'tcp one weight 0', spec: tcp(weighted(0)), expect: 'valid', istio: `${D}weight = 0` },
  { name: 'tcp weights 0/0', spec: tcp(weighted(0, 0)), expect: 'error', istio: `${D}total weight = 0 with multi RouteDestination` },
].map((c) => ({ kind: VS, ...c }) as IstioValidationCase);

const cors = (more: Record<string, unknown>) => http({ corsPolicy: { allowMethods: ['GET', 'POST'], allowHeaders: ['header1', 'header2'], exposeHeaders: ['header3'], maxAge: '2s', ...more } });
const rewrite = (r: Record<string, unknown>) => http({ rewrite: r });
const regexRewrite = { match: '^/service/([^/]+)(/.*)$', rewrite: '\\2/instance/\\1' };
const redirect = (r: Record<string, unknown>) => rule({ redirect: r });
const direct = (d: Record<string, unknown>) => rule({ directResponse: d });
const KB = 1024;

const routeParts: IstioValidationCase[] = [
  { name: 'CORS with methods, headers, max age', spec: cors({}), expect: 'valid', istio: 'TestValidateCORSPolicy/valid' },
  { name: 'CORS method PUTT', spec: cors({ allowMethods: ['GET', 'PUTT'] }), expect: 'error', istio: 'TestValidateCORSPolicy/bad method' },
  { name: 'CORS empty expose header', spec: cors({ exposeHeaders: [''] }), expect: 'error', istio: 'TestValidateCORSPolicy/bad header' },
  { name: 'CORS max age with nanoseconds', spec: cors({ maxAge: '2.000000042s' }), expect: 'error', istio: 'TestValidateCORSPolicy/bad max age' },
  { name: 'CORS empty origin matches', spec: cors({ allowOrigins: [{ exact: '' }, { prefix: '' }, { regex: '' }] }), expect: 'error', istio: 'TestValidateCORSPolicy/empty matchType AllowOrigins' },
  { name: 'CORS origin matches', spec: cors({ allowOrigins: [{ exact: 'exact' }, { prefix: 'prefix' }, { regex: 'regex' }] }), expect: 'valid', istio: 'TestValidateCORSPolicy/non empty matchType AllowOrigins' },
  { name: 'rewrite uri and authority', spec: rewrite({ uri: '/path/to/resource', authority: 'foobar.org' }), expect: 'valid', istio: 'TestValidateHTTPRewrite/uri and authority' },
  { name: 'rewrite uri', spec: rewrite({ uri: '/path/to/resource' }), expect: 'valid', istio: 'TestValidateHTTPRewrite/uri' },
  { name: 'rewrite authority', spec: rewrite({ authority: 'foobar.org' }), expect: 'valid', istio: 'TestValidateHTTPRewrite/authority' },
  { name: 'regex rewrite', spec: rewrite({ uriRegexRewrite: regexRewrite }), expect: 'valid', istio: 'TestValidateHTTPRewrite/uriRegexRewrite' },
  { name: 'regex rewrite and authority', spec: rewrite({ authority: 'foobar.org', uriRegexRewrite: regexRewrite }), expect: 'valid', istio: 'TestValidateHTTPRewrite/uriRegexRewrite and authority' },
  { name: 'regex rewrite and uri', spec: rewrite({ uri: '/path/to/resource', uriRegexRewrite: regexRewrite }), expect: 'error', istio: 'TestValidateHTTPRewrite/uriRegexRewrite and uri' },
  { name: 'empty rewrite', spec: rewrite({}), expect: 'error', istio: 'TestValidateHTTPRewrite/no uri, uriRegexRewrite, or authority' },
  { name: 'regex rewrite without match', spec: rewrite({ uriRegexRewrite: { rewrite: '\\2/instance/\\1' } }), expect: 'error', istio: 'TestValidateUriRegexRewrite/uriRegexRewrite missing match' },
  { name: 'regex rewrite without rewrite', spec: rewrite({ uriRegexRewrite: { match: '^/service/([^/]+)(/.*)$' } }), expect: 'error', istio: 'TestValidateUriRegexRewrite/uriRegexRewrite missing rewrite' },
  { name: 'regex rewrite with "["', spec: rewrite({ uriRegexRewrite: { match: '[', rewrite: '[' } }), expect: 'error', istio: 'TestValidateUriRegexRewrite/uriRegexRewrite invalid regex patterns' },
  { name: 'redirect without uri or authority', spec: redirect({ uri: '', authority: '' }), expect: 'error', istio: 'TestValidateHTTPRedirect/empty uri and authority' },
  { name: 'redirect code 299', spec: redirect({ uri: 't', redirectCode: 299 }), expect: 'error', istio: 'TestValidateHTTPRedirect/too small redirect code' },
  { name: 'redirect code 400', spec: redirect({ uri: 't', redirectCode: 400 }), expect: 'error', istio: 'TestValidateHTTPRedirect/too large redirect code' },
  { name: 'redirect uri only', spec: redirect({ uri: 't', authority: '' }), expect: 'valid', istio: 'TestValidateHTTPRedirect/empty authority' },
  { name: 'redirect authority only', spec: redirect({ uri: '', authority: 't' }), expect: 'valid', istio: 'TestValidateHTTPRedirect/empty uri' },
  { name: 'redirect code 0', spec: redirect({ uri: 't', authority: 't', redirectCode: 0 }), expect: 'valid', istio: 'TestValidateHTTPRedirect/empty redirect code' },
  { name: 'redirect code 308', spec: redirect({ uri: 't', authority: 't', redirectCode: 308 }), expect: 'valid', istio: 'TestValidateHTTPRedirect/normal redirect' },
  { name: 'redirect prefixRewrite', spec: redirect({ prefixRewrite: '/bar' }), expect: 'valid', istio: 'TestValidateHTTPRedirect/prefix_rewrite alone' },
  { name: 'redirect prefixRewrite and authority', spec: redirect({ authority: 'foo.example.com', prefixRewrite: '/' }), expect: 'valid', istio: 'TestValidateHTTPRedirect/prefix_rewrite with authority' },
  { name: 'redirect uri and prefixRewrite', spec: redirect({ uri: '/old', prefixRewrite: '/new' }), expect: 'error', istio: 'TestValidateHTTPRedirect/uri and prefix_rewrite mutually exclusive' },
  { name: 'direct response 200', spec: direct({ status: 200 }), expect: 'valid', istio: 'TestValidateHTTPDirectResponse/status 200' },
  { name: 'direct response 199', spec: direct({ status: 199 }), expect: 'error', istio: 'TestValidateHTTPDirectResponse/status 100' },
  { name: 'direct response 601', spec: direct({ status: 601 }), expect: 'error', istio: 'TestValidateHTTPDirectResponse/status 600' },
  { name: 'direct response string body', spec: direct({ status: 200, body: { string: 'hello' } }), expect: 'valid', istio: 'TestValidateHTTPDirectResponse/with string body' },
  { name: 'direct response string body of 101 KiB', spec: direct({ status: 200, body: { string: 'a'.repeat(101 * KB) } }), expect: 'warning', istio: 'TestValidateHTTPDirectResponse/with string body over 100kb' },
  { name: 'direct response string body of 2 MiB', spec: direct({ status: 200, body: { string: 'a'.repeat(2 * KB * KB) } }), expect: 'error', istio: 'TestValidateHTTPDirectResponse/with string body over 1mb' },
  { name: 'direct response bytes body', spec: direct({ status: 200, body: { bytes: Buffer.from('hello').toString('base64') } }), expect: 'valid', istio: 'TestValidateHTTPDirectResponse/with bytes body' },
  { name: 'direct response bytes body over 100 KiB', spec: direct({ status: 200, body: { bytes: Buffer.alloc(100 * KB + 1, 'a').toString('base64') } }), expect: 'warning', istio: 'TestValidateHTTPDirectResponse/with bytes body over 100kb' },
  { name: 'direct response bytes body over 1 MiB', spec: direct({ status: 200, body: { bytes: Buffer.alloc(KB * KB + 1, 'a').toString('base64') } }), expect: 'error', istio: 'TestValidateHTTPDirectResponse/with bytes body over 1mb' },
  { name: 'destination with subset and port', spec: rule({ route: [to('foo.bar', { subset: 'shiny', port: { number: 5000 } })] }), expect: 'valid', istio: 'TestValidateDestination/full' },
  { name: 'destination with an empty port', spec: rule({ route: [to('foo.bar', { subset: 'shiny', port: {} })] }), expect: 'error', istio: 'TestValidateDestination/unnumbered-selector' },
].map((c) => ({ kind: VS, ...c }) as IstioValidationCase);

const WE = 'networking.istio.io/WorkloadEntry';
const WG = 'networking.istio.io/WorkloadGroup';
const PC = 'networking.istio.io/ProxyConfig';
const WP = 'extensions.istio.io/WasmPlugin';
const probe = (p: Record<string, unknown>) => ({ template: {}, probe: p });
const plugin = (more: Record<string, unknown>) => ({ url: 'http://test.com/test', ...more });
const W = 'TestValidateWasmPlugin/';

const workloads: IstioValidationCase[] = [
  { kind: WE, name: 'an IP address', spec: { address: '1.2.3.4' }, expect: 'valid', istio: 'TestValidateWorkloadEntry/valid' },
  { kind: WE, name: 'no address', spec: {}, expect: 'error', istio: 'TestValidateWorkloadEntry/missing address' },
  { kind: WE, name: 'a network, no address', spec: { network: 'network-2' }, expect: 'warning', istio: 'TestValidateWorkloadEntry/missing address with network' },
  { kind: WE, name: 'a unix socket', spec: { address: 'unix:///lon/google/com' }, expect: 'valid', istio: 'TestValidateWorkloadEntry/valid unix endpoint' },
  { kind: WE, name: 'a unix socket with ports', spec: { address: 'unix:///lon/google/com', ports: { 7777: 7777 } }, expect: 'error', istio: 'TestValidateWorkloadEntry/invalid unix endpoint' },
  { kind: WE, name: 'a DNS name with ports', spec: { address: 'validdns.com', ports: { 7777: 7777 } }, expect: 'valid', istio: 'TestValidateWorkloadEntry/valid FQDN' },
  { kind: WE, name: 'a DNS name with a port suffix', spec: { address: 'invaliddns.com:9443', ports: { 7777: 7777 } }, expect: 'error', istio: 'TestValidateWorkloadEntry/invalid FQDN' },
  { kind: WE, name: 'an IP with ports', spec: { address: '172.16.1.1', ports: { 7777: 7777 } }, expect: 'valid', istio: 'TestValidateWorkloadEntry/valid IP' },
  { kind: WG, name: 'an empty template', spec: { template: {} }, expect: 'valid', istio: 'TestValidateWorkloadGroup/valid' },
  { kind: WG, name: 'label "." = "~"', spec: { template: {}, metadata: { labels: { '.': '~' } } }, expect: 'error', istio: 'TestValidateWorkloadGroup/invalid' },
  { kind: WG, name: 'probe without method', spec: probe({}), expect: 'error', istio: 'TestValidateWorkloadGroup/probe missing method' },
  { kind: WG, name: 'probe httpGet null', spec: probe({ httpGet: null }), expect: 'error', istio: 'TestValidateWorkloadGroup/probe nil' },
  { kind: WG, name: 'probe httpGet empty', spec: probe({ httpGet: {} }), expect: 'error', istio: 'TestValidateWorkloadGroup/probe http empty' },
  { kind: WG, name: 'probe httpGet port 5', spec: probe({ httpGet: { port: 5 } }), expect: 'valid', istio: 'TestValidateWorkloadGroup/probe http valid' },
  { kind: WG, name: 'probe tcpSocket empty', spec: probe({ tcpSocket: {} }), expect: 'error', istio: 'TestValidateWorkloadGroup/probe tcp invalid' },
  { kind: WG, name: 'probe tcpSocket port 5', spec: probe({ tcpSocket: { port: 5 } }), expect: 'valid', istio: 'TestValidateWorkloadGroup/probe tcp valid' },
  { kind: WG, name: 'probe exec empty', spec: probe({ exec: {} }), expect: 'error', istio: 'TestValidateWorkloadGroup/probe exec invalid' },
  { kind: WG, name: 'probe exec command', spec: probe({ exec: { command: ['foo', 'bar'] } }), expect: 'valid', istio: 'TestValidateWorkloadGroup/probe exec valid' },
  { kind: PC, name: 'empty', spec: {}, expect: 'valid', istio: 'TestValidateProxyConfig/empty' },
  { kind: PC, name: 'concurrency -1', spec: { concurrency: -1 }, expect: 'error', istio: 'TestValidateProxyConfig/invalid concurrency' },
  { kind: WP, name: 'no url', spec: {}, expect: 'error', istio: `${W}empty` },
  { kind: WP, name: 'ftp url', spec: { url: 'ftp://test.com/test' }, expect: 'error', istio: `${W}wrong scheme` },
  { kind: WP, name: 'http url', spec: plugin({}), expect: 'valid', istio: `${W}valid http` },
  { kind: WP, name: 'http url with sha256', spec: plugin({ sha256: '01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b' }), expect: 'valid', istio: `${W}valid http w/ sha` },
  { kind: WP, name: 'short sha256', spec: plugin({ sha256: '01ba47' }), expect: 'error', istio: `${W}short sha` },
  { kind: WP, name: 'sha256 "test"', spec: plugin({ sha256: 'test' }), expect: 'error', istio: `${W}invalid sha` },
  { kind: WP, name: 'sha256 with a capital', spec: plugin({ sha256: '01Ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b' }), expect: 'error', istio: `${W}invalid sha characters` },
  { kind: WP, name: 'oci url', spec: { url: 'oci://test.com/test' }, expect: 'valid', istio: `${W}valid oci` },
  { kind: WP, name: 'url without scheme', spec: { url: 'test.com/test' }, expect: 'valid', istio: `${W}valid oci no scheme` },
  { kind: WP, name: 'env without name', spec: { url: 'test.com/test', vmConfig: { env: [{ name: '', valueFrom: 'HOST' }] } }, expect: 'error', istio: `${W}invalid vm config - invalid env name` },
  { kind: WP, name: 'env named twice', spec: { url: 'test.com/test', vmConfig: { env: [{ name: 'ENV1', value: 'VAL1' }, { name: 'ENV1', value: 'VAL1' }] } }, expect: 'error', istio: `${W}invalid vm config - duplicate env` },
  { kind: WP, name: 'targetRef to a Gateway', spec: plugin({ targetRef: gatewayRef }), expect: 'valid', istio: `${W}target-ref-good` },
  { kind: WP, name: 'targetRef to a Service', spec: plugin({ targetRef: { group: '', kind: 'Service', name: 'foo' } }), expect: 'valid', istio: `${W}target-ref-good-service` },
  { kind: WP, name: 'targetRef with a namespace', spec: plugin({ targetRef: { ...gatewayRef, namespace: 'bar' } }), expect: 'error', istio: `${W}target-ref-non-empty-namespace` },
  { kind: WP, name: 'targetRef without name', spec: plugin({ targetRef: { ...gatewayRef, name: '' } }), expect: 'error', istio: `${W}target-ref-empty-name` },
  { kind: WP, name: 'targetRef to another group', spec: plugin({ targetRef: { ...gatewayRef, group: 'wrong-group' } }), expect: 'error', istio: `${W}target-ref-wrong-group` },
  { kind: WP, name: 'targetRef to another kind', spec: plugin({ targetRef: { ...gatewayRef, kind: 'wrong-kind' } }), expect: 'error', istio: `${W}target-ref-wrong-kind` },
  { kind: WP, name: 'targetRef and selector', spec: plugin({ targetRef: gatewayRef, selector: httpbin }), expect: 'error', istio: `${W}target-ref-and-selector-cannot-both-be-set` },
];

const AP = 'security.istio.io/AuthorizationPolicy';
const A = 'TestValidateAuthorizationPolicy/';
const httpbinV1 = { matchLabels: { app: 'httpbin', version: 'v1' } };
const from = (source: Record<string, unknown>) => ({ rules: [{ from: [{ source }] }] });
const op = (operation: Record<string, unknown>) => ({ rules: [{ to: [{ operation }] }] });
const when = (condition: Record<string, unknown>) => ({ rules: [{ when: [condition] }] });
const denyTemp = (more: Record<string, unknown>) => ({ action: 'DENY', rules: [{ from: [{ source: { principals: ['temp'] } }], to: [{ operation: { ports: ['8080'], methods: ['GET', 'DELETE'] } }] }], ...more });
const emptyEntry = (field: string, values: string[], side: 'from' | 'to') => ({
  name: `${field} with an empty entry`,
  spec: side === 'from' ? from({ [field]: values }) : op({ [field]: values }),
  expect: 'error' as const,
  istio: `${A}${field.charAt(0).toUpperCase()}${field.slice(1)}-empty`,
});

const authorizationPolicies: IstioValidationCase[] = [
  { name: 'principals, methods and conditions', spec: { selector: httpbinV1, rules: [{ from: [{ source: { principals: ['sa1'] } }, { source: { principals: ['sa2'] } }], to: [{ operation: { methods: ['GET'] } }, { operation: { methods: ['POST'] } }], when: [{ key: 'source.ip', values: ['1.2.3.4', '5.6.7.0/24'] }, { key: 'request.headers[:authority]', values: ['v1', 'v2'] }] }] }, expect: 'valid', istio: `${A}good` },
  { name: 'service accounts', spec: { selector: httpbinV1, rules: [{ from: [{ source: { serviceAccounts: ['ns1/sa1', 'ns2/sa2'] } }, { source: { principals: ['sa2'] } }] }] }, expect: 'valid', istio: `${A}good serviceAccounts` },
  { name: 'service accounts with namespaces', spec: { selector: httpbinV1, ...from({ serviceAccounts: ['ns1/sa1', 'ns2/sa2'], namespaces: ['ns'] }) }, expect: 'error', istio: `${A}serviceAccounts and namespaces` },
  { name: 'CUSTOM with a provider', spec: { action: 'CUSTOM', provider: { name: 'my-custom-authz' }, rules: [{}] }, expect: 'valid', istio: `${A}custom-good` },
  { name: 'CUSTOM with an unnamed provider', spec: { action: 'CUSTOM', provider: { name: '' }, rules: [{}] }, expect: 'error', istio: `${A}custom-empty-provider` },
  { name: 'CUSTOM without provider', spec: { action: 'CUSTOM', rules: [{}] }, expect: 'error', istio: `${A}custom-nil-provider` },
  { name: 'ALLOW with a provider', spec: { action: 'ALLOW', provider: { name: '' }, rules: [{}] }, expect: 'error', istio: `${A}provider-wrong-action` },
  { name: 'ALLOW without rules', spec: { action: 'ALLOW' }, expect: 'valid', istio: `${A}allow-rules-nil` },
  { name: 'dry-run true on ALLOW', annotations: { 'istio.io/dry-run': 'true' }, spec: { action: 'ALLOW' }, expect: 'valid', istio: `${A}dry-run-valid-allow` },
  { name: 'dry-run false on DENY', annotations: { 'istio.io/dry-run': 'false' }, spec: { action: 'DENY', rules: [{}] }, expect: 'valid', istio: `${A}dry-run-valid-deny` },
  { name: 'dry-run foo', annotations: { 'istio.io/dry-run': 'foo' }, spec: { action: 'ALLOW' }, expect: 'error', istio: `${A}dry-run-invalid-value` },
  { name: 'dry-run on CUSTOM', annotations: { 'istio.io/dry-run': 'true' }, spec: { action: 'CUSTOM' }, expect: 'error', istio: `${A}dry-run-invalid-action-custom` },
  { name: 'dry-run on AUDIT', annotations: { 'istio.io/dry-run': 'true' }, spec: { action: 'AUDIT' }, expect: 'error', istio: `${A}dry-run-invalid-action-audit` },
  { name: 'DENY without rules', spec: { action: 'DENY' }, expect: 'error', istio: `${A}deny-rules-nil` },
  { name: 'selector with an empty value', spec: { selector: { matchLabels: { app: '', version: 'v1' } } }, expect: 'valid', istio: `${A}selector-empty-value` },
  { name: 'selector with an empty key', spec: { selector: { matchLabels: { 'app': 'httpbin', '': 'v1' } } }, expect: 'error', istio: `${A}selector-empty-key` },
  { name: 'selector without labels', spec: { selector: {} }, expect: 'warning', istio: `${A}selector-empty-labels` },
  { name: 'selector value with *', spec: { selector: { matchLabels: { app: 'httpbin-*' } } }, expect: 'error', istio: `${A}selector-wildcard-value` },
  { name: 'selector key with *', spec: { selector: { matchLabels: { 'app-*': 'httpbin' } } }, expect: 'error', istio: `${A}selector-wildcard-key` },
  { name: 'DENY on a Gateway targetRef', spec: denyTemp({ targetRef: gatewayRef }), expect: 'valid', istio: `${A}target-ref-good` },
  { name: 'DENY on Gateway targetRefs', spec: denyTemp({ targetRefs: [gatewayRef] }), expect: 'valid', istio: `${A}target-refs-good` },
  { name: 'DENY on Service targetRefs', spec: denyTemp({ targetRefs: [{ group: '', kind: 'Service', name: 'foo' }] }), expect: 'valid', istio: `${A}target-refs-good-service` },
  { name: 'targetRef with a namespace', spec: denyTemp({ targetRef: { ...gatewayRef, namespace: 'bar' } }), expect: 'error', istio: `${A}target-ref-non-empty-namespace` },
  { name: 'targetRef without name', spec: denyTemp({ targetRef: { ...gatewayRef, name: '' } }), expect: 'error', istio: `${A}target-ref-empty-name` },
  { name: 'targetRef to another group', spec: denyTemp({ targetRef: { ...gatewayRef, group: 'wrong-group' } }), expect: 'error', istio: `${A}target-ref-wrong-group` },
  { name: 'targetRef to another kind', spec: denyTemp({ targetRef: { ...gatewayRef, kind: 'wrong-kind' } }), expect: 'error', istio: `${A}target-ref-wrong-kind` },
  { name: 'targetRef and selector', spec: denyTemp({ targetRef: gatewayRef, selector: httpbin }), expect: 'error', istio: `${A}target-ref-and-selector-cannot-both-be-set` },
  { name: 'targetRefs and selector', spec: denyTemp({ targetRefs: [gatewayRef], selector: httpbin }), expect: 'error', istio: `${A}target-refs-and-selector-cannot-both-be-set` },
  { name: 'empty from', spec: { rules: [{ from: [] }] }, expect: 'error', istio: `${A}from-empty` },
  { name: 'from entry without source', spec: { rules: [{ from: [{}] }] }, expect: 'error', istio: `${A}source-nil` },
  { name: 'empty source', spec: from({}), expect: 'error', istio: `${A}source-empty` },
  { name: 'empty to', spec: { rules: [{ to: [] }] }, expect: 'error', istio: `${A}to-empty` },
  { name: 'to entry without operation', spec: { rules: [{ to: [{}] }] }, expect: 'error', istio: `${A}operation-nil` },
  { name: 'empty operation', spec: op({}), expect: 'error', istio: `${A}operation-empty` },
  ...[['principals', ['p1', '']], ['notPrincipals', ['p1', '']], ['requestPrincipals', ['p1', '']], ['notRequestPrincipals', ['p1', '']], ['namespaces', ['ns', '']], ['serviceAccounts', ['ns/sa', '']], ['notNamespaces', ['ns', '']], ['ipBlocks', ['1.2.3.4', '']], ['notIpBlocks', ['1.2.3.4', '']], ['remoteIpBlocks', ['1.2.3.4', '']], ['notRemoteIpBlocks', ['1.2.3.4', '']]]
    .map(([field, values]) => emptyEntry(field as string, values as string[], 'from')),
  ...[['hosts', ['host', '']], ['notHosts', ['host', '']], ['ports', ['80', '']], ['notPorts', ['80', '']], ['methods', ['GET', '']], ['notMethods', ['GET', '']], ['paths', ['/path', '']], ['notPaths', ['/path', '']]]
    .map(([field, values]) => emptyEntry(field as string, values as string[], 'to')),
  { name: 'condition with an empty value', spec: when({ key: 'request.headers[:authority]', values: ['v1', ''] }), expect: 'error', istio: `${A}value-empty` },
  { name: 'bad IPs and ports', spec: { rules: [{ from: [{ source: { ipBlocks: ['1.2.3.4', 'ip1'], notIpBlocks: ['5.6.7.8', 'ip2'] } }], to: [{ operation: { ports: ['80', 'port1'], notPorts: ['90', 'port2'] } }] }] }, expect: 'error', istio: `${A}invalid ip and port in ipBlocks` },
  { name: 'bad remote IPs and ports', spec: { rules: [{ from: [{ source: { remoteIpBlocks: ['1.2.3.4', 'ip1'], notRemoteIpBlocks: ['5.6.7.8', 'ip2'] } }], to: [{ operation: { ports: ['80', 'port1'], notPorts: ['90', 'port2'] } }] }] }, expect: 'error', istio: `${A}invalid ip and port in remoteIpBlocks` },
  { name: 'condition without key', spec: { selector: httpbin, ...when({ values: ['v1', 'v2'] }) }, expect: 'error', istio: `${A}condition-key-missing` },
  { name: 'condition with an empty key', spec: { selector: httpbin, ...when({ key: '', values: ['v1', 'v2'] }) }, expect: 'error', istio: `${A}condition-key-empty` },
  { name: 'condition without values', spec: { selector: httpbin, ...when({ key: 'source.principal' }) }, expect: 'error', istio: `${A}condition-value-missing` },
  { name: 'source.ip a.b.c.d', spec: when({ key: 'source.ip', values: ['a.b.c.d'] }), expect: 'error', istio: `${A}condition-value-invalid` },
  { name: 'source.ip notValues a.b.c.d', spec: when({ key: 'source.ip', notValues: ['a.b.c.d'] }), expect: 'error', istio: `${A}condition-notValue-invalid` },
  { name: 'unknown condition key', spec: { selector: httpbin, ...when({ key: 'key1', values: ['v1'] }) }, expect: 'error', istio: `${A}condition-unknown` },
  { name: 'DENY on request principals only', spec: { action: 'DENY', selector: httpbin, ...from({ requestPrincipals: ['example.com/sub-1'] }) }, expect: 'warning', istio: `${A}L7DenyWithFrom` },
  { name: 'DENY on methods only', spec: { action: 'DENY', selector: httpbin, ...op({ methods: ['GET', 'DELETE'] }) }, expect: 'warning', istio: `${A}L7DenyWithTo` },
  { name: 'DENY on principal and methods', spec: { action: 'DENY', selector: httpbin, rules: [{ from: [{ source: { principals: ['temp'] } }], to: [{ operation: { methods: ['GET', 'DELETE'] } }] }] }, expect: 'warning', istio: `${A}L7DenyWithFromAndTo` },
  { name: 'DENY on principal, port and methods', spec: { ...denyTemp({}), selector: httpbin }, expect: 'valid', istio: `${A}L7DenyWithFromAndToWithPort` },
].map((c) => ({ kind: AP, ...c }) as IstioValidationCase);

const RA = 'security.istio.io/RequestAuthentication';
const Q = 'TestValidateRequestAuthentication/';
const fooJwt = { issuer: 'foo.com', jwksUri: 'https://foo.com/cert' };
const jwt = (jwtRule: Record<string, unknown>) => ({ jwtRules: [{ issuer: 'foo.com', jwksUri: 'https://foo.com', ...jwtRule }] });

const requestAuthentications: IstioValidationCase[] = [
  { name: 'empty, named default', objectName: 'default', spec: {}, expect: 'valid', istio: `${Q}empty spec` },
  { name: 'selector without labels', objectName: 'default', spec: { selector: {} }, expect: 'warning', istio: `${Q}another empty spec` },
  { name: 'empty, another name', spec: {}, expect: 'valid', istio: `${Q}empty spec with non default name` },
  { name: 'dry-run annotation', annotations: { 'istio.io/dry-run': 'true' }, spec: {}, expect: 'error', istio: `${Q}dry run annotation not supported` },
  { name: 'default name with a selector', objectName: 'default', spec: { selector: httpbin }, expect: 'valid', istio: `${Q}default name with non empty selector` },
  { name: 'empty JWT rule', objectName: 'foo', spec: { jwtRules: [{}] }, expect: 'error', istio: `${Q}empty jwt rule` },
  { name: 'empty issuer, no jwksUri', objectName: 'foo', spec: { jwtRules: [{ issuer: '' }] }, expect: 'error', istio: `${Q}empty issuer and jwksUri` },
  { name: 'empty issuer with jwksUri', objectName: 'foo', spec: { jwtRules: [{ issuer: '', jwksUri: 'https://foo.com/cert' }] }, expect: 'valid', istio: `${Q}empty issuer and set jwksUri` },
  { name: 'jwksUri without scheme', objectName: 'foo', spec: { jwtRules: [{ issuer: 'foo.com', jwksUri: 'foo.com' }] }, expect: 'error', istio: `${Q}bad JwksUri - no protocol` },
  { name: 'jwksUri with a bad port', objectName: 'foo', spec: { jwtRules: [{ issuer: 'foo.com', jwksUri: 'https://foo.com:not-a-number' }] }, expect: 'error', istio: `${Q}bad JwksUri - invalid port` },
  { name: 'selector with an empty value', objectName: 'foo', spec: { selector: { matchLabels: { app: 'httpbin', version: '' } }, jwtRules: [fooJwt] }, expect: 'valid', istio: `${Q}empty value` },
  { name: 'selector with an empty key', objectName: 'foo', spec: { selector: { matchLabels: { 'app': 'httpbin', '': 'v1' } }, jwtRules: [fooJwt] }, expect: 'error', istio: `${Q}bad workload selector - empty key` },
  { name: 'targetRef to a Gateway', objectName: 'foo', spec: { targetRef: gatewayRef, jwtRules: [fooJwt] }, expect: 'valid', istio: `${Q}good targetRef` },
  { name: 'targetRef without name', objectName: 'foo', spec: { targetRef: { ...gatewayRef, name: '' }, jwtRules: [fooJwt] }, expect: 'error', istio: `${Q}bad targetRef - empty name` },
  { name: 'targetRef with a namespace', objectName: 'foo', spec: { targetRef: { ...gatewayRef, namespace: 'bar' }, jwtRules: [fooJwt] }, expect: 'error', istio: `${Q}bad targetRef - non-empty namespace` },
  { name: 'targetRef to another group', objectName: 'foo', spec: { targetRef: { ...gatewayRef, group: 'wrong-group' }, jwtRules: [fooJwt] }, expect: 'error', istio: `${Q}bad targetRef - wrong group` },
  { name: 'targetRef to another kind', objectName: 'foo', spec: { targetRef: { ...gatewayRef, kind: 'wrong-kind' }, jwtRules: [fooJwt] }, expect: 'error', istio: `${Q}bad targetRef - wrong kind` },
  { name: 'targetRef and selector', objectName: 'foo', spec: { targetRef: gatewayRef, jwtRules: [fooJwt], selector: httpbin }, expect: 'error', istio: `${Q}targetRef and selector cannot both be set` },
  { name: 'header location without name', objectName: 'default', spec: jwt({ fromHeaders: [{ name: '', prefix: 'Bearer ' }] }), expect: 'error', istio: `${Q}bad header location` },
  { name: 'empty query parameter', objectName: 'default', spec: jwt({ fromParams: [''] }), expect: 'error', istio: `${Q}bad param location` },
  { name: 'header location x-foo', objectName: 'default', spec: jwt({ fromHeaders: [{ name: 'x-foo', prefix: 'Bearer ' }] }), expect: 'valid', istio: `${Q}good` },
  { name: 'empty cookie name', objectName: 'default', spec: jwt({ fromCookies: ['', 'foo'] }), expect: 'error', istio: `${Q}bad cookie location` },
  { name: 'inline JWKS "foo"', objectName: 'default', spec: { jwtRules: [{ issuer: 'foo.com', jwks: 'foo', fromHeaders: [{ name: 'x-foo', prefix: 'Bearer ' }] }] }, expect: 'error', istio: `${Q}jwks error` },
  { name: 'empty claim-to-header entry', objectName: 'default', spec: jwt({ outputClaimToHeaders: [{}] }), expect: 'error', istio: `${Q}null outputClaimToHeader` },
  { name: 'claim-to-header without claim', objectName: 'default', spec: jwt({ outputClaimToHeaders: [{ header: 'x-jwt-claim', claim: '' }] }), expect: 'error', istio: `${Q}null claim value in outputClaimToHeader ` },
  { name: 'claim-to-header without header', objectName: 'default', spec: jwt({ outputClaimToHeaders: [{ header: '', claim: 'sub' }] }), expect: 'error', istio: `${Q}null header value in outputClaimToHeader ` },
  { name: 'claim-to-header header abc%123', objectName: 'default', spec: jwt({ outputClaimToHeaders: [{ header: 'abc%123', claim: 'sub' }] }), expect: 'error', istio: `${Q}invalid header value in outputClaimToHeader ` },
].map((c) => ({ kind: RA, ...c }) as IstioValidationCase);

const SC = 'networking.istio.io/Sidecar';
const C = 'TestValidateSidecar/';
const egress = (...hosts: string[]) => ({ egress: [{ hosts }] });
const all = [{ hosts: ['*/*'] }];
const inPort = { protocol: 'http', number: 90, name: 'foo' };
const inbound = (listener: Record<string, unknown>, withEgress = true) => ({
  ingress: [{ port: inPort, ...listener }], ...(withEgress ? { egress: all } : {}),
});
const udsOut = (more: Record<string, unknown>) => ({ port: { protocol: 'http', number: 0, name: 'uds' }, hosts: ['ns1/bar.com'], ...more });
const inboundTls = (v6: boolean, protocol: string, tls: Record<string, unknown>) => ({ ingress: [{ port: { ...inPort, protocol }, defaultEndpoint: v6 ? '[::1]:9999' : '127.0.0.1:9999', tls }] });
const httpPool = { http: { http1MaxPendingRequests: 1024, http2MaxRequests: 1024, maxRequestsPerConnection: 1024, maxRetries: 1024 } };
const proxy = (more: Record<string, unknown>) => ({ egress: all, outboundTrafficPolicy: more });
const ipv = (v6: boolean) => (v6 ? 'IPv6' : 'IPv4');

const sidecars: IstioValidationCase[] = [
  { name: 'empty', spec: {}, expect: 'error', istio: `${C}empty ingress and egress` },
  { name: 'egress */*', spec: egress('*/*'), expect: 'valid', istio: `${C}default` },
  { name: 'selector without labels', spec: { ...egress('*/*'), workloadSelector: {} }, expect: 'warning', istio: `${C}workload selector without labels` },
  { name: 'egress ./*', spec: egress('./*'), expect: 'valid', istio: `${C}import local namespace with wildcard` },
  { name: 'egress ./foo.com', spec: egress('./foo.com'), expect: 'valid', istio: `${C}import local namespace with fqdn` },
  { name: 'egress ~/*', spec: egress('~/*'), expect: 'valid', istio: `${C}import nothing` },
  { name: 'egress */* but ~ns1/*', spec: egress('*/*', '~ns1/*'), expect: 'valid', istio: `${C}import all except a namespace` },
  { name: 'egress */* but ~/foo.com', spec: egress('*/*', '~/foo.com'), expect: 'valid', istio: `${C}import all except an exact host` },
  { name: 'egress */* but ~Invalid_NS/*', spec: egress('*/*', '~Invalid_NS/*'), expect: 'error', istio: `${C}exclude with invalid namespace` },
  { name: 'egress host *', spec: egress('*'), expect: 'error', istio: `${C}bad egress host 1` },
  { name: 'egress host /', spec: egress('/'), expect: 'error', istio: `${C}bad egress host 2` },
  { name: 'egress without hosts', spec: { egress: [{ hosts: [] }] }, expect: 'error', istio: `${C}empty egress host` },
  { name: 'two port-less egress listeners', spec: { egress: [{ hosts: ['*/foo.com'] }, { hosts: ['ns1/bar.com'] }] }, expect: 'error', istio: `${C}multiple wildcard egress` },
  { name: 'port-less egress listener first', spec: { egress: [{ hosts: ['*/foo.com'] }, { port: { protocol: 'http', number: 8080, name: 'h8080' }, hosts: ['ns1/bar.com'] }] }, expect: 'error', istio: `${C}wildcard egress not in end` },
  { name: 'egress port 1000000, protocol http1', spec: { egress: [{ port: { protocol: 'http1', number: 1000000, name: '' }, hosts: ['ns1/bar.com'] }] }, expect: 'error', istio: `${C}invalid Port` },
  { name: 'egress port without name', spec: { egress: [{ port: { protocol: 'http', number: 8080 }, hosts: ['ns1/bar.com'] }] }, expect: 'valid', istio: `${C}Port without name` },
  { name: 'egress bound to an abstract socket', spec: { egress: [udsOut({ bind: 'unix:///@foo/bar/com' })] }, expect: 'valid', istio: `${C}UDS bind in outbound` },
  { name: 'ingress bound to a socket', spec: { ingress: [{ port: { protocol: 'http', number: 0, name: 'uds' }, bind: 'unix:///@foo/bar/com', defaultEndpoint: '127.0.0.1:9999' }] }, expect: 'error', istio: `${C}UDS bind in inbound` },
  { name: 'egress bound to a socket path', spec: { egress: [udsOut({ bind: 'unix:///foo/bar/com' })] }, expect: 'valid', istio: `${C}UDS bind in outbound 2` },
  { name: 'egress bind foobar://', spec: { egress: [udsOut({ bind: 'foobar:///@foo/bar/com' })] }, expect: 'error', istio: `${C}invalid bind` },
  { name: 'socket bind with IPTABLES capture', spec: { egress: [udsOut({ bind: 'unix:///@foo/bar/com', captureMode: 'IPTABLES' })] }, expect: 'error', istio: `${C}invalid capture mode with uds bind` },
  { name: 'one socket bound twice', spec: { egress: [udsOut({ bind: 'unix:///@foo/bar/com' }), udsOut({ bind: 'unix:///@foo/bar/com' })] }, expect: 'error', istio: `${C}duplicate UDS bind` },
  { name: 'two egress listeners on port 90', spec: { egress: [{ port: { protocol: 'http', number: 90, name: 'foo' }, hosts: ['ns1/bar.com'] }, { port: { protocol: 'tcp', number: 90, name: 'tcp' }, hosts: ['ns2/bar.com'] }] }, expect: 'error', istio: `${C}duplicate ports` },
  ...[false, true].flatMap((v6): IstioValidationCase[] => {
    const at = (port: number | string) => (v6 ? `[::1]:${port}` : `127.0.0.1:${port}`);
    const sfx = v6 ? ' and IPv6 endpoint' : '';
    return [
      { kind: SC, name: `ingress without port (${ipv(v6)})`, spec: { ingress: [{ defaultEndpoint: at(110) }], egress: all }, expect: 'error', istio: `${C}ingress without port${v6 ? ' and with IPv6 endpoint' : ''}` },
      { kind: SC, name: `two ingress listeners on port 90 (${ipv(v6)})`, spec: { ingress: [{ port: inPort, defaultEndpoint: at(110) }, { port: { protocol: 'tcp', number: 90, name: 'bar' }, defaultEndpoint: at(110) }], egress: all }, expect: 'error', istio: `${C}ingress with duplicate ports${sfx}` },
      { kind: SC, name: `ingress endpoint port "hi" (${ipv(v6)})`, spec: inbound({ defaultEndpoint: at('hi') }), expect: 'error', istio: `${C}ingress with invalid default endpoint port in ${ipv(v6)}` },
      { kind: SC, name: `ingress and egress (${ipv(v6)})`, spec: inbound({ defaultEndpoint: at(9999) }), expect: 'valid', istio: `${C}valid ingress and egress in ${ipv(v6)}` },
      { kind: SC, name: `ingress only (${ipv(v6)})`, spec: inbound({ defaultEndpoint: at(9999) }, false), expect: 'valid', istio: `${C}valid ingress and empty egress in ${ipv(v6)}` },
      { kind: SC, name: `ingress port without protocol (${ipv(v6)})`, spec: { ingress: [{ port: { number: 90, name: 'foo' }, defaultEndpoint: at(9999) }], egress: all }, expect: 'valid', istio: `${C}empty protocol in ${ipv(v6)}` },
      { kind: SC, name: `ingress ISTIO_MUTUAL (${ipv(v6)})`, spec: inboundTls(v6, 'http', { mode: 'ISTIO_MUTUAL' }), expect: 'error', istio: `${C}ingress tls mode set to ISTIO_MUTUAL in ${ipv(v6)}` },
      { kind: SC, name: `ingress AUTO_PASSTHROUGH (${ipv(v6)})`, spec: inboundTls(v6, 'http', { mode: 'AUTO_PASSTHROUGH' }), expect: 'error', istio: `${C}ingress tls mode set to ISTIO_AUTO_PASSTHROUGH in ${ipv(v6)}` },
      { kind: SC, name: `ingress SIMPLE on tcp (${ipv(v6)})`, spec: inboundTls(v6, 'tcp', { mode: 'SIMPLE' }), expect: 'error', istio: `${C}ingress tls invalid protocol in ${ipv(v6)}` },
      { kind: SC, name: `ingress httpsRedirect (${ipv(v6)})`, spec: inboundTls(v6, 'tcp', { mode: 'SIMPLE', httpsRedirect: true }), expect: 'error', istio: `${C}ingress tls httpRedirect is not supported in ${ipv(v6)}` },
      { kind: SC, name: `ingress SANs (${ipv(v6)})`, spec: inboundTls(v6, 'tcp', { mode: 'SIMPLE', subjectAltNames: ['httpbin.com'] }), expect: 'error', istio: `${C}ingress tls SAN entries are not supported in ${ipv(v6)}` },
      { kind: SC, name: `ingress credentialName (${ipv(v6)})`, spec: inboundTls(v6, 'tcp', { mode: 'SIMPLE', credentialName: 'secret-name' }), expect: 'error', istio: `${C}ingress tls credentialName is not supported in ${ipv(v6)}` },
      { kind: SC, name: `ingress credentialNames (${ipv(v6)})`, spec: inboundTls(v6, 'tcp', { mode: 'SIMPLE', credentialNames: ['secret-name'] }), expect: 'error', istio: `${C}ingress tls credentialNames is not supported in ${ipv(v6)}` },
      { kind: SC, name: `ingress tlsCertificates (${ipv(v6)})`, spec: inboundTls(v6, 'tcp', { mode: 'SIMPLE', tlsCertificates: [{ serverCertificate: '/etc/istio/ingress-certs/tls.crt', privateKey: '/etc/istio/ingress-certs/tls.key' }] }), expect: 'error', istio: `${C}ingress tls tlsCertificates is not supported in ${ipv(v6)}` },
    ];
  }),
  { name: 'ingress without default endpoint', spec: inbound({}), expect: 'valid', istio: `${C}ingress without default endpoint` },
  { name: 'ingress endpoint 1.1.1.1:90', spec: inbound({ defaultEndpoint: '1.1.1.1:90' }, false), expect: 'error', istio: `${C}ingress with invalid default endpoint in IPv4` },
  { name: 'ingress endpoint [1:1:1:1:1:1:1:1]:90', spec: inbound({ defaultEndpoint: '[1:1:1:1:1:1:1:1]:90' }, false), expect: 'error', istio: `${C}ingress with invalid default endpoint in IPv6` },
  { name: 'ingress endpoint unix:///', spec: inbound({ defaultEndpoint: 'unix:///' }), expect: 'error', istio: `${C}ingress with invalid default endpoint uds` },
  { name: 'nothing but an empty object', spec: {}, expect: 'error', istio: `${C}empty` },
  { name: 'only an outbound policy', spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } }, expect: 'valid', istio: `${C}just outbound traffic policy` },
  { name: 'ALLOW_ANY, no egress proxy', spec: proxy({ mode: 'ALLOW_ANY' }), expect: 'valid', istio: `${C}ALLOW_ANY sidecar egress policy with no egress proxy ` },
  { name: 'egress proxy under REGISTRY_ONLY', spec: proxy({ egressProxy: { host: 'foo.bar', subset: 'shiny', port: { number: 5000 } } }), expect: 'error', istio: `${C}sidecar egress proxy with RESGISTRY_ONLY(default)` },
  { name: 'egress proxy under ALLOW_ANY', spec: proxy({ mode: 'ALLOW_ANY', egressProxy: { host: 'foo.bar', subset: 'shiny', port: { number: 5000 } } }), expect: 'valid', istio: `${C}sidecar egress proxy with ALLOW_ANY` },
  { name: 'egress proxy host foobar*123', spec: proxy({ mode: 'ALLOW_ANY', egressProxy: { host: 'foobar*123', subset: 'shiny', port: { number: 5000 } } }), expect: 'error', istio: `${C}sidecar egress proxy with ALLOW_ANY, service hostname invalid fqdn` },
  { name: 'egress proxy without port', spec: proxy({ mode: 'ALLOW_ANY', egressProxy: { host: 'foo.bar', subset: 'shiny' } }), expect: 'error', istio: `${C}sidecar egress proxy(without Port) with ALLOW_ANY` },
  { name: 'egress */* and test/a.com', spec: egress('*/*', 'test/a.com'), expect: 'warning', istio: `${C}sidecar egress only one wildcarded` },
  { name: 'egress */b.com and test/a.com', spec: egress('*/b.com', 'test/a.com'), expect: 'valid', istio: `${C}sidecar egress wildcarded ns` },
  { name: 'egress test/* and test/a.com', spec: egress('test/*', 'test/a.com'), expect: 'warning', istio: `${C}sidecar egress duplicated with wildcarded same namespace` },
  { name: 'egress test/*a.com', spec: egress('test/*a.com'), expect: 'error', istio: `${C}invalid partial wildcard` },
  { name: 'egress ./* and bar/a.com (object in bar)', spec: egress('./*', 'bar/a.com'), expect: 'warning', istio: `${C}sidecar egress duplicated with wildcarded same namespace .` },
  { name: 'inbound connection pool', spec: { inboundConnectionPool: httpPool }, expect: 'valid', istio: `${C}valid inbound connection pool` },
  { name: 'port-level pool with a default', spec: { ingress: [{ port: inPort, connectionPool: httpPool }], inboundConnectionPool: httpPool }, expect: 'valid', istio: `${C}valid port-level connection pool with top level default` },
  { name: 'port-level pool alone', spec: { ingress: [{ port: inPort, connectionPool: httpPool }] }, expect: 'valid', istio: `${C}valid port-level connection pool without a top level default` },
  { name: 'http pool on a tcp port', spec: { ingress: [{ port: { ...inPort, protocol: 'tcp' }, connectionPool: httpPool }] }, expect: 'warning', istio: `${C}warn http connection settings on tcp port` },
  { name: 'empty inbound pool', spec: { inboundConnectionPool: {} }, expect: 'error', istio: `${C}invalid top level connection pool` },
  { name: 'empty port-level pool', spec: { ingress: [{ port: { ...inPort, protocol: 'tcp' }, connectionPool: {} }] }, expect: 'error', istio: `${C}invalid port-level connection pool` },
].map((c) => ({ kind: SC, namespace: 'bar', ...c }) as IstioValidationCase);

const EF = 'networking.istio.io/EnvoyFilter';
const E = 'TestValidateEnvoyFilter/';
const removeWith = (applyTo: string, match: Record<string, unknown>) => ({ configPatches: [{ applyTo, match, patch: { operation: 'REMOVE' } }] });
const chain = (filterChain: Record<string, unknown>) => ({ listener: { filterChain } });
const HCM = 'envoy.filters.network.http_connection_manager';

const envoyFilters: IstioValidationCase[] = [
  { name: 'no patches', spec: {}, expect: 'valid', istio: `${E}empty filters` },
  { name: 'selector without labels', spec: { workloadSelector: {} }, expect: 'warning', istio: `${E}labels not defined in workload selector` },
  { name: 'patch without applyTo', spec: { configPatches: [{ patch: { operation: 'REMOVE' } }] }, expect: 'error', istio: `${E}invalid applyTo` },
  { name: 'patch without patch', spec: { configPatches: [{ applyTo: 'LISTENER' }] }, expect: 'error', istio: `${E}nil patch` },
  { name: 'patch without operation', spec: { configPatches: [{ applyTo: 'LISTENER', patch: {} }] }, expect: 'error', istio: `${E}invalid patch operation` },
  { name: 'ADD without value', spec: { configPatches: [{ applyTo: 'LISTENER', patch: { operation: 'ADD' } }] }, expect: 'error', istio: `${E}nil patch value` },
  { name: 'proxy version regex with ++', spec: removeWith('LISTENER', { proxy: { proxyVersion: '%#@~++==`24c234`' } }), expect: 'error', istio: `${E}match with invalid regex` },
  { name: 'proxy version regex', spec: removeWith('LISTENER', { proxy: { proxyVersion: 'release-1\\.2-23434' } }), expect: 'valid', istio: `${E}match with valid regex` },
  { name: 'proxy version regex over 1024 characters', spec: removeWith('LISTENER', { proxy: { proxyVersion: 'a{100}'.repeat(200) } }), expect: 'warning', istio: `${E}match with proxy version regex too long` },
  { name: 'LISTENER with a cluster match', spec: removeWith('LISTENER', { cluster: {} }), expect: 'error', istio: `${E}listener with invalid match` },
  { name: 'filter match without name', spec: removeWith('NETWORK_FILTER', chain({ sni: '124', filter: {} })), expect: 'error', istio: `${E}listener with invalid filter match` },
  { name: 'sub-filter match on NETWORK_FILTER', spec: removeWith('NETWORK_FILTER', chain({ filter: { name: 'random', subFilter: {} } })), expect: 'error', istio: `${E}listener with sub filter match and invalid applyTo` },
  { name: 'sub-filter match under another filter', spec: removeWith('HTTP_FILTER', chain({ filter: { name: 'random', subFilter: {} } })), expect: 'error', istio: `${E}listener with sub filter match and invalid filter name` },
  { name: 'sub-filter match without name', spec: removeWith('HTTP_FILTER', chain({ filter: { name: HCM, subFilter: {} } })), expect: 'error', istio: `${E}listener with sub filter match and no sub filter name` },
  { name: 'VIRTUAL_HOST with a cluster match', spec: removeWith('VIRTUAL_HOST', { cluster: {} }), expect: 'error', istio: `${E}route configuration with invalid match` },
  { name: 'CLUSTER with a listener match', spec: removeWith('CLUSTER', { listener: {} }), expect: 'error', istio: `${E}cluster with invalid match` },
  { name: 'cluster name false', spec: { configPatches: [{ applyTo: 'CLUSTER', match: { cluster: {} }, patch: { operation: 'ADD', value: { name: false } } }] }, expect: 'error', istio: `${E}invalid patch value` },
  { name: 'deprecated filter name', spec: { configPatches: [{ applyTo: 'HTTP_FILTER', match: chain({ filter: { name: 'envoy.http_connection_manager' } }), patch: { operation: 'INSERT_FIRST', value: {} } }] }, expect: 'warning', istio: `${E}deprecated type` },
  { name: 'cluster dns_refresh_rate 500ms', spec: { configPatches: [{ applyTo: 'CLUSTER', patch: { operation: 'ADD', value: { dns_refresh_rate: '500ms' } } }] }, expect: 'valid', istio: `${E}duration marshal` },
].map((c) => ({ kind: EF, ...c }) as IstioValidationCase);

/** A DestinationRule with `localityLbSetting`, and outlier detection when `withOutlier` (Istio warns without it). */
const locality = (setting: Record<string, unknown>, withOutlier = true) => policy({
  loadBalancer: { localityLbSetting: setting }, ...(withOutlier ? { outlierDetection: {} } : {}),
});
const zoneAware = (setting: Record<string, unknown>, withOutlier = true) => policy({
  loadBalancer: { zoneAwareLbSetting: setting }, ...(withOutlier ? { outlierDetection: {} } : {}),
});
const L = 'TestValidateLocalityLbSetting/';
const Z = 'TestValidateZoneAwareLbSetting/';
const LS = 'TestValidateLocalities/';
/** Localities as the sources of a distribute setting (Istio checks them for overlap there). */
const sources = (...froms: string[]) => locality({ distribute: froms.map((source) => ({ from: source, to: { 'r/z/s': 100 } })) });

const localitySettings: IstioValidationCase[] = [
  { name: 'distribute weights 105', spec: locality({ distribute: [{ from: 'a/b/c', to: { 'a/b/c': 80, 'a/b1': 25 } }] }), expect: 'error', istio: `${L}invalid Distribute total weight > 100` },
  { name: 'distribute weights 95', spec: locality({ distribute: [{ from: 'a/b/c', to: { 'a/b/c': 80, 'a/b1': 15 } }] }), expect: 'error', istio: `${L}invalid Distribute total weight < 100` },
  { name: 'distribute weight 0', spec: locality({ distribute: [{ from: 'a/b/c', to: { 'a/b/c': 0, 'a/b1': 100 } }] }), expect: 'error', istio: `${L}invalid Distribute weight = 0` },
  { name: 'distribute and failover', spec: locality({ distribute: [{ from: 'a/b/c', to: { 'a/b/c': 80, 'a/b1': 20 } }], failover: [{ from: 'region1', to: 'region2' }] }), expect: 'error', istio: `${L}invalid LocalityLoadBalancerSetting specify both distribute and failover` },
  { name: 'failover to the same region', spec: locality({ failover: [{ from: 'region1', to: 'region1' }] }), expect: 'error', istio: `${L}invalid failover src and dst have same region` },
  { name: 'failover from *', spec: locality({ failover: [{ from: '*', to: 'region2' }] }), expect: 'error', istio: `${L}invalid failover src contain '*' wildcard` },
  { name: 'failover to *', spec: locality({ failover: [{ from: 'region1', to: '*' }] }), expect: 'error', istio: `${L}invalid failover dst contain '*' wildcard` },
  { name: 'failover from a zone', spec: locality({ failover: [{ from: 'region1/zone1', to: 'region2' }] }), expect: 'error', istio: `${L}invalid failover src contain '/' separator` },
  { name: 'failover to a zone', spec: locality({ failover: [{ from: 'region1', to: 'region2/zone1' }] }), expect: 'error', istio: `${L}invalid failover dst contain '/' separator` },
  { name: 'failoverPriority without outlier detection', spec: locality({ failoverPriority: ['topology.istio.io/network', 'topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'] }, false), expect: 'warning', istio: `${L}failover priority provided without outlier detection policy` },
  { name: 'failover without outlier detection', spec: locality({ failover: [{ from: 'us-east', to: 'eu-west' }, { from: 'us-west', to: 'eu-east' }] }, false), expect: 'warning', istio: `${L}failover provided without outlier detection policy` },
  { name: 'failover and failoverPriority on region', spec: locality({ failover: [{ from: 'region1', to: 'region2' }], failoverPriority: ['topology.kubernetes.io/region'] }), expect: 'error', istio: `${L}invalid LocalityLoadBalancerSetting specify both failoverPriority and region in failover` },

  { name: 'zone-aware enabled', spec: zoneAware({ enabled: true }), expect: 'valid', istio: `${Z}enabled only is valid` },
  { name: 'zone-aware region failover', spec: zoneAware({ failover: [{ from: 'us-east', to: 'eu-west' }] }), expect: 'valid', istio: `${Z}valid region-level failover` },
  { name: 'zone-aware failover to the same region', spec: zoneAware({ failover: [{ from: 'region1', to: 'region1' }] }), expect: 'error', istio: `${Z}failover same src and dst region` },
  { name: 'zone-aware failover from a zone', spec: zoneAware({ failover: [{ from: 'region1/zone1', to: 'region2' }] }), expect: 'error', istio: `${Z}failover src has '/' (zone scope) is rejected` },
  { name: 'zone-aware failover to a zone', spec: zoneAware({ failover: [{ from: 'region1', to: 'region2/zone1' }] }), expect: 'error', istio: `${Z}failover dst has '/' (zone scope) is rejected` },
  { name: 'zone-aware failover from *', spec: zoneAware({ failover: [{ from: '*', to: 'region2' }] }), expect: 'error', istio: `${Z}failover src has '*' wildcard is rejected` },
  { name: 'zone-aware failover to *', spec: zoneAware({ failover: [{ from: 'region1', to: '*' }] }), expect: 'error', istio: `${Z}failover dst has '*' wildcard is rejected` },
  { name: 'zone-aware failover and region priority', spec: zoneAware({ failover: [{ from: 'region1', to: 'region2' }], failoverPriority: ['topology.kubernetes.io/region'] }), expect: 'error', istio: `${Z}failover and failoverPriority both set with topology region` },
  { name: 'zone-aware region priority', spec: zoneAware({ failoverPriority: ['topology.kubernetes.io/region'] }), expect: 'error', istio: `${Z}failoverPriority with region label is rejected` },
  { name: 'zone-aware zone priority', spec: zoneAware({ failoverPriority: ['topology.kubernetes.io/zone'] }), expect: 'error', istio: `${Z}failoverPriority with zone label is rejected` },
  { name: 'zone-aware subzone priority', spec: zoneAware({ failoverPriority: ['topology.istio.io/subzone'] }), expect: 'error', istio: `${Z}failoverPriority with subzone label is rejected` },
  { name: 'zone-aware other label priority', spec: zoneAware({ failoverPriority: ['version', 'app=ratings'] }), expect: 'valid', istio: `${Z}failoverPriority with non-topology labels is valid` },
  { name: 'zone-aware failover without outlier detection', spec: zoneAware({ failover: [{ from: 'us-east', to: 'eu-west' }] }, false), expect: 'warning', istio: `${Z}failover without outlier detection warns` },
  { name: 'zone-aware priority without outlier detection', spec: zoneAware({ failoverPriority: ['version'] }, false), expect: 'warning', istio: `${Z}failoverPriority without outlier detection warns` },

  { name: 'two wildcards', spec: sources('*/zone/*'), expect: 'error', istio: `${LS}multi wildcard locality` },
  { name: 'wildcard not last', spec: sources('*/zone'), expect: 'error', istio: `${LS}wildcard not in suffix` },
  { name: '* and a/b/c', spec: sources('*', 'a/b/c'), expect: 'error', istio: `${LS}explicit wildcard region overlap` },
  { name: 'a and a/b/c', spec: sources('a', 'a/b/c'), expect: 'error', istio: `${LS}implicit wildcard region overlap` },
  { name: 'a/* and a/b/c', spec: sources('a/*', 'a/b/c'), expect: 'error', istio: `${LS}explicit wildcard zone overlap` },
  { name: 'a/b and a/b/c', spec: sources('a/b', 'a/b/c'), expect: 'error', istio: `${LS}implicit wildcard zone overlap` },
  { name: 'a/b/* and a/b/c', spec: sources('a/b/*', 'a/b/c'), expect: 'error', istio: `${LS}explicit wildcard subzone overlap` },
  { name: 'disjoint localities', spec: sources('a1/*', 'a2/*', 'a3/b3/c3', 'a4/b4', 'a5/b5/*'), expect: 'valid', istio: `${LS}valid localities` },
].map((c) => ({ kind: DR, ...c }) as IstioValidationCase);

const delegateTo = { name: 'test', namespace: 'test' };
const toLerp = { uri: '/lerp', authority: 'foo.biz' };
const toRoot = { uri: '/', authority: 'foo.biz' };
const V = 'TestValidateChainingVirtualService/';
const RR = 'TestValidateRootHTTPRoute/';
/** A root (hosts) VirtualService delegating its one rule, with `match`. */
const delegating = (match: Record<string, unknown>) => rule({ delegate: delegateTo, match: [match] });
/** A root VirtualService redirecting its one rule, with `match`. */
const redirecting = (match: Record<string, unknown>) => rule({ redirect: toRoot, match: [match] });

const delegation: IstioValidationCase[] = [
  { name: 'root on a gateway delegating', spec: { hosts: ['foo.bar'], gateways: ['test-gateway'], http: [{ delegate: delegateTo }] }, expect: 'valid', istio: `${V}root simple` },
  { name: 'root for sidecars delegating', spec: { hosts: ['foo.bar'], http: [{ delegate: delegateTo }] }, expect: 'valid', istio: `${V}root applies to sidecar with delegate` },
  { name: 'root rule with delegate and route', spec: { hosts: ['foo.bar'], http: [{ delegate: delegateTo, route: [to()] }] }, expect: 'error', istio: `${V}root with delegate and destination in one route` },
  { name: 'delegate with an empty rule', spec: { hosts: [], http: [{}] }, expect: 'error', istio: `${V}delegate with no destination` },
  { name: 'delegate delegating again', spec: { hosts: [], http: [{ delegate: delegateTo }] }, expect: 'error', istio: `${V}delegate with delegate` },
  { name: 'delegate with a tcp route', spec: { hosts: [], tcp: [{ route: [to()] }] }, expect: 'error', istio: `${V}delegate with TCP route` },
  { name: 'delegate with gateways', spec: { hosts: [], gateways: ['test'], http: [{ route: [to()] }] }, expect: 'error', istio: `${V}delegate with gateway` },
  { name: 'delegate matching a source namespace', spec: { hosts: [], http: [{ match: [{ sourceNamespace: 'test' }], route: [to()] }] }, expect: 'valid', istio: `${V}delegate with sourceNamespace` },

  { name: 'delegate only', spec: rule({ delegate: delegateTo }), expect: 'valid', istio: `${RR}simple` },
  { name: 'delegate and route', spec: rule({ delegate: delegateTo, route: [to()] }), expect: 'error', istio: `${RR}route and delegate conflict` },
  { name: 'delegate and redirect', spec: rule({ delegate: delegateTo, redirect: toLerp }), expect: 'error', istio: `${RR}redirect and delegate conflict` },
  { name: 'delegate, header prefix test', spec: delegating({ headers: { header: { prefix: 'test' } } }), expect: 'valid', istio: `${RR}prefix header match` },
  { name: 'delegate, empty header prefix', spec: delegating({ headers: { header: { prefix: '' } } }), expect: 'error', istio: `${RR}empty prefix header match (delegate)` },
  { name: 'delegate, header exact', spec: delegating({ headers: { header: { exact: 'test' } } }), expect: 'valid', istio: `${RR}exact header match` },
  { name: 'delegate, header regex', spec: delegating({ headers: { header: { regex: 'test' } } }), expect: 'valid', istio: `${RR}regex header match` },
  { name: 'redirect, withoutHeaders exact', spec: redirecting({ withoutHeaders: { header: { exact: 'test' } } }), expect: 'valid', istio: `${RR}exact without headers match` },
  { name: 'redirect, withoutHeaders regex', spec: redirecting({ withoutHeaders: { header: { regex: 'test' } } }), expect: 'valid', istio: `${RR}regex without headers match` },
  { name: 'redirect, withoutHeaders regex ?', spec: redirecting({ withoutHeaders: { header: { regex: '?' } } }), expect: 'error', istio: `${RR}regex without headers match ?` },
  { name: 'redirect, withoutHeaders regex *', spec: redirecting({ withoutHeaders: { header: { regex: '*' } } }), expect: 'valid', istio: `${RR}regex without headers match *` },
  { name: 'delegate, uri regex', spec: delegating({ uri: { regex: 'test' } }), expect: 'valid', istio: `${RR}regex uri match` },
  { name: 'delegate, uri prefix', spec: delegating({ uri: { prefix: 'test' } }), expect: 'valid', istio: `${RR}prefix uri match` },
  { name: 'delegate, uri exact', spec: delegating({ uri: { exact: 'test' } }), expect: 'valid', istio: `${RR}exact uri match` },
  { name: 'delegate, query prefix', spec: delegating({ queryParams: { q: { prefix: 'test' } } }), expect: 'valid', istio: `${RR}prefix queryParams match` },
  { name: 'delegate, query exact', spec: delegating({ queryParams: { q: { exact: 'test' } } }), expect: 'valid', istio: `${RR}exact queryParams match` },
  { name: 'delegate, header q regex', spec: delegating({ headers: { q: { regex: 'test' } } }), expect: 'valid', istio: `${RR}regex queryParams match` },
  { name: 'redirect, empty method prefix', spec: redirecting({ method: { prefix: '' } }), expect: 'error', istio: `${RR}empty prefix match in method` },
  { name: 'redirect, empty method regex', spec: redirecting({ method: { regex: '' } }), expect: 'error', istio: `${RR}empty regex match in method` },
  { name: 'redirect, empty uri prefix', spec: redirecting({ uri: { prefix: '' } }), expect: 'valid', istio: `${RR}empty prefix match in uri` },
  { name: 'redirect, empty uri regex', spec: redirecting({ uri: { regex: '' } }), expect: 'error', istio: `${RR}empty regex match in uri` },
  { name: 'redirect, empty query regex', spec: redirecting({ queryParams: { q: { regex: '' } } }), expect: 'error', istio: `${RR}empty regex match in query` },
  { name: 'redirect, empty scheme regex', spec: redirecting({ scheme: { regex: '' } }), expect: 'error', istio: `${RR}empty regex match in scheme` },
  { name: 'redirect, empty scheme prefix', spec: redirecting({ scheme: { prefix: '' } }), expect: 'error', istio: `${RR}empty prefix match in scheme` },
  { name: 'delegate rule delegating', spec: { http: [{ delegate: delegateTo }] }, expect: 'error', istio: 'TestValidateDelegateHTTPRoute/delegate route with delegate' },
  { name: 'delegate rule weights 55/50', spec: { http: [{ route: weighted(55, 50) }] }, expect: 'valid', istio: 'TestValidateDelegateHTTPRoute/total weight > 100' },
].map((c) => ({ kind: VS, ...c }) as IstioValidationCase);

const headerMatch = (name: string) => http({ match: [{ headers: { [name]: { exact: 'v' } } }] });
const headerValue = (value: string) => headerOps('response', { set: { name: value } });
const accessLogFilter = (expression: string) => ({ accessLogging: [{ providers: [{ name: 'envoy' }], filter: { expression } }] });

const values: IstioValidationCase[] = [
  ...[[-100, 'error'], [0, 'error'], [200, 'valid'], [600, 'valid'], [601, 'error']].map(([status, expect]) => (
    { kind: VS, name: `abort status ${status}`, spec: abort({ httpStatus: status }), expect, istio: `TestValidateHTTPStatus/${status}` })),
  ...[['header1', 'valid'], ['X-Requested-With', 'valid'], [':authority', 'valid'], ['funky!$#_', 'valid'], ['', 'error'], ['::', 'error'], ['illegal"char', 'error']].map(([name, expect]) => (
    { kind: VS, name: `header match on "${name}"`, spec: headerMatch(name), expect, istio: `TestValidateHTTPHeaderName/${name}` })),
  ...[['foo', 'valid'], ['%HOSTNAME%', 'valid'], ['100%%', 'valid'], ['prefix %HOSTNAME% suffix', 'valid'], ['%DOWNSTREAM_PEER_CERT_V_END(%b %d %H:%M:%S %Y %Z)%', 'valid'],
    ['%DYNAMIC_METADATA(com.test.my_filter)%', 'valid'], ['%START_TIME%%', 'error'], ['abc%123', 'error']].map(([value, expect]) => (
    { kind: VS, name: `header value "${value}"`, spec: headerValue(value), expect, istio: `TestValidateHTTPHeaderValue/${value}` })),
  ...[['response.code >= 400', 'valid'], ["connection.mtls && request.url_path.contains('v1beta3')", 'valid'], ['response.code', 'valid'], [')++++', 'error']].map(([expression, expect]) => (
    { kind: TM, name: `access-log filter ${expression}`, spec: accessLogFilter(expression), expect, istio: `TestValidateTelemetryFilter/${expression}` })),
] as IstioValidationCase[];

/** Go tests that check only whether an error is returned, not the warnings. */
export const ERROR_ONLY_TABLES: readonly string[] = [
  'TestValidateHTTPRetry', 'TestValidateHTTPFaultInjectionAbort', 'TestValidateHTTPFaultInjectionDelay', 'TestValidateHTTPRoute',
  'TestValidateRouteDestination', 'TestValidateCORSPolicy', 'TestValidateHTTPRewrite', 'TestValidateUriRegexRewrite',
  'TestValidateHTTPRedirect', 'TestValidateDestination', 'TestValidateTrafficPolicy', 'TestValidateConnectionPool',
  'TestValidateLoadBalancer', 'TestValidateServerPort', 'TestValidateChainingVirtualService', 'TestValidateRootHTTPRoute',
  'TestValidateDelegateHTTPRoute', 'TestValidateHTTPStatus', 'TestValidateHTTPHeaderName', 'TestValidateHTTPHeaderValue', 'TestValidateTelemetryFilter',
];

/** Every translated case, by kind. */
export const ISTIO_VALIDATION_TABLE: readonly IstioValidationCase[] = [
  ...virtualServices,
  ...httpRoutes,
  ...routeParts,
  ...delegation,
  ...destinationRules,
  ...localitySettings,
  ...gateways,
  ...serviceEntries,
  ...sidecars,
  ...authorizationPolicies,
  ...peerAuthentications,
  ...requestAuthentications,
  ...telemetries,
  ...workloads,
  ...envoyFilters,
  ...values,
];
