import * as gatewayapi from '../../../../imports/gateway.networking.k8s.io';
import { AMBIENT_LABELS, WAYPOINT_GATEWAY_CLASS, WAYPOINT_LISTENER } from '../../ambient/ambient-labels';
import { MeshServiceModel } from '../../mesh-service-model';
import { objectMeta } from '../labels';

/**
 * The service's own waypoint: a Gateway istiod deploys as an Envoy for service traffic, with the
 * HBONE listener on 15008 that `istioctl waypoint generate` writes. Undefined without one, or
 * when the service uses a shared waypoint that exists already.
 */
export function renderWaypoint(model: MeshServiceModel): gatewayapi.GatewayProps | undefined {
  const waypoint = model.ambient?.waypoint;
  if (!waypoint?.created) return undefined;
  return {
    metadata: objectMeta(waypoint.name, model.namespace, model.name, { labels: { [AMBIENT_LABELS.waypointFor]: 'service' } }),
    spec: {
      gatewayClassName: WAYPOINT_GATEWAY_CLASS,
      listeners: [{ ...WAYPOINT_LISTENER }],
    },
  };
}
