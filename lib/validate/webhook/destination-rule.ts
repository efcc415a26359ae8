import { WEBHOOK_CODES } from './codes';
import { checkExportTo } from './export-to';
import { Issues, list, obj } from './issues';
import { isIstioDnsLabel, wildcardDomainProblem } from './istio-hosts';
import { checkTrafficPolicy } from './traffic-policy';
import { checkWorkloadSelector } from './workload-selector';
import { labelProblem } from '../../core/hosts';

/** Istio's admission rules for a DestinationRule (ValidateDestinationRule). */
export function checkDestinationRule(issues: Issues, spec: Record<string, any>, namespace = ''): void {
  const host = typeof spec.host === 'string' ? spec.host : '';
  const problem = wildcardDomainProblem(host);
  if (problem) issues.error(WEBHOOK_CODES.DESTINATION_RULE, 'spec.host', problem);
  checkTrafficPolicy(issues, spec.trafficPolicy, 'spec.trafficPolicy');
  const names = new Set<string>();
  list(spec.subsets).forEach((raw, i) => {
    const s = obj(raw);
    const at = `spec.subsets[${i}]`;
    if (!s) {
      issues.error(WEBHOOK_CODES.DESTINATION_RULE, at, 'subset may not be null');
      return;
    }
    const name = typeof s.name === 'string' ? s.name : '';
    if (names.has(name)) issues.error(WEBHOOK_CODES.DESTINATION_RULE, `${at}.name`, `duplicate subset names: ${name}; subset names must be unique`);
    names.add(name);
    if (name === '') issues.error(WEBHOOK_CODES.DESTINATION_RULE, `${at}.name`, 'subset name cannot be empty');
    else if (!isIstioDnsLabel(name)) issues.error(WEBHOOK_CODES.DESTINATION_RULE, `${at}.name`, `subset name is invalid: ${name} (a subset name is a DNS-1123 label: letters, digits and '-')`);
    for (const [key, value] of Object.entries(obj(s.labels) ?? {})) {
      const labelIssue = labelProblem(key, value);
      if (labelIssue) issues.error(WEBHOOK_CODES.DESTINATION_RULE, `${at}.labels.${key}`, labelIssue);
    }
    checkTrafficPolicy(issues, s.trafficPolicy, `${at}.trafficPolicy`);
  });
  checkExportTo(issues, spec.exportTo, namespace, { drWithSelector: obj(spec.workloadSelector) !== undefined });
  checkWorkloadSelector(issues, spec.workloadSelector, 'spec.workloadSelector');
}
