import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, objOf } from '../objects';

/** IST0130/IST0131: rules no request can reach, and matches an earlier rule already takes (Istio checks these in validation). */
export const unreachableRulesAnalyzer: Analyzer = {
  name: 'schema.VirtualServiceRulesAnalyzer',
  inputs: ['VirtualService'],
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) checkHttpRules(vs, report);
  },
};

function checkHttpRules(vs: KubeObject, report: AnalysisContext['report']): void {
  const seen = new Set<string>();
  let catchAll = -1;
  listOf(objOf((vs as any).spec).http).forEach((rule, i) => {
    const matches = listOf(objOf(rule).match);
    if (catchAll >= 0) {
      report(IST.VirtualServiceUnreachableRule, vs, `rule ${i} is never reached: rule ${catchAll} has no match and takes every request first; move the catch-all rule last`, `spec.http[${i}]`);
      return;
    }
    if (matches.length === 0) {
      catchAll = i;
      return;
    }
    let repeated = 0;
    matches.forEach((m, j) => {
      const key = canonical(withoutName(m));
      if (seen.has(key)) {
        repeated++;
        report(IST.VirtualServiceIneffectiveMatch, vs, `match ${j} of rule ${i} repeats a match of an earlier rule, which takes those requests first`, `spec.http[${i}].match[${j}]`);
      }
      seen.add(key);
    });
    if (repeated === matches.length) {
      report(IST.VirtualServiceUnreachableRule, vs, `rule ${i} is never reached: earlier rules already take all of its matches`, `spec.http[${i}]`);
    }
  });
}

function withoutName(match: unknown): unknown {
  const { name: _name, ...rest } = objOf(match);
  return rest;
}

/** JSON with sorted keys, so equal matches compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as any)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
