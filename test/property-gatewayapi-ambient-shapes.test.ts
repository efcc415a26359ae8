// Hostile or malformed objects never make the Gateway API and ambient analyzers fail: any shape of
// spec, labels and references gives findings of their own codes only (no IGR0003 "could not complete").
import * as fc from 'fast-check';
import { KubeObject } from '../lib/core/kube-object';
import { ALL_ANALYZERS } from '../lib/validate/analyzer/all';
import { ANALYZER_CODES } from '../lib/validate/analyzer/messages';
import { runAnalyzers } from '../lib/validate/analyzer/runner';

const OURS = ALL_ANALYZERS.filter((a) => a.name.startsWith('gatewayapi.') || a.name.startsWith('ambient.'));
const OUR_CODES = new Set(Object.values(ANALYZER_CODES).map((c) => c.code).filter((c) => /^IGR3[23]/.test(c)));

const KINDS: readonly [string, string][] = [
  ['gateway.networking.k8s.io/v1', 'GRPCRoute'], ['gateway.networking.k8s.io/v1', 'HTTPRoute'], ['gateway.networking.k8s.io/v1', 'Gateway'],
  ['gateway.networking.k8s.io/v1', 'GatewayClass'], ['gateway.networking.k8s.io/v1beta1', 'ReferenceGrant'], ['v1', 'Service'], ['v1', 'Namespace'],
  ['v1', 'Pod'], ['apps/v1', 'Deployment'], ['security.istio.io/v1', 'AuthorizationPolicy'], ['networking.istio.io/v1', 'VirtualService'],
];
const word = fc.constantFrom('users', 'shop', 'edge', 'users-waypoint', 'none', 'ambient', 'all', 'workload', 'Service', 'Gateway', '', '*.example.com');
const labels = fc.dictionary(fc.constantFrom('app', 'istio.io/use-waypoint', 'istio.io/use-waypoint-namespace', 'istio.io/dataplane-mode', 'istio.io/waypoint-for', 'istio-injection'), word);
/** Values shaped like the fields the analyzers read, or anything at all. */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' },
    word, fc.integer(), fc.constant(null), fc.boolean(),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('parentRefs', 'backendRefs', 'rules', 'listeners', 'name', 'namespace', 'kind', 'group', 'port', 'sectionName',
      'hostnames', 'hostname', 'protocol', 'allowedRoutes', 'namespaces', 'from', 'selector', 'matchLabels', 'tls', 'certificateRefs', 'to', 'weight',
      'filters', 'requestMirror', 'backendRef', 'targetRefs', 'targetRef', 'action', 'when', 'key', 'operation', 'source', 'paths', 'http', 'hosts',
      'gateways', 'template', 'metadata', 'labels', 'spec', 'matches', 'gatewayClassName'), tie('v'), { maxKeys: 4 })),
})).v;
const object = fc.record({ kind: fc.constantFrom(...KINDS), name: word, namespace: fc.option(word, { nil: undefined }), labels, spec: value })
  .map(({ kind, name, namespace, labels: l, spec }) => ({ apiVersion: kind[0], kind: kind[1], metadata: { name: name || 'x', namespace, labels: l }, spec }) as KubeObject);

describe('GIVEN Gateway API and ambient objects of any shape', () => {
  test('property: the analyzers complete and report only their own codes', () => {
    fc.assert(fc.property(fc.array(object, { maxLength: 12 }), fc.constantFrom<'complete' | 'partial'>('complete', 'partial'), (objects, workloads) => {
      const findings = runAnalyzers(OURS, objects, { workloads });
      for (const f of findings) expect({ code: f.code, known: OUR_CODES.has(f.code) }).toStrictEqual({ code: f.code, known: true });
    }), { numRuns: 400 });
  });
});
