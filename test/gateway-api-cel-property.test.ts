import * as fc from 'fast-check';
import { KubeObject } from '../lib/core/kube-object';
import { checkSchema } from '../lib/validate/schema';

/**
 * The parentRefs rules of every Gateway API route, through the whole schema stage (defaults,
 * field-name escaping, CEL), against a direct reading of what they say: two refs to the same
 * parent (group, kind, name, namespace; group and kind defaulted) must both name a sectionName or
 * both not, and no two refs may be the same.
 */
const SPECIFIED = 'sectionName must be specified when parentRefs includes 2 or more references to the same parent';
const UNIQUE = 'sectionName must be unique when parentRefs includes 2 or more references to the same parent';

interface Ref { readonly name: string; readonly kind?: string; readonly namespace?: string; readonly sectionName?: string }

const ref: fc.Arbitrary<Ref> = fc.record({
  name: fc.constantFrom('gw', 'other'),
  kind: fc.constantFrom('Gateway', 'Service'),
  namespace: fc.constantFrom('a', 'b'),
  sectionName: fc.constantFrom('http', 'https'),
}, { requiredKeys: ['name'] });

function expected(refs: readonly Ref[]): string[] {
  const parent = (r: Ref) => `${r.kind ?? 'Gateway'}|${r.name}|${r.namespace ?? ''}`;
  const out: string[] = [];
  const pairs = refs.flatMap((a, i) => refs.map((b, j) => [a, b, i, j] as const));
  if (pairs.some(([a, b]) => parent(a) === parent(b) && (a.sectionName === undefined) !== (b.sectionName === undefined))) out.push(SPECIFIED);
  if (pairs.some(([a, b, i, j]) => i !== j && parent(a) === parent(b) && a.sectionName === b.sectionName)) out.push(UNIQUE);
  return out;
}

describe('Gateway API parentRefs rules (schema stage against their wording)', () => {
  test.each(['HTTPRoute', 'GRPCRoute'])('%s', (kind) => {
    fc.assert(fc.property(fc.array(ref, { maxLength: 5 }), (refs) => {
      const route = { apiVersion: 'gateway.networking.k8s.io/v1', kind, metadata: { name: 'r', namespace: 'shop' }, spec: { parentRefs: refs } } as KubeObject;
      const messages = checkSchema(route).map((f) => `${f.code} ${f.path}: ${f.message}`);
      expect(messages).toStrictEqual(expected(refs).map((m) => `IGR1006 spec.parentRefs: ${m}`));
    }), { numRuns: 300 });
  });
});
