import { ANALYZER_CODES } from './codes';
import { fqdn, listOf, MeshIndex, namespaceOf, objOf } from './mesh-index';
import { isHttp2Port } from './service-ports';
import { NON_IDEMPOTENT_METHODS_ANNOTATION, RETRIES_ON_NON_IDEMPOTENT_ACCEPTED_ANNOTATION } from '../../core/annotations';
import { KubeObject } from '../../core/kube-object';
import { Finding, findingOf } from '../finding';

/** The retry policy Istio gives a route without one (attempts 2). */
const ISTIO_DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';

/** Retry conditions that fire only before the request reached the server: safe for any method. */
const PRE_REQUEST_CONDITIONS = new Set(['connect-failure', 'refused-stream', 'reset-before-request']);

/** IGR3001: weighted destinations whose weights do not add up to 100. */
export function checkWeights(vs: KubeObject, out: Finding[]): void {
  listOf(objOf((vs as any).spec).http).forEach((rule, i) => {
    const routes = listOf(objOf(rule).route);
    if (routes.length < 2 || !routes.some((r) => objOf(r).weight !== undefined)) return;
    const total = routes.reduce((sum, r) => sum + (typeof objOf(r).weight === 'number' ? r.weight : 0), 0);
    if (total === 100 || total === 0) return;
    out.push(findingOf(vs, ANALYZER_CODES.WEIGHTS_NOT_100.severity, ANALYZER_CODES.WEIGHTS_NOT_100.code,
      `the weights add up to ${total}, not 100; Istio scales them, so each destination's share is not the number written; make them add up to 100`, `spec.http[${i}].route`));
  });
}

/** IGR3002: retries that can run a method declared non-idempotent twice. */
export function checkRetriesOnNonIdempotentMethods(vs: KubeObject, out: Finding[]): void {
  const annotations = objOf(vs.metadata.annotations);
  const listed = String(annotations[NON_IDEMPOTENT_METHODS_ANNOTATION] ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  if (listed.length === 0) return;
  const accepted = annotations[RETRIES_ON_NON_IDEMPOTENT_ACCEPTED_ANNOTATION] === 'true';
  // Rules are tried in order: a method taken by an earlier exact-path rule never reaches later rules.
  const taken = new Set<string>();
  listOf(objOf((vs as any).spec).http).forEach((rule, i) => {
    const matches = listOf(objOf(rule).match).map(objOf);
    // A match on an exact path carries that method only; any other match may carry every method.
    const carriedBy = (m: Record<string, any>) => {
      const exact = objOf(m.uri).exact;
      return typeof exact === 'string' ? listed.filter((p) => p === exact) : listed;
    };
    const carried = [...new Set((matches.length ? matches : [{}]).flatMap(carriedBy))].filter((p) => !taken.has(p));
    // Only a match on the path alone takes the method away from later rules.
    for (const m of matches) {
      const exact = objOf(m.uri).exact;
      const onlyPath = Object.keys(m).every((k) => k === 'uri' || k === 'name') && Object.keys(objOf(m.uri)).length === 1;
      if (typeof exact === 'string' && onlyPath) taken.add(exact);
    }
    if (carried.length === 0) return;
    const retries = objOf(objOf(rule).retries);
    // A route without a retry policy gets Istio's default one, which retries after the request was sent.
    const conditions = String(retries.retryOn ?? ISTIO_DEFAULT_RETRY_ON).split(',').map((c) => c.trim()).filter(Boolean);
    const unsafe = conditions.filter((c) => !PRE_REQUEST_CONDITIONS.has(c));
    const attempts = objOf(rule).retries === undefined ? 2 : (typeof retries.attempts === 'number' ? retries.attempts : 0);
    if (attempts <= 0 || unsafe.length === 0) return;
    out.push(findingOf(vs, accepted ? 'warning' : 'error', ANALYZER_CODES.RETRIES_ON_NON_IDEMPOTENT.code,
      `retries on ${unsafe.join(', ')} can run ${carried.join(', ')} twice (declared non-idempotent: a retry re-sends a call the server may already have executed); retry only on connect-failure, refused-stream or reset-before-request, or declare the method idempotent`,
      `spec.http[${i}].retries`));
  });
}

/** IGR3003: HTTP/2 pool settings for a host whose Service has no port Istio treats as HTTP/2. */
export function checkHttp2Settings(index: MeshIndex, dr: KubeObject, out: Finding[]): void {
  const spec = objOf((dr as any).spec);
  const service = index.service(String(spec.host ?? ''), namespaceOf(dr));
  if (!service) return;
  const ports = listOf(objOf((service as any).spec).ports).map(objOf);
  if (ports.length === 0 || ports.some(isHttp2Port)) return;
  const policies: [Record<string, any>, string][] = [[objOf(spec.trafficPolicy), 'spec.trafficPolicy'],
    ...listOf(spec.subsets).map((s, i) => [objOf(objOf(s).trafficPolicy), `spec.subsets[${i}].trafficPolicy`] as [Record<string, any>, string])];
  for (const [policy, path] of policies) {
    const http = objOf(objOf(policy.connectionPool).http);
    if (http.maxConcurrentStreams === undefined) continue;
    out.push(findingOf(dr, ANALYZER_CODES.HTTP2_SETTINGS_ON_NON_HTTP2_PORT.severity, ANALYZER_CODES.HTTP2_SETTINGS_ON_NON_HTTP2_PORT.code,
      `maxConcurrentStreams only applies to HTTP/2, but no port of Service ${fqdn(String(spec.host), namespaceOf(dr))} is one Istio treats as HTTP/2; name the port grpc (or grpc-<suffix>) or set appProtocol: grpc`,
      `${path}.connectionPool.http.maxConcurrentStreams`));
  }
}
