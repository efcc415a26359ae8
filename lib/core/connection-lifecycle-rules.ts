import { LIFECYCLE_DEFAULTS } from './lifecycle-defaults';

// The mismatches that cut long-lived gRPC streams, as pure functions over milliseconds. The
// constructs refuse props that break them; `istio-grpc lint` reports manifests that do (IGR31xx).

/** The server's declared connection limits, in milliseconds (undefined: unlimited). */
export interface ServerLimits {
  readonly maxConnectionAge?: number;
  readonly maxConnectionAgeGrace?: number;
  readonly maxConnectionIdle?: number;
  readonly permitKeepaliveTime?: number;
}

/** The client-side pool's connection limits, in milliseconds (undefined: the field is unset). */
export interface PoolLimits {
  /** `http.idleTimeout`; Istio's default is 1h. */
  readonly idleTimeout?: number;
  /** `tcp.maxConnectionDuration`. */
  readonly maxConnectionDuration?: number;
}

/** One broken rule: which pool field it concerns and why. */
export interface LifecycleProblem {
  readonly field: 'idleTimeout' | 'maxConnectionDuration';
  readonly reason: string;
}

/**
 * Where the server would close a connection before the sidecar's pool does (IGR3101):
 * - the server's idle limit is not above the pool's idle timeout, so the sidecar can send a call
 *   on a connection the server is closing at that moment (UC, or UR on the stream);
 * - the server's max age is not above the pool's idle timeout and nothing drains gracefully
 *   (no `maxConnectionAgeGrace`, no pool `maxConnectionDuration` below the age), so the server
 *   closes connections with streams on them.
 */
export function serverClosesFirst(server: ServerLimits, pool: PoolLimits): LifecycleProblem[] {
  const idle = pool.idleTimeout ?? LIFECYCLE_DEFAULTS.istioIdleTimeoutMillis;
  const problems: LifecycleProblem[] = [];
  if (server.maxConnectionIdle !== undefined && server.maxConnectionIdle <= idle) {
    problems.push({
      field: 'idleTimeout',
      reason: `the server closes connections idle for ${ms(server.maxConnectionIdle)}, but the pool keeps idle connections for ${ms(idle)}${pool.idleTimeout === undefined ? ' (Istio\'s default)' : ''}, so calls race the server's close (UC/UR flags)`,
    });
  }
  const age = server.maxConnectionAge;
  const drainedByPool = pool.maxConnectionDuration !== undefined && age !== undefined && pool.maxConnectionDuration < age;
  const graceful = (server.maxConnectionAgeGrace ?? 0) > 0 || drainedByPool;
  if (age !== undefined && age <= idle && !graceful) {
    problems.push({
      field: 'maxConnectionDuration',
      reason: `the server ends connections after ${ms(age)} (max connection age), before the pool's idle timeout of ${ms(idle)}, with no graceful drain: no maxConnectionAgeGrace on the server and no pool maxConnectionDuration below the age, so streams in flight are reset (UC/UR flags)`,
    });
  }
  return problems;
}

/** The shutdown settings of one pod, in milliseconds. */
export interface ShutdownTimes {
  /** `terminationGracePeriodSeconds` in ms; Kubernetes' default is 30s. */
  readonly grace: number;
  /** The longest preStop sleep of the pod's containers. */
  readonly preStop: number;
  /** The sidecar's `terminationDrainDuration`, when set. */
  readonly drain?: number;
  readonly exitOnZeroActiveConnections: boolean;
}

/**
 * Why the kubelet would kill the pod before its drain ends (IGR3102): a preStop sleep, or a
 * fixed sidecar drain (without EXIT_ON_ZERO_ACTIVE_CONNECTIONS), that does not end within the
 * termination grace period. Undefined when the pod shuts down in time.
 */
export function drainOutlastsGrace(t: ShutdownTimes): string | undefined {
  if (t.preStop >= t.grace) {
    return `a preStop sleep of ${ms(t.preStop)} does not end within the termination grace period of ${ms(t.grace)}, so the kubelet kills the server before it even gets SIGTERM`;
  }
  if (t.drain !== undefined && !t.exitOnZeroActiveConnections && t.drain >= t.grace) {
    return `the sidecar drains for ${ms(t.drain)} (terminationDrainDuration), not less than the termination grace period of ${ms(t.grace)}, so the kubelet kills the pod mid-drain and cuts the streams still open`;
  }
  return undefined;
}

/** Why a route timeout cuts the service's declared streams (IGR3103); undefined when it does not. */
export function routeTimeoutCutsStreams(timeout: number, maxStreamDuration: number): string | undefined {
  if (timeout >= maxStreamDuration) return undefined;
  return `the route timeout of ${ms(timeout)} ends streams that are declared to live up to ${ms(maxStreamDuration)} (Envoy resets them: UT flag, DEADLINE_EXCEEDED or UNAVAILABLE on the client)`;
}

/** Why HTTP/2 pings are too frequent for the server (IGR3104); undefined when they are not. */
export function pingsTooFrequent(interval: number, permitKeepaliveTime = LIFECYCLE_DEFAULTS.grpcPermitKeepaliveMillis as number): string | undefined {
  if (interval >= permitKeepaliveTime) return undefined;
  return `HTTP/2 pings every ${ms(interval)} are more frequent than the server permits (${ms(permitKeepaliveTime)}, its keepalive enforcement MinTime), so it answers GOAWAY too_many_pings and drops the connection (UC flags)`;
}

/** Milliseconds in Istio's duration text, for messages. */
function ms(value: number): string {
  return value % 1000 === 0 ? `${value / 1000}s` : `${value}ms`;
}
