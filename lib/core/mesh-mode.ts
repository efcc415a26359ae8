import { PropChecker } from './checks';

/** Which API carries a service's routing (routes, splits, mirrors). */
export enum RoutingApi {
  /** Istio's VirtualService and DestinationRule subsets. */
  ISTIO = 'ISTIO',
  /**
   * Kubernetes Gateway API: a GRPCRoute with the Service as parent (GAMMA) and per-version
   * Services for a canary; a DestinationRule still carries the connection pool, load balancer,
   * outlier detection and TLS mode, which Gateway API has no field for.
   */
  GATEWAY_API = 'GATEWAY_API',
}

/** How the pods join the mesh. */
export enum DataPlane {
  /** An Envoy sidecar in every pod (`istio-injection` / `sidecar.istio.io/inject`). */
  SIDECAR = 'SIDECAR',
  /**
   * Ambient mode: ztunnel on each node for mTLS and L4 policy; a waypoint proxy for the service
   * when any L7 feature (per-method routes, retries, timeouts, header routes, mirrors, per-method
   * authorization, proxy access logs) is used.
   */
  AMBIENT = 'AMBIENT',
}

/** The routing API and data plane of a service, resolved. */
export interface MeshMode {
  readonly routingApi: RoutingApi;
  readonly dataPlane: DataPlane;
}

/**
 * App-wide defaults: the cdk8s context keys (`app.node.setContext(...)`, or `context` in
 * cdk8s.yaml) and the Pulumi config keys (`pulumi config set istio-grpc:routingApi GATEWAY_API`).
 * An explicit prop on the construct wins.
 */
export const MESH_MODE_DEFAULT_KEYS = {
  routingApi: 'istio-grpc:routingApi',
  dataPlane: 'istio-grpc:dataPlane',
} as const;

/** The mode props a construct accepts. */
export interface MeshModeProps {
  readonly routingApi?: RoutingApi;
  readonly dataPlane?: DataPlane;
}

/** Checks and defaults the mode props (ISTIO routing on sidecars unless set). */
export function resolveMeshMode(check: PropChecker, props: MeshModeProps): MeshMode {
  const routingApi = props.routingApi ?? RoutingApi.ISTIO;
  if (!Object.values(RoutingApi).includes(routingApi)) {
    check.fail('routingApi', routingApi, 'is not a routing API this library renders', `use one of RoutingApi: ${Object.values(RoutingApi).join(', ')} (app-wide: the ${MESH_MODE_DEFAULT_KEYS.routingApi} context or config key)`);
  }
  const dataPlane = props.dataPlane ?? DataPlane.SIDECAR;
  if (!Object.values(DataPlane).includes(dataPlane)) {
    check.fail('dataPlane', dataPlane, 'is not a data plane this library renders', `use one of DataPlane: ${Object.values(DataPlane).join(', ')} (app-wide: the ${MESH_MODE_DEFAULT_KEYS.dataPlane} context or config key)`);
  }
  return { routingApi, dataPlane };
}
