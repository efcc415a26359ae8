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
 * - the server has a max connection age with a finite grace (`maxConnectionAgeGrace`; gRPC's
 *   default grace is unlimited, which drains gracefully) and the pool does not retire
 *   connections before that age (no `maxConnectionDuration` below it), so the server's GOAWAY
 *   races new calls and, once the grace ends, resets the streams still open.
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
  const retiredByPool = pool.maxConnectionDuration !== undefined && age !== undefined && pool.maxConnectionDuration < age;
  if (age !== undefined && server.maxConnectionAgeGrace !== undefined && !retiredByPool) {
    const held = pool.maxConnectionDuration === undefined ? 'for as long as they are used' : `for ${ms(pool.maxConnectionDuration)}`;
    problems.push({
      field: 'maxConnectionDuration',
      reason: `the server ends connections after ${ms(age)} (max connection age) plus a grace of ${ms(server.maxConnectionAgeGrace)}, while the pool holds them ${held}, so new calls race the server's GOAWAY and streams still open when the grace ends are reset (UC/UR flags)`,
    });
  }
  return problems;
}

/**
 * Why the server's connection age cuts the declared streams: a stream longer than the max
 * connection age plus its grace cannot survive on any connection. Undefined when it can.
 */
export function streamsOutliveConnections(server: ServerLimits, maxStreamDuration: number): string | undefined {
  if (server.maxConnectionAge === undefined || server.maxConnectionAgeGrace === undefined) return undefined;
  const limit = server.maxConnectionAge + server.maxConnectionAgeGrace;
  if (maxStreamDuration <= limit) return undefined;
  return `streams declared to live up to ${ms(maxStreamDuration)} outlast the server's max connection age plus grace (${ms(limit)}), after which the server resets them`;
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
