/** Defaults of the lifecycle profile and keepalive, in one place for the docs and the tests. */
export const LIFECYCLE_DEFAULTS = {
  preStopDelayMillis: 5_000,
  drainDurationMillis: 30_000,
  graceMarginMillis: 10_000,
  /** Kubernetes' default terminationGracePeriodSeconds. */
  kubernetesGraceSeconds: 30,
  /** Istio's default terminationDrainDuration. */
  istioDrainMillis: 5_000,
  /** Istio's default connection pool idle timeout. */
  istioIdleTimeoutMillis: 3_600_000,
  /** gRPC's default EnforcementPolicy.MinTime. */
  grpcPermitKeepaliveMillis: 300_000,
  tcpKeepaliveTimeMillis: 120_000,
  tcpKeepaliveIntervalMillis: 30_000,
  tcpKeepaliveProbes: 3,
  http2KeepaliveTimeoutMillis: 20_000,
  /** Share of the server's limit the derived pool settings use, so the client side closes first. */
  derivedShare: 0.9,
} as const;
