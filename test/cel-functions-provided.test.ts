import { K8S_CEL_FUNCTIONS } from '../lib/validate/schema/cel-k8s-functions';
import { CrdBundle, crdVersionsOf } from '../lib/validate/schema/crd-bundle';
import { GATEWAY_API_CRD_SCHEMAS } from '../lib/validate/schemas/gateway-api-crds.generated';
import { ISTIO_CRD_SCHEMAS } from '../lib/validate/schemas/istio-crds.generated';

/**
 * A rule calling a function the CEL environment lacks is answered "not checkable" and passes, so
 * every function the pinned CRDs' rules call must be provided: CEL's standard ones or ours.
 */
const STANDARD_CEL = new Set([
  'size', 'has', 'matches', 'startsWith', 'endsWith', 'contains', 'all', 'exists', 'exists_one', 'filter', 'map',
  'int', 'uint', 'double', 'string', 'bool', 'bytes', 'duration', 'timestamp', 'type', 'dyn',
]);
const PROVIDED = new Set([...STANDARD_CEL, ...K8S_CEL_FUNCTIONS.map((f) => (f as unknown as { name: string }).name)]);

function rulesOf(bundle: CrdBundle): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'x-kubernetes-validations' && Array.isArray(child)) {
        for (const r of child) out.push(...[r.rule, r.messageExpression].filter((t): t is string => typeof t === 'string'));
      } else {
        walk(child);
      }
    }
  };
  for (const crd of crdVersionsOf(bundle)) walk(crd.schema);
  return out;
}

/** Names called in a rule: an identifier followed by `(`, outside string literals. */
function calledFunctions(rule: string): string[] {
  const code = rule.replace(/r?"""[\s\S]*?"""|r?'(?:[^'\\]|\\.)*'|r?"(?:[^"\\]|\\.)*"/g, '""');
  return [...code.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)].map((m) => m[1]);
}

describe('CEL functions the pinned CRD rules call', () => {
  test.each([['Istio', ISTIO_CRD_SCHEMAS], ['Gateway API', GATEWAY_API_CRD_SCHEMAS]])('%s: every one is provided', (_, bundle) => {
    const rules = rulesOf(bundle);
    expect(rules.length).toBeGreaterThan(20);
    const missing = [...new Set(rules.flatMap(calledFunctions))].filter((name) => !PROVIDED.has(name)).sort();
    expect(missing).toStrictEqual([]);
  });

  test('the scan sees calls, and not the words inside a string', () => {
    expect(calledFunctions("self.all(h, !isIP(h)) && self.matches('cidr(x)')")).toStrictEqual(['all', 'isIP', 'matches']);
    expect([...calledFunctions('cidr(self)')].filter((n) => !PROVIDED.has(n))).toStrictEqual(['cidr']);
  });
});
