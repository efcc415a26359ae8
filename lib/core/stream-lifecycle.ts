import { Duration } from './duration';

/** How the server container waits before it is sent SIGTERM. */
export enum PreStopAction {
  /**
   * `exec: ["sleep", "<seconds>"]`: needs a `sleep` binary in the image (busybox, Debian, Alpine,
   * ...). Kubernetes 1.28, the version this library targets, has no built-in sleep action yet.
   */
  EXEC_SLEEP = 'EXEC_SLEEP',
  /**
   * No preStop hook, for images without a `sleep` binary (distroless, scratch): the server must
   * then keep serving for a while after SIGTERM itself (e.g. gRPC GracefulStop after a delay).
   */
  NONE = 'NONE',
}

/**
 * How the pods of a streaming service shut down, so rollouts and scale-downs let in-flight
 * streams finish instead of cutting them (UC/UR flags, UNAVAILABLE on the client).
 *
 * On termination Kubernetes runs the preStop hook, then sends SIGTERM; the sidecar drains its
 * listeners (GOAWAY to callers) and, with `exitOnZeroActiveConnections`, exits once the last
 * connection closed. Everything must end within `terminationGracePeriod`, after which the kubelet
 * kills the pod.
 */
export interface StreamLifecycle {
  /**
   * The longest a stream of this service is expected to stay open. Drain and grace period
   * defaults are derived from it, and a route timeout shorter than it is an error (and a lint
   * finding, IGR3103), since the route would cut such streams.
   * @default - not declared: streams are expected to end within the drain duration
   */
  readonly maxStreamDuration?: Duration;

  /**
   * How long the server keeps serving after the pod starts terminating, before SIGTERM: time for
   * endpoint removal to reach every caller's sidecar, so no new streams arrive after shutdown.
   * @default Duration.seconds(5)
   */
  readonly preStopDelay?: Duration;

  /**
   * How the server container waits for `preStopDelay`.
   * @default PreStopAction.EXEC_SLEEP
   */
  readonly preStopAction?: PreStopAction;

  /**
   * The sidecar's drain time on shutdown (`terminationDrainDuration` in the
   * `proxy.istio.io/config` annotation; Istio's default is 5s). With
   * `exitOnZeroActiveConnections` the sidecar exits as soon as no connection is left, and the
   * grace period bounds the wait instead.
   * @default - `maxStreamDuration`, else Duration.seconds(30)
   */
  readonly drainDuration?: Duration;

  /**
   * Let the sidecar exit once no connection is active (proxy metadata
   * `EXIT_ON_ZERO_ACTIVE_CONNECTIONS: "true"`) rather than after a fixed sleep, so short drains
   * end early and long streams are not cut by a fixed timer.
   * @default true
   */
  readonly exitOnZeroActiveConnections?: boolean;

  /**
   * The pod's `terminationGracePeriodSeconds`, in whole seconds. It must outlast the preStop
   * delay plus the drain.
   * @default - preStopDelay + drainDuration + 10 seconds, rounded up to whole seconds
   */
  readonly terminationGracePeriod?: Duration;
}

/**
 * The gRPC server's own connection settings (grpc-go `keepalive.ServerParameters` and
 * `EnforcementPolicy`, Java `NettyServerBuilder`, C++ channel args), recorded so the client-side
 * pool can be derived from them and lint can compare both. The constructs write them on the
 * Service as the `istio-grpc.dev/server-keepalive` annotation.
 */
export interface GrpcServerKeepalive {
  /**
   * `MaxConnectionAge`: the server sends GOAWAY on connections older than this.
   * @default - unlimited (gRPC's default)
   */
  readonly maxConnectionAge?: Duration;

  /**
   * `MaxConnectionAgeGrace`: how long in-flight calls may continue after that GOAWAY, before the
   * server closes the connection.
   * @default - unlimited (gRPC's default)
   */
  readonly maxConnectionAgeGrace?: Duration;

  /**
   * `MaxConnectionIdle`: the server closes connections without calls for this long.
   * @default - unlimited (gRPC's default)
   */
  readonly maxConnectionIdle?: Duration;

  /**
   * `Time`: the server pings a quiet connection after this long.
   * @default - 2 hours (gRPC's default)
   */
  readonly time?: Duration;

  /**
   * `Timeout`: the server closes the connection when a ping is not answered within this time.
   * @default - 20 seconds (gRPC's default)
   */
  readonly timeout?: Duration;

  /**
   * `EnforcementPolicy.MinTime` (Java `permitKeepAliveTime`): clients pinging more often get
   * GOAWAY `too_many_pings` and lose the connection.
   * @default Duration.minutes(5) (gRPC's default)
   */
  readonly permitKeepaliveTime?: Duration;
}

/**
 * TCP keepalive on the sidecars' connections to the service (`connectionPool.tcp.tcpKeepalive`).
 * Probes keep NAT tables and load balancers from dropping quiet connections: Azure's load balancer
 * forgets idle flows after 4 minutes, AWS NLB after 350 seconds, while Linux waits 2 hours before
 * its first probe.
 */
export interface TcpKeepalive {
  /**
   * Idle time before the first probe. Below every common idle limit (Azure's 240s is the lowest).
   * @default Duration.seconds(120)
   */
  readonly time?: Duration;

  /**
   * Time between unanswered probes.
   * @default Duration.seconds(30)
   */
  readonly interval?: Duration;

  /**
   * Unanswered probes before the connection is declared dead (with the defaults: after 210s,
   * still within Azure's 240s).
   * @default 3
   */
  readonly probes?: number;
}

/**
 * HTTP/2 PING frames on the sidecars' connections to the service
 * (`connectionPool.http.http2KeepAlive`): they detect a dead peer on a quiet stream.
 */
export interface Http2Keepalive {
  /**
   * Time between pings. Must not be below the server's `permitKeepaliveTime` (5 minutes unless
   * the server says otherwise), or the server answers GOAWAY `too_many_pings`.
   * @default - the server's permitKeepaliveTime (Duration.minutes(5))
   */
  readonly interval?: Duration;

  /**
   * How long to wait for the ping's answer before closing the connection.
   * @default Duration.seconds(20)
   */
  readonly timeout?: Duration;
}
