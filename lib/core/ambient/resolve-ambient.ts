import { ownWaypointName } from './ambient-labels';
import { l7PropsOf } from './l7-props';
import { PropChecker } from '../checks';
import { DataPlane, MeshMode, RoutingApi } from '../mesh-mode';
import { GrpcMeshServiceProps } from '../mesh-service-props';
import { PROP_WARNING_CODES, PropWarning } from '../prop-warnings';

/** The waypoint serving an ambient service. */
export interface WaypointModel {
  /** Name of the waypoint Gateway (in the service's namespace). */
  readonly name: string;
  /** Whether the service renders it (false: a shared waypoint that exists already). */
  readonly created: boolean;
}

/** Ambient mode, resolved: whether a waypoint serves the service, and why. */
export interface AmbientModel {
  /** The waypoint, when the service has one. */
  readonly waypoint?: WaypointModel;
  /** The props that need an L7 proxy (field paths), which made an automatic waypoint. */
  readonly l7Props: readonly string[];
}

/** `lifecycle` fields that configure the sidecar's drain, which ambient pods do not have. */
const SIDECAR_ONLY_LIFECYCLE = ['drainDuration', 'exitOnZeroActiveConnections'] as const;

/**
 * Decides the waypoint of an ambient service and refuses what ambient mode cannot do: a waypoint
 * on sidecar pods, L7 props with `waypoint: false`, sidecar-only settings. Returns undefined on
 * the SIDECAR data plane.
 */
export function resolveAmbient(check: PropChecker, props: GrpcMeshServiceProps, mode: MeshMode, warnings: PropWarning[]): AmbientModel | undefined {
  if (mode.dataPlane !== DataPlane.AMBIENT) {
    for (const field of ['waypoint', 'sharedWaypoint'] as const) {
      if (props[field] !== undefined) {
        check.fail(field, props[field], 'only ambient pods use a waypoint; sidecar pods run their own L7 proxy', `remove ${field}, or set dataPlane: DataPlane.AMBIENT`);
      }
    }
    return undefined;
  }
  refuseSidecarOnlySettings(check, props);
  const shared = props.sharedWaypoint !== undefined ? check.dnsLabel('sharedWaypoint', props.sharedWaypoint) : undefined;
  if (shared !== undefined && props.waypoint === false) {
    check.fail('sharedWaypoint', shared, 'names a waypoint while waypoint is false', 'remove sharedWaypoint for an L4-only service, or remove waypoint: false');
  }
  const l7Props = l7PropsOf(props);
  if (props.waypoint === false && l7Props.length > 0) {
    check.fail(l7Props[0], 'set', 'needs an L7 proxy, which in ambient mode is a waypoint, and waypoint is false: ztunnel forwards whole connections and would ignore it', `remove ${l7Props[0]}${l7Props.length > 1 ? ` (and ${l7Props.slice(1, 4).join(', ')}${l7Props.length > 4 ? ', ...' : ''})` : ''}, or remove waypoint: false`);
  }
  const wanted = props.waypoint ?? (shared !== undefined || l7Props.length > 0);
  if (!wanted) {
    warnings.push({
      code: PROP_WARNING_CODES.AMBIENT_WITHOUT_WAYPOINT.code,
      field: 'waypoint',
      message: 'ambient mode without a waypoint: ztunnel balances connections, not calls, so all calls of a gRPC client\'s HTTP/2 connection go to one pod, and no route, retry or timeout applies; set waypoint: true for per-call balancing',
    });
    return { l7Props };
  }
  if (mode.routingApi === RoutingApi.ISTIO) {
    warnings.push({
      code: PROP_WARNING_CODES.AMBIENT_VIRTUAL_SERVICE.code,
      field: 'routingApi',
      message: 'the waypoint applies the VirtualService, which Istio supports in ambient mode at Alpha level only; RoutingApi.GATEWAY_API (GRPCRoute) is the routing API waypoints support',
    });
  }
  const name = shared ?? ownWaypointName(props.name);
  if (name.length > 63) {
    check.fail('name', props.name, `the service's waypoint would be named ${name}, longer than the 63 characters istiod can name the waypoint's Service and ServiceAccount after`, `shorten name to at most ${63 - ownWaypointName('').length} characters, or set sharedWaypoint`);
  }
  return { waypoint: { name, created: shared === undefined }, l7Props };
}

/** The sidecar's drain lives in `proxy.istio.io/config`; an ambient pod has no sidecar to read it. */
function refuseSidecarOnlySettings(check: PropChecker, props: GrpcMeshServiceProps): void {
  for (const field of SIDECAR_ONLY_LIFECYCLE) {
    const value = props.lifecycle?.[field];
    if (value !== undefined) {
      check.fail(`lifecycle.${field}`, typeof value === 'object' ? String(value) : value, 'configures the Istio sidecar\'s drain, and ambient pods have no sidecar (ztunnel and the waypoint are shared proxies outside the pod)', `remove lifecycle.${field}; preStopDelay and terminationGracePeriod still apply`);
    }
  }
}
