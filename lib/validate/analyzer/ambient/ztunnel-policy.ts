import { listOf, objOf } from '../objects';

/** HTTP attributes of an operation ztunnel cannot match (istiod's ambient conversion drops them). */
const L7_OPERATION_FIELDS = ['hosts', 'notHosts', 'methods', 'notMethods', 'paths', 'notPaths'];
/** Source fields ztunnel cannot match. */
const L7_SOURCE_FIELDS = ['remoteIpBlocks', 'notRemoteIpBlocks', 'requestPrincipals', 'notRequestPrincipals'];
/** Source fields ztunnel matches. */
const L4_SOURCE_FIELDS = ['ipBlocks', 'notIpBlocks', 'namespaces', 'notNamespaces', 'principals', 'notPrincipals', 'serviceAccounts', 'notServiceAccounts'];
/** `when` keys ztunnel matches; any other key is HTTP-level. */
const L4_WHEN_KEYS = new Set(['source.ip', 'source.namespace', 'source.principal', 'destination.ip', 'destination.port']);

function nonEmpty(o: Record<string, any>, field: string): boolean {
  return listOf(o[field]).length > 0;
}

/** What ztunnel makes of a selector or namespace-wide AuthorizationPolicy. */
export interface ZtunnelView {
  /** The HTTP attributes it finds (`to.operation.paths`, `when request.headers[x]`, ...). */
  readonly l7: readonly string[];
  /** Whether some rule still matches after they are omitted (for DENY: whether the policy has an effect). */
  readonly effective: boolean;
}

/**
 * How istiod converts the policy for ztunnel (pilot/pkg/serviceregistry/ambient/authorization.go):
 * HTTP attributes are omitted; in an ALLOW policy a rule that had any never matches; in a DENY
 * policy the rest of the rule is enforced, and a clause left empty never matches.
 */
export function ztunnelView(spec: Record<string, any>): ZtunnelView {
  const l7 = new Set<string>();
  let effective = false;
  for (const raw of listOf(spec.rules)) {
    const rule = objOf(raw);
    const to = listOf(rule.to).map((t) => objOf(objOf(t).operation));
    const from = listOf(rule.from).map((f) => objOf(objOf(f).source));
    const when = listOf(rule.when).map(objOf);
    let ruleL7 = false;
    for (const op of to) for (const f of L7_OPERATION_FIELDS) if (nonEmpty(op, f)) { l7.add(`to.operation.${f}`); ruleL7 = true; }
    for (const src of from) for (const f of L7_SOURCE_FIELDS) if (nonEmpty(src, f)) { l7.add(`from.source.${f}`); ruleL7 = true; }
    for (const w of when) if (!L4_WHEN_KEYS.has(String(w.key))) { l7.add(`when ${String(w.key)}`); ruleL7 = true; }
    const clauses = [
      ...(to.length > 0 ? [to.some((op) => nonEmpty(op, 'ports') || nonEmpty(op, 'notPorts'))] : []),
      ...(from.length > 0 ? [from.some((src) => L4_SOURCE_FIELDS.some((f) => nonEmpty(src, f)))] : []),
      ...when.map((w) => L4_WHEN_KEYS.has(String(w.key))),
    ];
    const matches = clauses.every(Boolean);
    if (spec.action === 'DENY' ? matches : matches && !ruleL7) effective = true;
  }
  return { l7: [...l7], effective };
}

/** What ztunnel does instead, in a sentence. */
export function ztunnelOutcome(action: string, view: ZtunnelView): string {
  if (action === 'DENY') {
    return view.effective
      ? 'ztunnel enforces this DENY policy without them, so it denies more than written'
      : 'after omitting them ztunnel has no rule left to match, so this DENY policy has no effect';
  }
  return view.effective
    ? 'ztunnel drops the rules that use them (they never match), so requests only those rules allow are denied'
    : 'every rule uses them, so the ALLOW policy matches nothing at ztunnel and all traffic to these pods that no other ALLOW policy admits is denied';
}
