import { WEBHOOK_CODES } from './codes';
import { Issues, obj } from './issues';
import { checkWorkloadSelector } from './workload-selector';

/** Istio's ValidateProxyConfig: the workload selector, and a concurrency of 0 or more. */
export function checkProxyConfig(issues: Issues, spec: Record<string, any>): void {
  checkWorkloadSelector(issues, spec.selector, 'spec.selector');
  // concurrency is a wrapped Int32Value: the number itself, or { value } in the proto JSON form.
  const concurrency = typeof spec.concurrency === 'number' ? spec.concurrency : obj(spec.concurrency)?.value;
  if (typeof concurrency === 'number' && concurrency < 0) {
    issues.error(WEBHOOK_CODES.PROXY_CONFIG, 'spec.concurrency', 'concurrency must be greater than or equal to 0');
  }
}
