import { Duration } from './duration';
import { Http2Keepalive, TcpKeepalive } from './stream-lifecycle';

/** Envoy's load-balancing algorithms that Istio exposes as `loadBalancer.simple`. */
export enum LoadBalancer {
  /** Pick the less loaded of two random endpoints: the best default for gRPC. */
  LEAST_REQUEST = 'LEAST_REQUEST',
  /** Round robin over healthy endpoints. */
  ROUND_ROBIN = 'ROUND_ROBIN',
  /** A random healthy endpoint. */
  RANDOM = 'RANDOM',
  /** Deprecated alias of LEAST_REQUEST in Istio. */
  LEAST_CONN = 'LEAST_CONN',
  /** Forward to the address the caller asked for, without balancing. */
  PASSTHROUGH = 'PASSTHROUGH',
}

/** Whether Envoy upgrades HTTP/1.1 connections to HTTP/2 towards this service. */
export enum H2UpgradePolicy {
  /** Follow the mesh-wide setting. */
  DEFAULT = 'DEFAULT',
  /** Keep HTTP/1.1. */
  DO_NOT_UPGRADE = 'DO_NOT_UPGRADE',
  /** Upgrade to HTTP/2. Conflicts with `useClientProtocol`. */
  UPGRADE = 'UPGRADE',
}

/** TLS that client sidecars use towards this service (`trafficPolicy.tls.mode`). */
export enum ClientTlsMode {
  /** Istio mutual TLS with the workload certificates Istio issues. */
  ISTIO_MUTUAL = 'ISTIO_MUTUAL',
  /** Plain text: only for workloads without a sidecar. */
  DISABLE = 'DISABLE',
}

/**
 * HTTP/2 connection pool towards the service (`trafficPolicy.connectionPool`). Exceeding a limit
 * makes Envoy answer at once with 503 and response flag UO (circuit breaking).
 */
export interface Http2ConnectionPool {
  /**
   * Maximum TCP connections to all endpoints of the service (`tcp.maxConnections`). With HTTP/2
   * each connection carries many streams, so a few connections go a long way.
   * @default - Envoy's default (2^32-1)
   */
  readonly maxConnections?: number;

  /**
   * TCP connect timeout (`tcp.connectTimeout`).
   * @default - Istio's default (10s)
   */
  readonly connectTimeout?: Duration;

  /**
   * Maximum concurrent requests (streams) to all endpoints of the service (`http.http2MaxRequests`).
   * @default - Istio's default (2^32-1)
   */
  readonly http2MaxRequests?: number;

  /**
   * Maximum requests per connection (`http.maxRequestsPerConnection`); 0 means unlimited. A finite
   * value recycles connections, so new endpoints get traffic sooner.
   * @default - unlimited
   */
  readonly maxRequestsPerConnection?: number;

  /**
   * HTTP/2 MAX_CONCURRENT_STREAMS towards each endpoint (`http.maxConcurrentStreams`).
   * @default - Envoy's default (2^31-1)
   */
  readonly maxConcurrentStreams?: number;

  /**
   * Close upstream connections idle this long (`http.idleTimeout`). Keep it below the server's
   * `max_connection_idle`/`max_connection_age` so Envoy, not the server, closes first (otherwise UR/UC flags).
   * @default - Istio's default (1h)
   */
  readonly idleTimeout?: Duration;

  /**
   * HTTP/2 upgrade policy (`http.h2UpgradePolicy`). gRPC ports are HTTP/2 already; this matters
   * for HTTP/1.1 callers of an `http2` port.
   * @default - not set (mesh default)
   */
  readonly h2UpgradePolicy?: H2UpgradePolicy;

  /**
   * Maximum outstanding retries to all endpoints (`http.maxRetries`).
   * @default - Istio's default (2^32-1)
   */
  readonly maxRetries?: number;

  /**
   * Close (after draining) upstream connections older than this (`tcp.maxConnectionDuration`),
   * so the sidecar moves to a new connection before the server's own max connection age.
   * @default - 90% of `serverKeepalive.maxConnectionAge` when declared, else unlimited
   */
  readonly maxConnectionDuration?: Duration;

  /**
   * TCP keepalive probes on upstream connections (`tcp.tcpKeepalive`); fields left out take
   * their defaults (120s idle, 30s interval, 3 probes).
   * @default - the defaults when `lifecycle` is set (streams), else none (the OS's 2h)
   */
  readonly tcpKeepalive?: TcpKeepalive;

  /**
   * HTTP/2 PING frames on upstream connections (`http.http2KeepAlive`).
   * @default - no pings
   */
  readonly http2Keepalive?: Http2Keepalive;
}

/**
 * Ejects failing endpoints from the pool (`trafficPolicy.outlierDetection`). Envoy maps gRPC
 * statuses to HTTP codes for this: UNAVAILABLE and DEADLINE_EXCEEDED count as gateway errors.
 */
export interface OutlierDetection {
  /**
   * Set to false to render no outlier detection at all.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Consecutive 502/503/504 (gRPC UNAVAILABLE, DEADLINE_EXCEEDED) before ejection.
   * @default 5
   */
  readonly consecutiveGatewayErrors?: number;

  /**
   * Consecutive 5xx (including gRPC INTERNAL and UNKNOWN) before ejection.
   * @default - not set: application errors alone do not eject an endpoint
   */
  readonly consecutive5xxErrors?: number;

  /**
   * Time between ejection sweeps.
   * @default Duration.seconds(10)
   */
  readonly interval?: Duration;

  /**
   * Minimum ejection time; grows with each ejection of the same endpoint.
   * @default Duration.seconds(30)
   */
  readonly baseEjectionTime?: Duration;

  /**
   * Upper bound on the share of endpoints ejected at once.
   * @default 50
   */
  readonly maxEjectionPercent?: number;
}
