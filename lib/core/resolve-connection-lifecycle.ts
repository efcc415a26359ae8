import { PropChecker } from './checks';
import { pingsTooFrequent, ServerLimits, serverClosesFirst, streamsOutliveConnections } from './connection-lifecycle-rules';
import { Duration, renderDuration } from './duration';
import { LIFECYCLE_DEFAULTS } from './lifecycle-defaults';
import { GrpcMeshServiceProps } from './mesh-service-props';
import { objectProp, withoutUndefined } from './shape-checks';
import { GrpcServerKeepalive } from './stream-lifecycle';

/** The declared server keepalive: the annotation text and the limits in milliseconds. */
export interface ServerKeepaliveResolution {
  readonly text: Readonly<Record<string, string>>;
  readonly limits: ServerLimits;
}

const SERVER_KEEPALIVE_FIELDS: readonly (keyof GrpcServerKeepalive)[] = ['maxConnectionAge', 'maxConnectionAgeGrace', 'maxConnectionIdle', 'time', 'timeout', 'permitKeepaliveTime'];

/** Checks `serverKeepalive` and renders each declared duration. */
export function resolveServerKeepalive(check: PropChecker, props: GrpcMeshServiceProps): ServerKeepaliveResolution | undefined {
  const ka = objectProp(check, 'serverKeepalive', props.serverKeepalive, '{ maxConnectionAge: Duration.minutes(30) }');
  if (!ka) return undefined;
  const text: Record<string, string> = {};
  const limits: Record<string, number> = {};
  for (const field of SERVER_KEEPALIVE_FIELDS) {
    const value = ka[field];
    if (value === undefined) continue;
    text[field] = renderDuration(check.construct, `serverKeepalive.${field}`, value);
    limits[field] = value.milliseconds;
  }
  return { text, limits };
}

/** What the lifecycle adds to `connectionPool.tcp` and `connectionPool.http`. */
export interface PoolLifecycle {
  readonly tcp: { maxConnectionDuration?: string; tcpKeepalive?: { time: string; interval: string; probes: number } };
  readonly http: { idleTimeout?: string; http2KeepAlive?: { interval: string; timeout: string } };
}

/**
 * The connection-lifecycle fields of the pool: idle timeout and max connection duration derived
 * from the server's declared limits (90% of them, so the sidecar closes first) unless given, TCP
 * keepalive (defaults for streaming services), HTTP/2 pings no more frequent than the server
 * permits. Contradictions with the declared server limits are errors naming the fix.
 */
export function resolvePoolLifecycle(check: PropChecker, props: GrpcMeshServiceProps, server: ServerLimits | undefined): PoolLifecycle {
  const pool = props.connectionPool ?? {};
  const given = (field: 'idleTimeout' | 'maxConnectionDuration') => {
    const value = pool[field];
    if (value === undefined) return undefined;
    renderDuration(check.construct, `connectionPool.${field}`, value);
    return value.milliseconds;
  };
  const derived = (limit: number | undefined) =>
    limit === undefined ? undefined : Math.max(1, Math.floor(limit * LIFECYCLE_DEFAULTS.derivedShare));
  const idleTimeout = given('idleTimeout') ?? derived(server?.maxConnectionIdle === undefined || server.maxConnectionAge === undefined
    ? server?.maxConnectionIdle ?? server?.maxConnectionAge
    : Math.min(server.maxConnectionIdle, server.maxConnectionAge));
  const maxConnectionDuration = given('maxConnectionDuration') ?? derived(server?.maxConnectionAge);
  if (server) {
    const [problem] = serverClosesFirst(server, { idleTimeout, maxConnectionDuration });
    if (problem) {
      const fix = problem.field === 'idleTimeout'
        ? 'lower connectionPool.idleTimeout below serverKeepalive.maxConnectionIdle, or leave it out to derive it'
        : 'set connectionPool.maxConnectionDuration below serverKeepalive.maxConnectionAge, or leave it out to derive it';
      check.fail(`connectionPool.${problem.field}`, Duration.millis(problem.field === 'idleTimeout' ? idleTimeout ?? LIFECYCLE_DEFAULTS.istioIdleTimeoutMillis : maxConnectionDuration ?? 0).toIstio(), problem.reason, fix);
    }
  }
  const maxStream = props.lifecycle?.maxStreamDuration;
  const outlive = server && maxStream !== undefined ? streamsOutliveConnections(server, maxStream.milliseconds) : undefined;
  if (outlive) {
    check.fail('lifecycle.maxStreamDuration', maxStream!.toString(), outlive, 'raise the server\'s maxConnectionAge or maxConnectionAgeGrace (and declare it), or shorten the streams');
  }
  const idleText = pool.idleTimeout === undefined && idleTimeout !== undefined ? Duration.millis(idleTimeout).toIstio() : undefined;
  return {
    tcp: compact({
      maxConnectionDuration: maxConnectionDuration === undefined ? undefined : Duration.millis(maxConnectionDuration).toIstio(),
      tcpKeepalive: resolveTcpKeepalive(check, props),
    }),
    http: compact({ idleTimeout: idleText, http2KeepAlive: resolveHttp2Keepalive(check, props, server) }),
  };
}

/** TCP keepalive when asked for, or by default for streaming services (lifecycle set). */
function resolveTcpKeepalive(check: PropChecker, props: GrpcMeshServiceProps) {
  const ka = objectProp(check, 'connectionPool.tcpKeepalive', props.connectionPool?.tcpKeepalive, '{ time: Duration.seconds(120) }');
  if (!ka && !props.lifecycle) return undefined;
  const field = (name: 'time' | 'interval', fallback: number) =>
    renderDuration(check.construct, `connectionPool.tcpKeepalive.${name}`, ka?.[name] ?? Duration.millis(fallback), { minMillis: 1000 });
  return {
    time: field('time', LIFECYCLE_DEFAULTS.tcpKeepaliveTimeMillis),
    interval: field('interval', LIFECYCLE_DEFAULTS.tcpKeepaliveIntervalMillis),
    probes: check.integer('connectionPool.tcpKeepalive.probes', ka?.probes ?? LIFECYCLE_DEFAULTS.tcpKeepaliveProbes, 1, 127),
  };
}

/** HTTP/2 pings, only when asked for: their interval must respect the server's enforcement. */
function resolveHttp2Keepalive(check: PropChecker, props: GrpcMeshServiceProps, server: ServerLimits | undefined) {
  const ka = objectProp(check, 'connectionPool.http2Keepalive', props.connectionPool?.http2Keepalive, '{ interval: Duration.minutes(5) }');
  if (!ka) return undefined;
  const permit = server?.permitKeepaliveTime ?? LIFECYCLE_DEFAULTS.grpcPermitKeepaliveMillis;
  const interval = ka.interval ?? Duration.millis(permit);
  const intervalText = renderDuration(check.construct, 'connectionPool.http2Keepalive.interval', interval);
  const tooFrequent = pingsTooFrequent(interval.milliseconds, permit);
  if (tooFrequent) {
    check.fail('connectionPool.http2Keepalive.interval', intervalText, tooFrequent, `use at least ${Duration.millis(permit).toIstio()}, or declare a lower serverKeepalive.permitKeepaliveTime if the server allows it`);
  }
  return {
    interval: intervalText,
    timeout: renderDuration(check.construct, 'connectionPool.http2Keepalive.timeout', ka.timeout ?? Duration.millis(LIFECYCLE_DEFAULTS.http2KeepaliveTimeoutMillis)),
  };
}

function compact<T extends object>(obj: T): T {
  return withoutUndefined(obj);
}
