import { PropChecker } from './checks';
import { IstioGrpcError } from './errors';
import { TrafficPolicyModel } from './mesh-service-model';
import { GrpcMeshServiceProps } from './mesh-service-props';
import { resolvePoolLifecycle } from './resolve-connection-lifecycle';
import { resolveLoadBalancing } from './resolve-load-balancing';
import { resolveConnectionPool, resolveOutlierDetection } from './resolve-traffic-policy';
import { objectProp } from './shape-checks';
import { SubsetTrafficPolicy } from './subset-policy';
import { LoadBalancer } from './traffic-policy';

/** The policy fields a subset sets, in Istio's field form. */
export type SubsetPolicyModel = Partial<Pick<TrafficPolicyModel, 'loadBalancer' | 'connectionPool' | 'outlierDetection' | 'consistentHash' | 'localityLbSetting' | 'warmup'>>;

/**
 * Resolves one subset's traffic policy. `field` is its prop path (e.g. `canaryTrafficPolicy`);
 * `service` is the service's resolved policy, which the subset inherits the fields it leaves out from.
 */
export function resolveSubsetPolicy(
  check: PropChecker, field: string, value: SubsetTrafficPolicy | undefined, service: TrafficPolicyModel,
): SubsetPolicyModel | undefined {
  const policy = objectProp(check, field, value, '{ warmup: { duration: Duration.seconds(60) } }');
  if (!policy) return undefined;
  if (Object.values(policy).every((v) => v === undefined)) {
    check.fail(field, policy, 'an empty subset traffic policy is refused by Istio (a traffic policy needs at least one field)', `remove ${field}, or set a field such as warmup`);
  }
  if (policy.loadBalancer !== undefined && !Object.values(LoadBalancer).includes(policy.loadBalancer)) {
    check.fail(`${field}.loadBalancer`, policy.loadBalancer, 'is not a load balancer Istio knows', `use one of LoadBalancer: ${Object.values(LoadBalancer).join(', ')}`);
  }
  return prefixed(check, field, () => {
    // The subset's own pool, keepalives and max connection duration included (no server-derived defaults).
    const lifecycle = resolvePoolLifecycle(check, { connectionPool: policy.connectionPool } as GrpcMeshServiceProps, undefined);
    const pool = resolveConnectionPool(check, policy, lifecycle);
    const outlier = policy.outlierDetection === undefined ? {} : resolveOutlierDetection(check, policy);
    if (policy.outlierDetection?.enabled === false) {
      check.fail('outlierDetection.enabled', false, 'a subset cannot switch off the service\'s outlier detection (Istio would keep the service\'s)', 'remove outlierDetection from the subset policy, or disable it on the service');
    }
    // Warmup needs a balancer that ramps up: the subset's own, else the service's.
    const inheritedHash = policy.consistentHash === undefined && policy.loadBalancer === undefined && service.consistentHash !== undefined;
    if (policy.warmup !== undefined && inheritedHash) {
      check.fail('warmup', 'with the service\'s consistentHash', 'Envoy ramps up new endpoints only with ROUND_ROBIN or LEAST_REQUEST, so warmup would be ignored', 'set loadBalancer: LoadBalancer.LEAST_REQUEST on the subset too, or remove warmup');
    }
    const serviceBalancer = service.loadBalancer as LoadBalancer | undefined;
    const balancer = policy.consistentHash !== undefined ? policy.loadBalancer : (policy.loadBalancer ?? serviceBalancer);
    const failoverHasOutlier = outlier.outlierDetection !== undefined || service.outlierDetection !== undefined;
    const balancing = resolveLoadBalancing(check, '', { ...policy, loadBalancer: balancer }, failoverHasOutlier);
    // Istio replaces the service's whole loadBalancer with the subset's, so the subset's carries
    // the service's settings it does not change (else e.g. ROUND_ROBIN would silently fall back).
    const setsBalancing = ['loadBalancer', 'consistentHash', 'localityLbSetting', 'warmup'].some((k) => (policy as Record<string, unknown>)[k] !== undefined);
    const ownHash = balancing.consistentHash ?? (policy.loadBalancer === undefined ? service.consistentHash : undefined);
    const inherited = setsBalancing ? {
      ...(ownHash ? { consistentHash: ownHash } : { loadBalancer: balancer ?? service.loadBalancer }),
      localityLbSetting: balancing.localityLbSetting ?? service.localityLbSetting,
      warmup: balancing.warmup ?? (ownHash ? undefined : service.warmup),
    } : {};
    return {
      ...compactModel(inherited),
      ...pool,
      ...outlier,
    };
  });
}

/** Runs `resolve` and names errors by their full prop path (`canaryTrafficPolicy.warmup.duration`). */
function prefixed<T>(check: PropChecker, prefix: string, resolve: () => T): T {
  try {
    return resolve();
  } catch (e) {
    if (e instanceof IstioGrpcError && e.construct === check.construct) {
      throw new IstioGrpcError({ construct: e.construct, field: `${prefix}.${e.field}`, value: e.value, reason: e.reason, fix: e.fix });
    }
    throw e;
  }
}

function compactModel<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
