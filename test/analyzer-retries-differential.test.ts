import * as fc from 'fast-check';
import { NON_IDEMPOTENT_METHODS_ANNOTATION, RETRIES_ON_NON_IDEMPOTENT_ACCEPTED_ANNOTATION } from '../lib/core/annotations';
import { KubeObject } from '../lib/core/kube-object';
import { Analyzer } from '../lib/validate/analyzer/analyzer';
import { retriesOnNonIdempotentAnalyzer } from '../lib/validate/analyzer/grpc/retries-non-idempotent';
import { IGR } from '../lib/validate/analyzer/messages';
import { listOf, objOf, specOf } from '../lib/validate/analyzer/objects';
import { runAnalyzers } from '../lib/validate/analyzer/runner';

const DEFAULT_RETRY_ON = 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';
const PRE_REQUEST = new Set(['connect-failure', 'refused-stream', 'reset-before-request']);

/** IGR3002 as first written: every text split again, the methods reaching a rule found before its retries are read. */
const splittingEveryRule: Analyzer = {
  name: retriesOnNonIdempotentAnalyzer.name,
  inputs: retriesOnNonIdempotentAnalyzer.inputs,
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) {
      const annotations = objOf(vs.metadata.annotations);
      const listed = String(annotations[NON_IDEMPOTENT_METHODS_ANNOTATION] ?? '').split(',').map((m) => m.trim()).filter(Boolean);
      if (listed.length === 0) continue;
      const accepted = annotations[RETRIES_ON_NON_IDEMPOTENT_ACCEPTED_ANNOTATION] === 'true';
      const taken = new Set<string>();
      listOf(specOf(vs).http).forEach((rule, i) => {
        const matches = listOf(objOf(rule).match).map(objOf);
        const carriedBy = (m: Record<string, any>) => {
          const exact = objOf(m.uri).exact;
          return typeof exact === 'string' ? listed.filter((p) => p === exact) : listed;
        };
        const carried = [...new Set((matches.length ? matches : [{}]).flatMap(carriedBy))].filter((p) => !taken.has(p));
        for (const m of matches) {
          const exact = objOf(m.uri).exact;
          const onlyPath = Object.keys(m).every((k) => k === 'uri' || k === 'name') && Object.keys(objOf(m.uri)).length === 1;
          if (typeof exact === 'string' && onlyPath) taken.add(exact);
        }
        if (carried.length === 0) return;
        const retries = objOf(objOf(rule).retries);
        const conditions = String(retries.retryOn ?? DEFAULT_RETRY_ON).split(',').map((c) => c.trim()).filter(Boolean);
        const unsafe = conditions.filter((c) => !PRE_REQUEST.has(c));
        const attempts = objOf(rule).retries === undefined ? 2 : (typeof retries.attempts === 'number' ? retries.attempts : 0);
        if (attempts <= 0 || unsafe.length === 0) return;
        report(IGR.RETRIES_ON_NON_IDEMPOTENT, vs, `retries on ${unsafe.join(', ')} can run ${carried.join(', ')} twice (declared non-idempotent: a retry re-sends a call the server may already have executed); retry only on connect-failure, refused-stream or reset-before-request, or declare the method idempotent`,
          `spec.http[${i}].retries`, accepted ? 'warning' : 'error');
      });
    }
  },
};

const method = fc.constantFrom('/a.S/Get', '/a.S/Create', ' /a.S/Create ', '');
const match = fc.record({
  uri: fc.oneof(fc.record({ exact: method }), fc.record({ prefix: method }), fc.record({ exact: method, prefix: method })),
  name: fc.constant('n'),
  headers: fc.constant({ a: { exact: 'b' } }),
}, { requiredKeys: [] });
const retries = fc.record({
  retryOn: fc.oneof(fc.constantFrom('unavailable,reset', 'connect-failure, refused-stream', 'reset-before-request,,', '', ' cancelled '), fc.integer()),
  attempts: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant('2')),
}, { requiredKeys: [] });
const rule = fc.record({ match: fc.array(match, { maxLength: 3 }), retries: fc.oneof(retries, fc.constant(null)) }, { requiredKeys: [] });
const virtualService = fc.record({
  methods: fc.oneof(fc.constantFrom('/a.S/Create', '/a.S/Get, /a.S/Create', ' , ', ''), fc.constant(undefined)),
  accepted: fc.constantFrom('true', 'false', undefined),
  http: fc.array(rule, { maxLength: 4 }),
}).map(({ methods, accepted, http }) => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: {
    name: 'vs',
    annotations: {
      ...(methods !== undefined ? { [NON_IDEMPOTENT_METHODS_ANNOTATION]: methods } : {}),
      ...(accepted !== undefined ? { [RETRIES_ON_NON_IDEMPOTENT_ACCEPTED_ANNOTATION]: accepted } : {}),
    },
  },
  spec: { http },
}) as KubeObject);

describe('the non-idempotent retries analyzer', () => {
  it('reports what splitting every text again reports', () => {
    fc.assert(fc.property(fc.array(virtualService, { maxLength: 3 }), (objects) => {
      expect(runAnalyzers([retriesOnNonIdempotentAnalyzer], objects)).toEqual(runAnalyzers([splittingEveryRule], objects));
    }), { numRuns: 2000 });
  });
});
