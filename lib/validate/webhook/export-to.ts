import { WEBHOOK_CODES } from './codes';
import { Issues, list } from './issues';
import { isIstioDnsLabel } from './istio-hosts';

/**
 * Istio's validateExportTo: `.` (this namespace), `*` (all) or namespace names, each once, `*`
 * alone; `~` (nobody) only on ServiceEntries and then alone; a DestinationRule with a workload
 * selector exports to its own namespace only.
 */
export function checkExportTo(
  issues: Issues, exportTo: unknown, namespace: string, opts: { serviceEntry?: boolean; drWithSelector?: boolean } = {},
): void {
  const entries = list(exportTo).map(String);
  if (entries.length === 0) return;
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const at = `spec.exportTo[${i}]`;
    const key = e === '.' ? namespace : e;
    if (seen.has(key)) {
      issues.error(WEBHOOK_CODES.EXPORT_TO, at, key !== e ? `duplicate entries in exportTo: . and current namespace ${namespace}` : `duplicate entries in exportTo for entry ${e}`);
      return;
    }
    if (opts.serviceEntry && e === '~') {
      seen.add(key);
    } else if (e === '~') {
      issues.error(WEBHOOK_CODES.EXPORT_TO, at, 'exportTo ~ (none) is not allowed for Istio configuration objects');
    } else if (key !== '*' && key !== '.' && !isIstioDnsLabel(key)) {
      issues.error(WEBHOOK_CODES.EXPORT_TO, at, `only .,*, or a valid DNS 1123 label is allowed as exportTo entry (got "${e}")`);
    } else {
      seen.add(key);
    }
  });
  if (opts.drWithSelector && seen.size > 0) {
    if (!seen.has(namespace)) issues.error(WEBHOOK_CODES.EXPORT_TO, 'spec.exportTo', 'destination rule with workload selector cannot have exportTo beyond current namespace');
    else if (seen.size > 1) issues.error(WEBHOOK_CODES.EXPORT_TO, 'spec.exportTo', 'destination rule with workload selector cannot have multiple entries in exportTo');
  }
  if (seen.has('*') && entries.length > 1) issues.error(WEBHOOK_CODES.EXPORT_TO, 'spec.exportTo', 'cannot have both public (*) and non-public exportTo values for a resource');
  if (seen.has('~') && entries.length > 1) issues.error(WEBHOOK_CODES.EXPORT_TO, 'spec.exportTo', 'cannot export service entry to no one (~) and someone');
}
