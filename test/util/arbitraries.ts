import fc from 'fast-check';
import {
  ClientTlsMode, Duration, GrpcMeshServiceProps, GrpcMethodProps, H2UpgradePolicy, Http2ConnectionPool, Idempotency,
  LoadBalancer, OutlierDetection, RetryOn, RetryPolicy, ServiceProtocol, StreamingKind,
} from '../../lib';

/**
 * `valid`: only values the construct should accept, so the emitted objects reach the validation
 * engine; `mixed`: mostly valid with a fair share of invalid ones, so the errors get exercised too.
 */
export type ArbMode = 'valid' | 'mixed';

let mode: ArbMode = 'mixed';
const oneOf = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  mode === 'valid' ? valid : fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

function buildMeshServicePropsArb(): fc.Arbitrary<GrpcMeshServiceProps> {
  const dnsLabel = fc.stringMatching(/^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$/);
  const anyText = fc.string({ maxLength: 20 });
  const nameArb = oneOf(dnsLabel, anyText);

  const durationArb: fc.Arbitrary<Duration> = oneOf(
    fc.oneof(
      fc.integer({ min: 1, max: 120_000 }).map((ms) => Duration.millis(ms)),
      fc.integer({ min: 1, max: 600 }).map((s) => Duration.seconds(s)),
    ),
    fc.oneof(
      fc.integer({ min: -5, max: 0 }).map((ms) => Duration.millis(ms)),
      fc.double({ min: 0, max: 10, noNaN: true }).map((ms) => Duration.millis(ms)),
    ),
  );

  const countArb = oneOf(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: -10, max: 0 }));

  const retriesArb: fc.Arbitrary<RetryPolicy> = fc.record({
    attempts: oneOf(fc.integer({ min: 0, max: 12 }), fc.integer({ min: -2, max: -1 })),
    perTryTimeout: fc.option(durationArb, { nil: undefined }),
    retryOn: fc.option(
      fc.uniqueArray(fc.constantFrom(...Object.values(RetryOn)), { minLength: mode === 'valid' ? 1 : 0, maxLength: 5 }),
      { nil: undefined },
    ),
    retryOnHttpStatusCodes: fc.option(
      fc.uniqueArray(oneOf(fc.integer({ min: 100, max: 599 }), fc.integer({ min: 50, max: 650 })), { maxLength: 3 }),
      { nil: undefined },
    ),
    backoff: fc.option(durationArb, { nil: undefined }),
    retryRemoteLocalities: fc.option(fc.boolean(), { nil: undefined }),
  }, { requiredKeys: ['attempts'] });

  const methodArb: fc.Arbitrary<GrpcMethodProps> = fc.record({
    name: oneOf(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/), anyText),
    service: fc.option(oneOf(fc.constantFrom('users.v1.UserService', 'a.B'), anyText), { nil: undefined }),
    idempotency: fc.option(fc.constantFrom(...Object.values(Idempotency)), { nil: undefined }),
    streaming: fc.option(fc.constantFrom(...Object.values(StreamingKind)), { nil: undefined }),
    timeout: fc.option(durationArb, { nil: undefined }),
    retries: fc.option(retriesArb, { nil: undefined }),
    allowedPrincipals: fc.option(fc.array(oneOf(fc.constant('cluster.local/ns/shop/sa/web'), anyText), { maxLength: 2 }), { nil: undefined }),
    allowedNamespaces: fc.option(fc.array(oneOf(dnsLabel, anyText), { maxLength: 2 }), { nil: undefined }),
  }, { requiredKeys: ['name'] });

  const poolArb: fc.Arbitrary<Http2ConnectionPool> = fc.record({
    maxConnections: countArb,
    connectTimeout: durationArb,
    http2MaxRequests: countArb,
    maxRequestsPerConnection: oneOf(fc.integer({ min: 0, max: 1000 }), fc.constant(-1)),
    maxConcurrentStreams: countArb,
    idleTimeout: durationArb,
    h2UpgradePolicy: fc.constantFrom(...Object.values(H2UpgradePolicy)),
    maxRetries: oneOf(fc.integer({ min: 0, max: 100 }), fc.constant(-1)),
  }, { requiredKeys: [] });

  const outlierArb: fc.Arbitrary<OutlierDetection> = fc.record({
    enabled: oneOf(fc.constant(true), fc.boolean()),
    consecutiveGatewayErrors: oneOf(fc.integer({ min: 0, max: 100 }), fc.constant(-1)),
    consecutive5xxErrors: oneOf(fc.integer({ min: 0, max: 100 }), fc.constant(-1)),
    interval: durationArb,
    baseEjectionTime: durationArb,
    maxEjectionPercent: oneOf(fc.integer({ min: 0, max: 100 }), fc.integer({ min: -10, max: 110 })),
  }, { requiredKeys: [] });

  return fc.record({
    name: nameArb,
    namespace: fc.option(nameArb, { nil: undefined }),
    port: fc.option(oneOf(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: -10, max: 70000 })), { nil: undefined }),
    targetPort: fc.option(oneOf(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: -10, max: 70000 })), { nil: undefined }),
    protocol: fc.option(fc.constantFrom(...Object.values(ServiceProtocol)), { nil: undefined }),
    // A port name must agree with the protocol, so valid props leave it to the construct.
    portName: mode === 'valid' ? fc.constant(undefined) : fc.option(oneOf(fc.constantFrom('grpc', 'grpc-api', 'http2', 'http2-web'), anyText), { nil: undefined }),
    headless: fc.option(oneOf(fc.constant(false), fc.boolean()), { nil: undefined }),
    selector: fc.option(fc.dictionary(oneOf(dnsLabel, anyText), oneOf(dnsLabel, anyText), { minKeys: mode === 'valid' ? 1 : 0, maxKeys: 2 }), { nil: undefined }),
    workload: fc.option(fc.record({
      image: oneOf(fc.constant('registry.example.com/users:1.0.0'), anyText),
      replicas: fc.option(oneOf(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { nil: undefined }),
      version: fc.option(oneOf(fc.constantFrom('v1', 'v2', 'canary'), anyText), { nil: undefined }),
    }, { requiredKeys: ['image'] }), { nil: undefined }),
    protoService: fc.option(oneOf(fc.constantFrom('users.v1.UserService', 'a.B'), anyText), { nil: undefined }),
    methods: fc.option(fc.array(methodArb, { maxLength: 4 }), { nil: undefined }),
    timeout: fc.option(durationArb, { nil: undefined }),
    retries: fc.option(retriesArb, { nil: undefined }),
    dangerouslyAllowRetriesOnNonIdempotentMethods: fc.option(fc.boolean(), { nil: undefined }),
    loadBalancer: fc.option(fc.constantFrom(...Object.values(LoadBalancer)), { nil: undefined }),
    connectionPool: fc.option(poolArb, { nil: undefined }),
    outlierDetection: fc.option(outlierArb, { nil: undefined }),
    clientTlsMode: fc.option(fc.constantFrom(...Object.values(ClientTlsMode)), { nil: undefined }),
  }, { requiredKeys: ['name'] });
}

