import { NON_IDEMPOTENT_METHODS_ANNOTATION, RETRIES_ON_NON_IDEMPOTENT_ACCEPTED_ANNOTATION } from '../../../core/annotations';
import { KubeObject } from '../../../core/kube-object';
import { memoByString } from '../../string-memo';
import { AnalysisContext, Analyzer } from '../analyzer';
import { IGR } from '../messages';
import { listOf, objOf, specOf } from '../objects';

/** The retry policy Istio gives a route without one (attempts 2). */
const ISTIO_DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';

/** Retry conditions that fire only before the request reached the server: safe for any method. */
const PRE_REQUEST_CONDITIONS = new Set(['connect-failure', 'refused-stream', 'reset-before-request']);

/** IGR3002: retries that can run a method declared non-idempotent twice. */
export const retriesOnNonIdempotentAnalyzer: Analyzer = {
  name: 'grpc.RetriesOnNonIdempotentAnalyzer',
  inputs: ['VirtualService'],
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) checkRetries(vs, report);
  },
};

/** Comma-separated items, trimmed, empty ones dropped; remembered, as a mesh repeats a few texts. */
const itemsOf = memoByString((text: string): readonly string[] => text.split(',').map((item) => item.trim()).filter(Boolean));

/** The conditions of a retryOn text that fire after the request was sent. */
const unsafeConditionsOf = memoByString((retryOn: string): readonly string[] => itemsOf(retryOn).filter((c) => !PRE_REQUEST_CONDITIONS.has(c)));

function checkRetries(vs: KubeObject, report: AnalysisContext['report']): void {
  const annotations = objOf(vs.metadata.annotations);
  const listed = itemsOf(String(annotations[NON_IDEMPOTENT_METHODS_ANNOTATION] ?? ''));
  if (listed.length === 0) return;
  const accepted = annotations[RETRIES_ON_NON_IDEMPOTENT_ACCEPTED_ANNOTATION] === 'true';
  // Rules are tried in order: a method taken by an earlier exact-path rule never reaches later rules.
  const taken = new Set<string>();
  listOf(specOf(vs).http).forEach((rule, i) => {
    const matches = listOf(objOf(rule).match).map(objOf);
    const retries = objOf(objOf(rule).retries);
    // A route without a retry policy gets Istio's default one, which retries after the request was sent.
    const unsafe = unsafeConditionsOf(String(retries.retryOn ?? ISTIO_DEFAULT_RETRY_ON));
    const attempts = objOf(rule).retries === undefined ? 2 : (typeof retries.attempts === 'number' ? retries.attempts : 0);
    // Which methods reach this rule matters only when its retries are unsafe.
    const unsafeRetries = attempts > 0 && unsafe.length > 0;
    // A match on an exact path carries that method only; any other match may carry every method.
    const carriedBy = (m: Record<string, any>) => {
      const exact = objOf(m.uri).exact;
      return typeof exact === 'string' ? listed.filter((p) => p === exact) : listed;
    };
    const carried = unsafeRetries ? [...new Set((matches.length ? matches : [{}]).flatMap(carriedBy))].filter((p) => !taken.has(p)) : [];
    // Only a match on the path alone takes the method away from later rules.
    for (const m of matches) {
      const exact = objOf(m.uri).exact;
      const onlyPath = Object.keys(m).every((k) => k === 'uri' || k === 'name') && Object.keys(objOf(m.uri)).length === 1;
      if (typeof exact === 'string' && onlyPath) taken.add(exact);
    }
    if (carried.length === 0) return;
    report(IGR.RETRIES_ON_NON_IDEMPOTENT, vs, `retries on ${unsafe.join(', ')} can run ${carried.join(', ')} twice (declared non-idempotent: a retry re-sends a call the server may already have executed); retry only on connect-failure, refused-stream or reset-before-request, or declare the method idempotent`,
      `spec.http[${i}].retries`, accepted ? 'warning' : 'error');
  });
}
