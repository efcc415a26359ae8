import { PropChecker } from '../checks';
import { MeshServiceModel } from '../mesh-service-model';

/**
 * A canary splits calls by weight and header, which in ambient mode only a waypoint does; ztunnel
 * would send every call to the Service as before. The service is rendered before the canary
 * attaches, so its waypoint has to be asked for there.
 */
export function requireWaypointForCanary(check: PropChecker, service: MeshServiceModel): void {
  if (!service.ambient || service.ambient.waypoint) return;
  check.fail('service', service.name,
    'is in ambient mode without a waypoint, and a canary split (weights, header routes, mirroring) is applied per call by a waypoint; ztunnel forwards whole connections and would ignore it',
    'set waypoint: true (or sharedWaypoint) on the GrpcMeshService');
}
