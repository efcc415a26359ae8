import fc from 'fast-check';
import { canaryOutcome, ingressOutcome, meshServiceOutcome, Outcome } from './properties';
import { GrpcMeshServiceProps, Idempotency, principalOf } from '../../lib';
import { Duration } from '../../lib/core/duration';

/** Values of the wrong shape for almost any prop: what JavaScript and JSON callers can pass. */
const WRONG_VALUES: readonly unknown[] = [null, 0, -1, 5, 'x', '', true, [], [null], [5], ['x'], {}, { a: 1 }, Number.NaN];

/** Every path into plain objects and lists (Durations are leaves). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object' || value instanceof Duration) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))].filter((p) => p.length > 0);
}

/** The value at `path`. */
const at = (value: any, path: (string | number)[]): unknown => path.reduce((v, k) => v?.[k], value);

/** A replacement of another shape than the original (a string for a string is not a wrong shape). */
const wrongFor = (original: unknown, by: unknown) =>
  typeof original !== typeof by || Array.isArray(original) !== Array.isArray(by) || (original === null) !== (by === null);

/** A copy of `value` with the value at `path` replaced. */
function replaced(value: any, path: (string | number)[], by: unknown): any {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy = Array.isArray(value) ? [...value] : { ...value };
  (copy as any)[head] = replaced(value[head], rest, by);
  return copy;
}

/** Input that uses every kind of prop (lists of objects, nested objects, Durations), one of them then replaced. */
const FULL_SERVICE: GrpcMeshServiceProps = {
  name: 'payments',
  namespace: 'shop',
  protoService: 'payments.v1.Payments',
  selector: { app: 'payments' },
  workload: { image: 'registry.example.com/payments:1', env: { A: 'b' }, args: ['--x'], resources: { cpuRequest: '100m', memoryLimit: '256Mi' }, grpcHealthProbe: true },
  methods: [
    { name: 'GetPayment', idempotency: Idempotency.NO_SIDE_EFFECTS, timeout: Duration.seconds(2), retries: { attempts: 2, retryOn: [], perTryTimeout: Duration.seconds(1) }, allowedNamespaces: ['shop'] },
    { name: 'Charge', idempotency: Idempotency.NON_IDEMPOTENT, allowedPrincipals: [principalOf('shop', 'checkout')] },
  ],
  allowedNamespaces: ['shop', 'web'],
  timeout: Duration.seconds(5),
  connectionPool: { http2MaxRequests: 100, idleTimeout: Duration.minutes(5) },
  outlierDetection: { consecutiveGatewayErrors: 5, interval: Duration.seconds(10) },
  accessLogs: true,
  accessLogFilter: 'response.code >= 400',
};
// retryOn [] is refused on its own; the base must synthesize, so it gets a real condition.
(FULL_SERVICE.methods![0].retries as any).retryOn = ['unavailable'];

const FULL_CANARY = {
  canaryWeight: 10,
  canaryWorkload: { image: 'registry.example.com/payments:2', args: ['--y'] },
  additionalSubsets: [{ name: 'exp', version: 'v3', weight: 5, workload: { image: 'registry.example.com/payments:3' } }],
  headerRoutes: [{ header: 'x-canary', exact: 'true', subset: 'canary' }],
  steps: [10, 50],
};

const FULL_INGRESS = {
  hosts: ['pay.example.com'],
  tls: { credentialName: 'pay-tls', mode: 'MUTUAL', clientCaCredentialName: 'pay-tls-cacert', subjectAltNames: ['partner.example.com'] },
  selector: { istio: 'ingressgateway' },
  httpRedirect: true,
  certificate: { issuerName: 'letsencrypt' },
};

type Target = 'service' | 'canary' | 'ingress';

/** One prop (at any depth) of a full service, canary or ingress replaced by a value of the wrong shape. */
export const wrongShapeArb = fc.constantFrom<Target>('service', 'canary', 'ingress').chain((target) => {
  const base: any = target === 'service' ? FULL_SERVICE : target === 'canary' ? FULL_CANARY : FULL_INGRESS;
  return fc.record({ target: fc.constant(target), path: fc.constantFrom(...paths(base)), by: fc.constantFrom(...WRONG_VALUES) })
    .filter(({ path, by }) => wrongFor(at(base, path), by))
    .map(({ path, by }) => ({ target, path: path.join('.'), input: replaced(base, path, by) }));
});

/** The base inputs themselves synthesize (so every replacement is the one thing wrong). */
export function baseOutcomes(): Outcome[] {
  return [
    meshServiceOutcome(FULL_SERVICE),
    canaryOutcome({ service: FULL_SERVICE, canary: FULL_CANARY }),
    ingressOutcome({ service: FULL_SERVICE, ingress: FULL_INGRESS as any }),
  ];
}

/** The shape property: a wrong-shaped prop is refused with IstioGrpcError or harmless; never a TypeError or an invalid manifest. */
export function wrongShapeOutcome(c: { target: Target; path: string; input: any }): Outcome {
  if (c.target === 'service') return meshServiceOutcome(c.input);
  if (c.target === 'canary') return canaryOutcome({ service: FULL_SERVICE, canary: c.input });
  return ingressOutcome({ service: FULL_SERVICE, ingress: c.input });
}

/** Every (path, wrong value) pair, for the exhaustive unit test. */
export function allWrongShapes(): { target: Target; path: string; input: any }[] {
  const bases: [Target, any][] = [['service', FULL_SERVICE], ['canary', FULL_CANARY], ['ingress', FULL_INGRESS]];
  return bases.flatMap(([target, base]) => paths(base).flatMap((path) => WRONG_VALUES
    .filter((by) => wrongFor(at(base, path), by))
    .map((by) => ({ target, path: path.join('.'), input: replaced(base, path, by) }))));
}
