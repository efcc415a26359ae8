import { AuthorizationPolicyModel, AuthorizationRuleModel, ServiceRunbookModel } from './runbook-model';
import { shellQuote } from './runbook-names';

/** `/pkg.Service/Method` paths read as methods; anything else as written. */
function operationText(to: readonly string[]): string {
  return to.length ? to.map((t) => `\`${t}\``).join('; ') : 'every method';
}

function callersText(from: readonly string[]): string {
  return from.length ? from.map((f) => `\`${f}\``).join('; ') : 'any caller';
}

function ruleRow(p: AuthorizationPolicyModel, r: AuthorizationRuleModel): string {
  const when = r.conditions ? ` (and ${r.conditions} \`when\` condition${r.conditions === 1 ? '' : 's'})` : '';
  return `| \`${p.namespace}/${p.name}\` | ${p.action} | ${callersText(r.from)} | ${operationText(r.to)}${when} |`;
}

/**
 * "Who may call": the AuthorizationPolicies that select the service's pods, one row per rule
 * (callers → methods), how Istio combines them, and how a refused call shows up.
 */
export function authorizationSection(m: ServiceRunbookModel): string[] {
  const out = ['## Who may call', ''];
  const policies = m.authorizationPolicies;
  if (policies.length === 0) {
    out.push('No AuthorizationPolicy in these manifests selects these pods: any caller may call every method, unless a policy elsewhere (for example mesh-wide in istio-system) says otherwise.', '');
    return out;
  }
  out.push('| AuthorizationPolicy | Action | Callers | Methods |', '| --- | --- | --- | --- |');
  for (const p of policies) {
    if (p.rules.length === 0) {
      out.push(`| \`${p.namespace}/${p.name}\` | ${p.action} | no rules | ${p.action === 'ALLOW' ? '**nothing is allowed by this policy**' : 'matches nothing'} |`);
    }
    for (const r of p.rules) out.push(ruleRow(p, r));
  }
  out.push('');
  const allows = policies.filter((p) => p.action === 'ALLOW');
  if (allows.length) {
    out.push('Istio evaluates CUSTOM, then DENY, then ALLOW policies: with an ALLOW policy present, a call that no ALLOW rule matches is refused. '
      + 'A refused call gets HTTP 403 with `RBAC: access denied` (gRPC status PERMISSION_DENIED, 7) and `response_code_details` `rbac_access_denied_matched_policy[...]` in the server\'s access log.', '');
  } else {
    out.push('Only DENY/AUDIT/CUSTOM policies: calls their rules do not match are allowed.', '');
  }
  out.push('```sh', `istioctl x authz check "$SERVER_POD" -n ${shellQuote(m.namespace)}`, '```', '');
  out.push('Healthy: the RBAC filters list the rules above for the inbound listener of the port.', '');
  return out;
}

/** "Mirroring": the routes that copy calls elsewhere, with their share. Empty when no route mirrors. */
export function mirroringSection(m: ServiceRunbookModel): string[] {
  const rows = m.virtualServices.flatMap((vs) => vs.routes.flatMap((r) => r.mirrors.map((mirror) => {
    const target = `\`${mirror.host}\`${mirror.subset ? ` subset \`${mirror.subset}\`` : ''}`;
    return `| \`${vs.name}\` | ${r.name ?? r.match} | ${target} | ${mirror.percent !== undefined ? `${mirror.percent}%` : '100% (default)'} |`;
  })));
  if (rows.length === 0) return [];
  return [
    '## Mirroring', '',
    '| VirtualService | Route | Copies calls to | Share |', '| --- | --- | --- | --- |', ...rows, '',
    'Mirrored calls are fire-and-forget: the caller never sees their response, and the copy\'s `:authority` gets a `-shadow` suffix, so the mirror target\'s access log shows them under that host. Errors there (UH, UF, NR) do not reach callers.', '',
  ];
}
