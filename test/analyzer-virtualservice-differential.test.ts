import * as fc from 'fast-check';
import { KubeObject } from '../lib/core/kube-object';
import { Analyzer } from '../lib/validate/analyzer/analyzer';
import { IST } from '../lib/validate/analyzer/messages';
import { listOf, nameOf, objOf, specOf, stringsOf } from '../lib/validate/analyzer/objects';
import { runAnalyzers } from '../lib/validate/analyzer/runner';
import { canonicalHttpMatch, canonicalJson } from '../lib/validate/analyzer/virtualservice/canonical-match';
import { ingressSubsetsAnalyzer } from '../lib/validate/analyzer/virtualservice/ingress-subsets';
import { gatewaysOf } from '../lib/validate/analyzer/virtualservice/util';

/** The plain form of canonicalJson: sorted keys through map/join. */
function canonicalByJoin(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalByJoin).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalByJoin((value as any)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** IST0140 as first written: every route scans every pinning VirtualService. */
const scanningIngressSubsets: Analyzer = {
  name: ingressSubsetsAnalyzer.name,
  inputs: ingressSubsetsAnalyzer.inputs,
  analyze({ index, report }) {
    const pinning = new Map<string, Set<string>>();
    for (const vs of index.of('VirtualService')) {
      const hosts = new Set(stringsOf(specOf(vs).hosts));
      for (const rule of listOf(specOf(vs).http)) {
        for (const route of listOf(objOf(rule).route)) {
          const d = objOf(objOf(route).destination);
          if (typeof d.subset === 'string' && d.subset !== '' && typeof d.host === 'string' && hosts.has(d.host)) {
            pinning.set(nameOf(vs), new Set([...(pinning.get(nameOf(vs)) ?? []), d.host]));
          }
        }
      }
    }
    for (const vs of index.of('VirtualService')) {
      if (gatewaysOf(vs).length === 0) continue;
      listOf(specOf(vs).http).forEach((rule, i) => {
        listOf(objOf(rule).route).forEach((route, j) => {
          const d = objOf(objOf(route).destination);
          if ((typeof d.subset === 'string' && d.subset !== '') || typeof d.host !== 'string') return;
          for (const [other, hosts] of pinning) {
            if (!hosts.has(d.host)) continue;
            report(IST.IngressRouteRulesNotAffected, vs,
              `the subsets VirtualService ${other} routes ${d.host} by do not apply to requests through this VirtualService's gateways; route to the subsets here too`, `spec.http[${i}].route[${j}].destination`);
          }
        });
      });
    }
  },
};

// JSON-like values with few, colliding keys (`name` among them) and odd items (undefined, null).
const key = fc.constantFrom('name', 'uri', 'exact', 'prefix', 'headers', 'b', 'a', '__proto__', '1', '');
const leaf = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
})).node;

describe('canonical matches', () => {
  test('canonicalJson writes what sorting keys through map/join writes', () => {
    fc.assert(fc.property(value, (v) => expect(canonicalJson(v)).toBe(canonicalByJoin(v))), { numRuns: 2000 });
  });

  test('canonicalHttpMatch writes the match without its name, anything but a mapping as {}', () => {
    fc.assert(fc.property(value, (v) => {
      const { name: _name, ...rest } = objOf(v);
      expect(canonicalHttpMatch(v)).toBe(canonicalByJoin(rest));
    }), { numRuns: 2000 });
  });
});

describe('IST0140 over a host index', () => {
  const host = fc.constantFrom('a', 'b', 'c.example.com');
  const destination = fc.record({ host: fc.oneof(host, fc.constant(7)), subset: fc.constantFrom(undefined, '', 's1', 's2') }, { requiredKeys: ['host'] });
  const virtualService = fc.record({
    apiVersion: fc.constant('networking.istio.io/v1'),
    kind: fc.constant('VirtualService'),
    // Names repeat across namespaces and objects, so one name may pin hosts from several objects.
    metadata: fc.record({ name: fc.constantFrom('x', 'y', 'z'), namespace: fc.constantFrom('a', 'b') }),
    spec: fc.record({
      hosts: fc.array(host, { maxLength: 3 }),
      gateways: fc.array(fc.constantFrom('mesh', 'gw', 'edge/gw'), { maxLength: 2 }),
      http: fc.array(fc.record({ route: fc.array(fc.record({ destination }), { maxLength: 3 }) }), { maxLength: 3 }),
    }),
  });

  test('reports the same findings in the same order as scanning every pinning VirtualService', () => {
    let reported = 0;
    fc.assert(fc.property(fc.array(virtualService, { maxLength: 10 }), (raw) => {
      const objects = raw.map((o) => JSON.parse(JSON.stringify(o)) as KubeObject);
      const indexed = runAnalyzers([ingressSubsetsAnalyzer], objects);
      reported += indexed.length;
      expect(indexed).toStrictEqual(runAnalyzers([scanningIngressSubsets], objects));
    }), { numRuns: 500 });
    expect(reported).toBeGreaterThan(100);
  });
});
