import { KubeObject } from '../../core/kube-object';
import { Finding } from '../finding';

/** What Istio's validating admission webhook would reject or warn about, one object at a time. */
export function checkWebhook(_object: KubeObject): Finding[] {
  return [];
}
