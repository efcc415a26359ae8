import { ConsistentHash, LocalityLoadBalancing, Warmup } from './load-balancing';
import { Http2ConnectionPool, LoadBalancer, OutlierDetection } from './traffic-policy';

/**
 * Traffic policy of one subset (`subsets[].trafficPolicy`), e.g. a slow start or a stricter
 * outlier detection for the canary. Istio replaces each field given here whole (a subset's
 * `connectionPool` replaces the service's, it is not merged into it); fields left out follow
 * the service.
 */
export interface SubsetTrafficPolicy {
  /**
   * Load-balancing algorithm for the subset.
   * @default - the service's
   */
  readonly loadBalancer?: LoadBalancer;
  /**
   * Consistent hashing for the subset (replaces `loadBalancer`).
   * @default - the service's
   */
  readonly consistentHash?: ConsistentHash;
  /**
   * Locality load balancing for the subset.
   * @default - the service's
   */
  readonly localityLbSetting?: LocalityLoadBalancing;
  /**
   * Slow start of the subset's new pods, e.g. a canary's first pods.
   * @default - the service's
   */
  readonly warmup?: Warmup;
  /**
   * Connection pool of the subset, replacing the service's whole pool.
   * @default - the service's
   */
  readonly connectionPool?: Http2ConnectionPool;
  /**
   * Outlier detection of the subset, replacing the service's.
   * @default - the service's
   */
  readonly outlierDetection?: OutlierDetection;
}
