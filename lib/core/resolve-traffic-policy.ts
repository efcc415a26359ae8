import { PropChecker } from './checks';
import { ServerLimits } from './connection-lifecycle-rules';
import { Duration, renderDuration } from './duration';
import { TrafficPolicyModel } from './mesh-service-model';
import { GrpcMeshServiceProps } from './mesh-service-props';
import { PoolLifecycle, resolvePoolLifecycle } from './resolve-connection-lifecycle';
import { resolveLoadBalancing } from './resolve-load-balancing';
import { objectProp, withoutUndefined } from './shape-checks';
import { ClientTlsMode, H2UpgradePolicy, LoadBalancer } from './traffic-policy';

const INT32_MAX = 2_147_483_647;

/** Resolves the DestinationRule `trafficPolicy`: load balancer, pool, outlier detection, TLS. */
export function resolveTrafficPolicy(check: PropChecker, props: GrpcMeshServiceProps, server?: ServerLimits): TrafficPolicyModel {
  const loadBalancer = props.loadBalancer ?? LoadBalancer.LEAST_REQUEST;
  if (!Object.values(LoadBalancer).includes(loadBalancer)) {
    check.fail('loadBalancer', loadBalancer, 'is not a load balancer Istio knows', `use one of LoadBalancer: ${Object.values(LoadBalancer).join(', ')}`);
  }
  if (props.headless && props.loadBalancer !== undefined) {
    check.fail('loadBalancer', props.loadBalancer, 'the service is headless, and Istio sends each connection to the pod the client resolved (ORIGINAL_DST), ignoring the load balancer', 'remove loadBalancer, or set headless: false so Istio balances each call');
  }
  const tlsMode = props.clientTlsMode ?? ClientTlsMode.ISTIO_MUTUAL;
  if (!Object.values(ClientTlsMode).includes(tlsMode)) {
    check.fail('clientTlsMode', tlsMode, 'is not a supported client TLS mode', 'use ClientTlsMode.ISTIO_MUTUAL (default) or ClientTlsMode.DISABLE');
  }
  if (props.headless && props.consistentHash !== undefined) {
    check.fail('consistentHash', props.consistentHash, 'the service is headless, and Istio sends each connection to the pod the client resolved (ORIGINAL_DST), ignoring the hash', 'remove consistentHash, or set headless: false so Istio balances each call');
  }
  // Connection lifecycle (derived idle timeout, max duration, keepalives) lives in its own resolver.
  const pool = resolveConnectionPool(check, props, resolvePoolLifecycle(check, props, server));
  const outlier = resolveOutlierDetection(check, props);
  const balancing = resolveLoadBalancing(check, '', props, outlier.outlierDetection !== undefined);
  return {
    ...(props.headless || balancing.consistentHash ? {} : { loadBalancer }),
    tlsMode,
    ...pool,
    ...outlier,
    ...balancing,
  };
}

/**
 * The `connectionPool` of a traffic policy. `lifecycle` adds the connection-lifecycle fields
 * (derived idle timeout, max connection duration, keepalives), resolved on their own.
 */
export function resolveConnectionPool(check: PropChecker, props: Pick<GrpcMeshServiceProps, 'connectionPool'>, lifecycle: PoolLifecycle = { tcp: {}, http: {} }): Pick<TrafficPolicyModel, 'connectionPool'> {
  const pool = objectProp(check, 'connectionPool', props.connectionPool, '{ http2MaxRequests: 1000 }') ?? {};
  const int = (field: keyof typeof pool, min: number) => {
    const value = pool[field] as number | undefined;
    return value === undefined ? undefined : check.integer(`connectionPool.${field}`, value, min, INT32_MAX);
  };
  const duration = (field: 'connectTimeout' | 'idleTimeout') => {
    const value = pool[field];
    return value === undefined ? undefined : renderDuration(check.construct, `connectionPool.${field}`, value);
  };
  if (pool.h2UpgradePolicy !== undefined && !Object.values(H2UpgradePolicy).includes(pool.h2UpgradePolicy)) {
    check.fail('connectionPool.h2UpgradePolicy', pool.h2UpgradePolicy, 'is not an h2UpgradePolicy Istio knows', `use one of ${Object.values(H2UpgradePolicy).join(', ')}`);
  }
  const tcp = compact({ maxConnections: int('maxConnections', 1), connectTimeout: duration('connectTimeout'), ...lifecycle.tcp });
  const http = compact({
    http2MaxRequests: int('http2MaxRequests', 1),
    maxRequestsPerConnection: int('maxRequestsPerConnection', 0),
    maxConcurrentStreams: int('maxConcurrentStreams', 1),
    idleTimeout: duration('idleTimeout'),
    h2UpgradePolicy: pool.h2UpgradePolicy,
    maxRetries: int('maxRetries', 0),
    ...lifecycle.http,
  });
  const connectionPool = compact({ tcp, http });
  return connectionPool ? { connectionPool } : {};
}

export function resolveOutlierDetection(check: PropChecker, props: Pick<GrpcMeshServiceProps, 'outlierDetection'>): Pick<TrafficPolicyModel, 'outlierDetection'> {
  const od = objectProp(check, 'outlierDetection', props.outlierDetection, '{ consecutiveGatewayErrors: 5 }') ?? {};
  if (od.enabled === false) {
    const extra = Object.keys(od).filter((k) => k !== 'enabled');
    if (extra.length > 0) {
      check.fail(`outlierDetection.${extra[0]}`, (od as Record<string, unknown>)[extra[0]], 'outlier detection is disabled (enabled: false), so this setting would be ignored', `remove ${extra.join(', ')} or set enabled: true`);
    }
    return {};
  }
  const gateway = od.consecutiveGatewayErrors ?? (od.consecutive5xxErrors === undefined ? 5 : undefined);
  return {
    outlierDetection: {
      ...(gateway !== undefined ? { consecutiveGatewayErrors: check.integer('outlierDetection.consecutiveGatewayErrors', gateway, 0, INT32_MAX) } : {}),
      ...(od.consecutive5xxErrors !== undefined ? { consecutive5xxErrors: check.integer('outlierDetection.consecutive5xxErrors', od.consecutive5xxErrors, 0, INT32_MAX) } : {}),
      interval: renderDuration(check.construct, 'outlierDetection.interval', od.interval ?? Duration.seconds(10)),
      baseEjectionTime: renderDuration(check.construct, 'outlierDetection.baseEjectionTime', od.baseEjectionTime ?? Duration.seconds(30)),
      maxEjectionPercent: check.integer('outlierDetection.maxEjectionPercent', od.maxEjectionPercent ?? 50, 0, 100),
    },
  };
}

/** Drops undefined fields; returns undefined when nothing is left, so empty blocks are not rendered. */
function compact<T extends object>(obj: T): T | undefined {
  const kept = withoutUndefined(obj);
  return Object.keys(kept).length ? kept : undefined;
}
