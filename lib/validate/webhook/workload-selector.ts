import { WEBHOOK_CODES } from './codes';
import { Issues, obj } from './issues';

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
