import { WEBHOOK_CODES } from './codes';
import { Issues, obj } from './issues';
import { CodeInfo } from '../code-info';

/** Istio's validateWorkloadSelector: no empty keys, no wildcards, and a warning for no labels. */
export function checkWorkloadSelector(issues: Issues, selector: unknown, path: string): void {
  const s = obj(selector);
  if (!s) return;
  const labels = obj(s.matchLabels) ?? {};
  for (const [k, v] of Object.entries(labels)) {
    if (k === '') issues.error(WEBHOOK_CODES.WORKLOAD_SELECTOR, `${path}.matchLabels`, `empty key is not supported in selector: "=${String(v)}"`);
    if (k.includes('*') || String(v).includes('*')) issues.error(WEBHOOK_CODES.WORKLOAD_SELECTOR, `${path}.matchLabels`, `wildcard is not supported in selector: "${k}=${String(v)}"`);
  }
  if (Object.keys(labels).length === 0) issues.warn(WEBHOOK_CODES.WORKLOAD_SELECTOR, path, 'workload selector specified without labels; it selects every workload in the namespace (remove it to say so, or add matchLabels)');
}

/**
 * The `workloadSelector.labels` check of Istio's ValidateServiceEntry and ValidateSidecar: empty
 * keys and wildcards are errors. Returns whether any was found (Istio reports nothing else then).
 */
export function reportBadSelectorLabels(issues: Issues, code: CodeInfo, labels: Record<string, unknown>): boolean {
  const bad = Object.entries(labels).filter(([k, v]) => k === '' || k.includes('*') || String(v).includes('*'));
  for (const [k, v] of bad) {
    issues.error(code, 'spec.workloadSelector.labels', k === '' ? `empty key is not supported in selector: "=${String(v)}"` : `wildcard is not supported in selector: "${k}=${String(v)}"`);
  }
  return bad.length > 0;
}
