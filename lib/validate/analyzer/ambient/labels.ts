/** Label of a Service, pod or Namespace naming the waypoint that serves it (`none` opts out). */
export const USE_WAYPOINT_LABEL = 'istio.io/use-waypoint';
/** Label naming the namespace of that waypoint (default: the labelled object's). */
export const USE_WAYPOINT_NAMESPACE_LABEL = 'istio.io/use-waypoint-namespace';
/** Label of a waypoint Gateway (or its GatewayClass): the traffic it takes, `service` by default. */
export const WAYPOINT_FOR_LABEL = 'istio.io/waypoint-for';
/** The GatewayClass of Istio's waypoints. */
export const WAYPOINT_CLASS = 'istio-waypoint';
/** The port and protocol of a waypoint's HBONE listener. */
export const HBONE_PORT = 15008;
export const HBONE_PROTOCOL = 'HBONE';
