import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';
import { checkTrafficPolicy } from './traffic-policy';
import { labelProblem, wildcardDomainProblem } from '../../core/hosts';

/** Istio's admission rules for a DestinationRule. */
export function checkDestinationRule(issues: Issues, spec: Record<string, any>): void {
  const host = typeof spec.host === 'string' ? spec.host : '';
  const problem = wildcardDomainProblem(host);
  if (problem) issues.error(WEBHOOK_CODES.DESTINATION_RULE, 'spec.host', problem);
  checkTrafficPolicy(issues, spec.trafficPolicy, 'spec.trafficPolicy');
  const names = new Set<string>();
  list(spec.subsets).forEach((raw, i) => {
    const s = obj(raw);
    const at = `spec.subsets[${i}]`;
    if (!s) return;
    const name = typeof s.name === 'string' ? s.name : '';
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63) {
      issues.error(WEBHOOK_CODES.DESTINATION_RULE, `${at}.name`, `subset name "${name}" must be a DNS-1123 label (lower-case letters, digits and '-')`);
    } else if (names.has(name)) {
      issues.error(WEBHOOK_CODES.DESTINATION_RULE, `${at}.name`, `subset name "${name}" is used twice; subset names must be unique`);
    }
    names.add(name);
    for (const [key, value] of Object.entries(obj(s.labels) ?? {})) {
      const labelIssue = labelProblem(key, value);
      if (labelIssue) issues.error(WEBHOOK_CODES.DESTINATION_RULE, `${at}.labels.${key}`, labelIssue);
    }
    checkTrafficPolicy(issues, s.trafficPolicy, `${at}.trafficPolicy`);
  });
}