function withMode<T>(m: ArbMode, build: () => T): T {
  const before = mode;
  mode = m;
  try {
    return build();
  } finally {
    mode = before;
  }
}

/** Props whose every field is valid on its own (combinations may still conflict, e.g. retries on a non-idempotent method). */
export const validMeshServicePropsArb = withMode('valid', buildMeshServicePropsArb);

/** Props of a GrpcMeshService, valid or not, in every combination. */
export const meshServicePropsArb: fc.Arbitrary<GrpcMeshServiceProps> = fc.oneof(
  validMeshServicePropsArb,
  withMode('mixed', buildMeshServicePropsArb),
);

/** Mostly valid (9 in 10), so inputs often get all the way to the validation engine. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: invalid, weight: 1 });
const weightArb = mostly(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -5, max: 130 }));
const versionArb = mostly(fc.constantFrom('v1', 'v2', 'v3', 'v4'), fc.string({ maxLength: 8 }));

/** A service and canary options, valid or not. */
export const canaryInputArb = fc.record({
  // Mostly: either every version's pods are created here or none (the rule the construct enforces).
  alignPods: mostly(fc.constant(true), fc.constant(false)),
  service: fc.record({
    name: fc.constantFrom('users', 'orders'),
    namespace: fc.constantFrom('shop', 'default'),
    headless: fc.option(mostly(fc.constant(false), fc.constant(true)), { nil: undefined }),
    workload: fc.option(fc.record({ image: fc.constant('registry.example.com/a:1'), version: fc.option(versionArb, { nil: undefined }) }), { nil: undefined }),
  }, { requiredKeys: ['name', 'namespace'] }),
  canary: fc.record({
    stableVersion: fc.option(versionArb, { nil: undefined }),
    canaryVersion: fc.option(versionArb, { nil: undefined }),
    canaryWeight: fc.option(weightArb, { nil: undefined }),
    additionalSubsets: fc.option(fc.array(fc.record({ name: mostly(fc.constantFrom('exp', 'b'), fc.constantFrom('canary', 'Bad_Name')), version: versionArb, weight: weightArb }), { maxLength: 1 }), { nil: undefined }),
    headerRoutes: fc.option(fc.array(fc.record({
      header: mostly(fc.constantFrom('x-canary', 'x-tester'), fc.constant('X-Bad')),
      subset: fc.option(mostly(fc.constantFrom('stable', 'canary'), fc.constant('nope')), { nil: undefined }),
    }), { maxLength: 2 }), { nil: undefined }),
    mirrorPercent: fc.option(mostly(fc.integer({ min: 1, max: 100 }), fc.double({ min: -10, max: 120, noNaN: true })), { nil: undefined }),
    canaryWorkload: fc.option(fc.record({ image: fc.constant('registry.example.com/a:2') }), { nil: undefined }),
    steps: fc.option(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 4 }), { nil: undefined }),
    // Rare: with Argo Rollouts owning the weights most of the props above are refused.
    weightOwner: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 16 },
      { arbitrary: fc.constantFrom('istio-grpc', 'argo-rollouts'), weight: 4 },
      { arbitrary: fc.constant('flagger'), weight: 1 },
    ),
  }, { requiredKeys: [] }),
}).map(({ alignPods, service, canary }) => {
  if (!alignPods) return { service, canary };
  const here = service.workload !== undefined;
  return {
    service,
    canary: {
      ...canary,
      ...(here ? { stableVersion: undefined } : {}),
      canaryWorkload: here ? { image: 'registry.example.com/a:2' } : undefined,
      additionalSubsets: canary.additionalSubsets?.map((a) => ({ ...a, workload: here ? { image: 'registry.example.com/a:3' } : undefined })),
    },
  };
});

