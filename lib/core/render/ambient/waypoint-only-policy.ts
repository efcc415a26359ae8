import * as security from '../../../../imports/security.istio.io';
import { waypointPrincipal } from '../../ambient/ambient-labels';
import { MeshServiceModel } from '../../mesh-service-model';
import { objectMeta } from '../labels';

/** Name of the policy that admits only the waypoint at the pods: `<service>-via-waypoint`. */
export function waypointOnlyPolicyName(serviceName: string): string {
  return `${serviceName}-via-waypoint`;
}

/**
 * When callers are restricted behind a waypoint, the policy with the callers is enforced at the
 * waypoint; this one, enforced by ztunnel at the pods, admits only the waypoint's identity, so a
 * caller dialling a pod IP directly cannot skip the waypoint and its rules. Istio's docs give the
 * same pattern: an L4 policy allowing the waypoint's service account. Kubelet probes are not
 * affected: ambient mode exempts them from ztunnel's policy.
 */
export function renderWaypointOnlyPolicy(model: MeshServiceModel, restricted: boolean): security.AuthorizationPolicyProps | undefined {
  const waypoint = model.ambient?.waypoint;
  if (!waypoint || !restricted) return undefined;
  return {
    metadata: objectMeta(waypointOnlyPolicyName(model.name), model.namespace, model.name),
    spec: {
      selector: { matchLabels: { ...model.selector } },
      action: security.AuthorizationPolicySpecAction.ALLOW,
      rules: [{ from: [{ source: { principals: [waypointPrincipal(model.namespace, waypoint.name)] } }] }],
    },
  };
}
