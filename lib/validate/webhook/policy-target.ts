import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';
import { checkWorkloadSelector } from './workload-selector';

/** What a policy's targetRef may name: kind and group (the core group is "" or "core"). */
const ALLOWED_TARGETS = [
  { kind: 'Service', group: 'core' },
  { kind: 'ServiceEntry', group: 'networking.istio.io' },
  { kind: 'Gateway', group: 'gateway.networking.k8s.io' },
  { kind: 'GatewayClass', group: 'gateway.networking.k8s.io' },
];

/**
 * Istio's validateOneOfSelectorType, validateWorkloadSelector and validatePolicyTargetReference(s),
 * shared by AuthorizationPolicy, RequestAuthentication and Telemetry.
 */
export function checkPolicyTargets(issues: Issues, spec: Record<string, any>, code = WEBHOOK_CODES.POLICY_TARGET): void {
  const present = (v: unknown) => v !== undefined && v !== null;
  const set = [present(spec.selector), present(spec.targetRef), list(spec.targetRefs).length > 0];
  if (set.filter(Boolean).length > 1) issues.error(code, 'spec', 'only one of targetRefs or workloadSelector can be set');
  checkWorkloadSelector(issues, spec.selector, 'spec.selector');
  const refs = [
    ...(obj(spec.targetRef) ? [{ ref: obj(spec.targetRef)!, path: 'spec.targetRef' }] : []),
    ...list(spec.targetRefs).map((r, i) => ({ ref: obj(r) ?? {}, path: `spec.targetRefs[${i}]` })),
  ];
  for (const { ref, path } of refs) {
    if (typeof ref.name !== 'string' || ref.name === '') issues.error(code, `${path}.name`, 'targetRef name must be set');
    if (typeof ref.namespace === 'string' && ref.namespace !== '') issues.error(code, `${path}.namespace`, 'targetRef namespace must not be set; cross namespace referencing is not supported');
    const group = typeof ref.group === 'string' && ref.group !== '' ? ref.group : 'core';
    if (!ALLOWED_TARGETS.some((t) => t.kind === ref.kind && t.group === group)) {
      issues.error(code, `${path}.kind`, `targetRef must be to a Service, ServiceEntry, Gateway (gateway.networking.k8s.io) or GatewayClass, not ${ref.group ? `${String(ref.group)}/` : ''}${String(ref.kind ?? '')}`);
    }
  }
}
