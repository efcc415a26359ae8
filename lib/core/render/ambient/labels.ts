import { AMBIENT_LABELS, DATAPLANE_MODE_AMBIENT } from '../../ambient/ambient-labels';
import { MeshServiceModel } from '../../mesh-service-model';

/**
 * The pod label that puts a pod in the ambient mesh. Pods get no sidecar injection label: Istio
 * gives a pod that is injected anyway a sidecar, and ztunnel then leaves it alone.
 */
export const AMBIENT_POD_LABELS: Readonly<Record<string, string>> = { [AMBIENT_LABELS.dataplaneMode]: DATAPLANE_MODE_AMBIENT };

/**
 * The labels of a Service served by a waypoint: the waypoint's name, and ingress traffic through
 * it as well, so ingress calls get the same routes and policies (and are not refused by the
 * policy that admits only the waypoint at the pods).
 */
export function waypointServiceLabels(model: Pick<MeshServiceModel, 'ambient'>): Record<string, string> {
  const waypoint = model.ambient?.waypoint;
  return waypoint ? { [AMBIENT_LABELS.useWaypoint]: waypoint.name, [AMBIENT_LABELS.ingressUseWaypoint]: 'true' } : {};
}
