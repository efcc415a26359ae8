/**
 * The labels Istio's ambient mode reads (istio.io/api `label` package). Pods, Services and the
 * waypoint Gateway carry them; namespaces are the user's (the library creates none).
 */
export const AMBIENT_LABELS = {
  /** On a pod or namespace: `ambient` captures its traffic in ztunnel; `none` opts a pod out. */
  dataplaneMode: 'istio.io/dataplane-mode',
  /** On a Service (or namespace, pod): the waypoint Gateway that serves its traffic. */
  useWaypoint: 'istio.io/use-waypoint',
  /** Beside useWaypoint: the namespace of that waypoint (default: the labelled object's). */
  useWaypointNamespace: 'istio.io/use-waypoint-namespace',
  /** On a Service: traffic from ingress gateways goes through its waypoint too. */
  ingressUseWaypoint: 'istio.io/ingress-use-waypoint',
  /** On a waypoint Gateway: which traffic it serves (`service`, `workload`, `all`, `none`). */
  waypointFor: 'istio.io/waypoint-for',
} as const;

/** The `istio.io/dataplane-mode` value that puts a pod in the ambient mesh. */
export const DATAPLANE_MODE_AMBIENT = 'ambient';

/** The gateway class istiod deploys as a waypoint proxy. */
export const WAYPOINT_GATEWAY_CLASS = 'istio-waypoint';

/** The HBONE listener every waypoint has (`istioctl waypoint generate` writes the same). */
export const WAYPOINT_LISTENER = { name: 'mesh', port: 15008, protocol: 'HBONE' } as const;

/** Name of the waypoint a service creates for itself: `<service>-waypoint`. */
export function ownWaypointName(serviceName: string): string {
  return `${serviceName}-waypoint`;
}

/**
 * The principal of a waypoint's pods: istiod runs a waypoint Gateway as a ServiceAccount of the
 * Gateway's own name. Written as a suffix match so it holds in any trust domain of the mesh.
 */
export function waypointPrincipal(namespace: string, waypointName: string): string {
  return `*/ns/${namespace}/sa/${waypointName}`;
}
