import { WEBHOOK_CODES } from './codes';
import { Issues, obj } from './issues';
import { KubeObject } from '../../core/kube-object';

const DRY_RUN = 'istio.io/dry-run';
/** What Go's strconv.ParseBool accepts. */
const BOOLEAN_TEXT = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
/** Istio's internal annotations, which users may not set: one rejects always, two raise privileges. */
const FORBIDDEN_ANNOTATIONS: readonly [string, string][] = [
  ['internal.istio.io/webhook-always-reject', 'annotation found, rejecting'],
  ['internal.istio.io/parent-namespace', 'annotation found, this may not be set by users'],
  ['internal.istio.io/parents', 'annotation found, this may not be set by users'],
];

/**
 * Istio's validateMetadata, which wraps every kind's validation: `istio.io/dry-run` only on an
 * AuthorizationPolicy with action ALLOW or DENY and a boolean value, and none of Istio's internal
 * annotations. Returns false when the object is refused here, as Istio then runs no other rule.
 */
export function checkMetadata(issues: Issues, object: KubeObject, spec: Record<string, any>): boolean {
  const annotations = obj(object.metadata.annotations) ?? {};
  const where = `${object.metadata.namespace ?? 'default'}/${object.metadata.name}`;
  const C = WEBHOOK_CODES.METADATA;
  if (DRY_RUN in annotations) {
    const at = `metadata.annotations["${DRY_RUN}"]`;
    const value = String(annotations[DRY_RUN]);
    const action = typeof spec.action === 'string' ? spec.action : 'ALLOW';
    if (object.kind !== 'AuthorizationPolicy') {
      issues.error(C, at, `${where} has unsupported annotation ${DRY_RUN}, please remove the annotation`);
      return false;
    }
    if (action !== 'ALLOW' && action !== 'DENY') {
      issues.error(C, at, `the annotation ${DRY_RUN} currently only supports action ALLOW/DENY, found action ${action} in ${where}`);
      return false;
    }
    if (!BOOLEAN_TEXT.has(value)) {
      issues.error(C, at, `${where} has annotation ${DRY_RUN} with invalid value: "${value}" is not a boolean; use "true" or "false"`);
      return false;
    }
  }
  for (const [name, message] of FORBIDDEN_ANNOTATIONS) {
    if (name in annotations) {
      issues.error(C, `metadata.annotations["${name}"]`, `"${name}" ${message}`);
      return false;
    }
  }
  return true;
}
