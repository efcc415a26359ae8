import { KubeObject } from '../../core/kube-object';
import { Finding } from '../finding';

/**
 * What the Kubernetes API server would reject: the served CRD version's OpenAPI schema (unknown
 * fields rejected) and its CEL rules for Istio kinds, and the basic shape of core kinds.
 */
export function checkSchema(_object: KubeObject): Finding[] {
  return [];
}
