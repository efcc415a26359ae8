import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { canonicalHttpMatch, canonicalJson } from './canonical-match';
import { IST } from '../messages';
import { listOf, objOf, specOf } from '../objects';

type Report = AnalysisContext['report'];

/**
 * IST0130/IST0131, for http, tcp and tls routes, as Istio's VirtualService validation finds them:
 * a rule after one without matches, a rule all of whose matches earlier rules repeat, repeated
 * matches, and (http) a prefix match an earlier, shorter prefix with the same other conditions covers.
 */
export const unreachableRulesAnalyzer: Analyzer = {
  name: 'schema.ValidationAnalyzer.VirtualService',
  inputs: ['VirtualService'],
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) {
      for (const kind of ['http', 'tcp', 'tls'] as const) checkRules(vs, kind, report);
    }
  },
};

function checkRules(vs: KubeObject, kind: 'http' | 'tcp' | 'tls', report: Report): void {
  const seen = new Map<string, number>();
  const prefixes: PrefixMatch[] = [];
  let catchAll = -1;
  listOf(specOf(vs)[kind]).forEach((raw, i) => {
    if (raw === null || raw === undefined) return;
    const rule = objOf(raw);
    const matches = listOf(rule.match);
    const path = `spec.${kind}[${i}]`;
    if (matches.length === 0) {
      if (catchAll >= 0) report(IST.VirtualServiceUnreachableRule, vs, `${kind} rule ${ruleName(rule, i)} is never used: only the last rule may have no match (rule ${catchAll} has none)`, path);
      catchAll = i;
      return;
    }
    if (catchAll >= 0) {
      report(IST.VirtualServiceUnreachableRule, vs, `${kind} rule ${ruleName(rule, i)} is never used: rule ${catchAll} has no match and takes every request first; move the catch-all rule last`, path);
      return;
    }
    let repeated = 0;
    matches.forEach((m, j) => {
      // Istio compares http matches without their name, tcp and tls matches as written.
      const key = kind === 'http' ? canonicalHttpMatch(m) : canonicalJson(m);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        repeated++;
        report(IST.VirtualServiceIneffectiveMatch, vs, `match ${j} of ${kind} rule ${ruleName(rule, i)} repeats a match of rule ${earlier}, which takes those requests first`, `${path}.match[${j}]`);
        return;
      }
      seen.set(key, i);
      if (kind === 'http') {
        const prefix = prefixMatchOf(objOf(m), i, j);
        if (prefix) prefixes.push(prefix);
      }
    });
    if (repeated === matches.length) report(IST.VirtualServiceUnreachableRule, vs, `${kind} rule ${ruleName(rule, i)} is never used: earlier rules already take all of its matches`, path);
  });
  for (let a = 0; a < prefixes.length; a++) {
    for (let b = a + 1; b < prefixes.length; b++) {
      if (prefixes[a].prefix === prefixes[b].prefix || !covers(prefixes[a], prefixes[b])) continue;
      report(IST.VirtualServiceIneffectiveMatch, vs,
        `match ${prefixes[b].match} of http rule ${prefixes[b].rule} (prefix ${prefixes[b].prefix}) is covered by match ${prefixes[a].match} of rule ${prefixes[a].rule} (prefix ${prefixes[a].prefix}), which comes first`,
        `spec.http[${prefixes[b].rule}].match[${prefixes[b].match}]`);
    }
  }
}

/** An http match on a URI prefix, reduced to the conditions Istio compares for overlap. */
interface PrefixMatch {
  readonly rule: number;
  readonly match: number;
  readonly prefix: string;
  readonly port: number;
  readonly method: string;
  readonly authority: string;
  readonly headers: Map<string, string>;
  readonly queryParams: Map<string, string>;
  readonly withoutHeaders: Map<string, string>;
}

function prefixMatchOf(m: Record<string, any>, rule: number, match: number): PrefixMatch | undefined {
  const prefix = objOf(m.uri).prefix;
  if (m.uri === undefined || m.uri === null || typeof prefix !== 'string' || prefix === '') return undefined;
  const values = (v: unknown) => new Map(Object.entries(objOf(v)).map(([k, sm]) => [k, exactOrPrefix(sm)]));
  return {
    rule,
    match,
    prefix,
    port: typeof m.port === 'number' ? m.port : 0,
    // Istio treats a match without a method as GET.
    method: exactOrPrefix(m.method) || 'exact:GET',
    authority: exactOrPrefix(m.authority),
    headers: values(m.headers),
    queryParams: values(m.queryParams),
    withoutHeaders: values(m.withoutHeaders),
  };
}

function exactOrPrefix(stringMatch: unknown): string {
  const sm = objOf(stringMatch);
  if (typeof sm.exact === 'string' && sm.exact !== '') return `exact:${sm.exact}`;
  if (typeof sm.prefix === 'string' && sm.prefix !== '') return `prefix:${sm.prefix}`;
  return '';
}

/** Whether the earlier match `a` takes every request of the later `b` (Istio's coveredValidation). */
function covers(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix) || a.port !== b.port) return false;
  if (a.method !== b.method && !a.method.startsWith(b.method)) return false;
  if (a.authority !== b.authority && !a.authority.startsWith(b.authority)) return false;
  return [[a.headers, b.headers], [a.queryParams, b.queryParams], [a.withoutHeaders, b.withoutHeaders]].every(([x, y]) => {
    if (x.size !== y.size) return false;
    for (const [k, v] of x) {
      const w = y.get(k);
      if (w === undefined || (v !== w && !v.startsWith(w))) return false;
    }
    return true;
  });
}

function ruleName(rule: Record<string, any>, index: number): string {
  return typeof rule.name === 'string' && rule.name ? `${index} (${rule.name})` : String(index);
}