/** A service and ingress options, valid or not. */
export const ingressInputArb = fc.record({
  service: fc.record({ name: fc.constantFrom('users', 'orders'), namespace: fc.constantFrom('shop', 'default') }),
  ingress: fc.record({
    hosts: fc.array(fc.oneof(
      { arbitrary: fc.constantFrom('grpc.example.com', 'api.example.com', 'a.b.example.org'), weight: 5 },
      { arbitrary: fc.constantFrom('*', '*.example.com', 'bad_host.example.com', '', 'UPPER.example.com'), weight: 1 },
    ), { maxLength: 3 }),
    tls: fc.record({
      credentialName: fc.oneof({ arbitrary: fc.constantFrom('grpc-tls', 'api-cert'), weight: 5 }, { arbitrary: fc.constantFrom('', 'Bad Name'), weight: 1 }),
      mode: fc.option(fc.constantFrom('SIMPLE', 'MUTUAL'), { nil: undefined }),
      // Mostly set when MUTUAL needs it; sometimes the server Secret itself, which is refused.
      clientCaCredentialName: fc.option(fc.constantFrom('client-ca', 'grpc-tls-cacert', 'grpc-tls'), { nil: undefined, freq: 3 }),
      subjectAltNames: fc.option(fc.array(fc.constantFrom('partner.example.com', 'spiffe://partner.example/ns/a/sa/b', ''), { maxLength: 2 }), { nil: undefined, freq: 3 }),
    }, { requiredKeys: ['credentialName'] }),
    allowWildcardHosts: fc.option(fc.boolean(), { nil: undefined }),
    gatewayNamespace: fc.option(fc.constantFrom('istio-system', 'istio-ingress', 'Bad'), { nil: undefined }),
    port: fc.option(fc.oneof(fc.constantFrom(443, 8443, 80), fc.integer({ min: -1, max: 70000 })), { nil: undefined }),
    httpRedirect: fc.option(fc.boolean(), { nil: undefined }),
    grpcWeb: fc.option(fc.record({
      allowOrigins: fc.array(fc.constantFrom('https://app.example.com', 'http://localhost:3000', 'app.example.com'), { maxLength: 2 }),
      allowWithMutualTls: fc.option(fc.boolean(), { nil: undefined }),
    }, { requiredKeys: ['allowOrigins'] }), { nil: undefined }),
    certificate: fc.option(fc.record({ issuerName: fc.constantFrom('letsencrypt', '') }), { nil: undefined }),
  }, { requiredKeys: ['hosts', 'tls'] }),
});

/**
 * The same inputs on a service routed through Gateway API, plus the props only Gateway API
 * changes the answer for: a credential in another namespace, a selector, the TLS version.
 */
export const gatewayApiIngressInputArb = ingressInputArb.chain((input) => fc.record({
  credentialNamespace: fc.option(fc.constantFrom('certs', 'istio-system', 'Bad_NS'), { nil: undefined }),
  selector: fc.option(fc.constant({ istio: 'ingressgateway' }), { nil: undefined, freq: 4 }),
  minProtocolVersion: fc.option(fc.constantFrom('TLSV1_2', 'TLSV1_3'), { nil: undefined }),
  // gRPC-Web is always refused here, so keep it in one input of five (the base has it in most).
  keepGrpcWeb: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
}).map(({ credentialNamespace, selector, minProtocolVersion, keepGrpcWeb }) => ({
  service: { ...input.service, routingApi: 'GATEWAY_API' },
  ingress: {
    ...input.ingress,
    grpcWeb: keepGrpcWeb ? input.ingress.grpcWeb : undefined,
    ...(selector ? { selector } : {}),
    tls: {
      ...input.ingress.tls,
      ...(credentialNamespace ? { credentialNamespace } : {}),
      ...(minProtocolVersion ? { minProtocolVersion } : {}),
    },
  },
})));
