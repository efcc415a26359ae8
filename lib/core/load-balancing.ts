import { Duration } from './duration';

/** An HTTP cookie that pins a caller to one endpoint (`consistentHash.httpCookie`). */
export interface HashCookie {
  /** Cookie name. */
  readonly name: string;
  /**
   * Cookie path.
   * @default - no path
   */
  readonly path?: string;
  /**
   * Lifetime of the cookie Envoy generates when the request has none.
   * @default - a session cookie (Envoy only hashes on an existing cookie)
   */
  readonly ttl?: Duration;
}

/**
 * Soft session affinity (`loadBalancer.consistentHash`): calls with the same key go to the same
 * endpoint while the endpoint set is stable. Give exactly one key: for gRPC usually a metadata
 * header (`httpHeaderName`), since gRPC metadata are HTTP/2 headers. Replaces `loadBalancer`.
 */
export interface ConsistentHash {
  /**
   * gRPC metadata key (HTTP/2 header, lower case) whose value is hashed, e.g. `x-user-id`.
   * @default - not the key
   */
  readonly httpHeaderName?: string;
  /**
   * Cookie whose value is hashed (gRPC-Web and HTTP/2 callers that keep cookies).
   * @default - not the key
   */
  readonly httpCookie?: HashCookie;
  /**
   * Hash the caller's source IP. Behind a gateway every call comes from the gateway pods.
   * @default - not the key
   */
  readonly useSourceIp?: boolean;
  /**
   * Query parameter whose value is hashed (rare for gRPC, which has no query string).
   * @default - not the key
   */
  readonly httpQueryParameterName?: string;
  /**
   * Ring hash with this minimum number of virtual nodes (`ringHash.minimumRingSize`); set at most one of ringHashMinimumRingSize and maglevTableSize.
   * @default - Envoy's default ring hash (1024 virtual nodes)
   */
  readonly ringHashMinimumRingSize?: number;
  /**
   * Maglev with this lookup table size (`maglev.tableSize`), a prime below 5000011 (65537 is usual).
   * @default - ring hash
   */
  readonly maglevTableSize?: number;
}

/** Share of calls from one locality to others (`localityLbSetting.distribute`). */
export interface LocalityDistribution {
  /** Caller locality `region/zone/subzone`; `*` is allowed as the last segment, e.g. `us-west/*`. */
  readonly from: string;
  /** Destination localities and their integer weights (1-100), adding up to 100. */
  readonly to: { [locality: string]: number };
}

/** Where calls go when every endpoint of a region is unhealthy (`localityLbSetting.failover`). */
export interface LocalityFailover {
  /** Caller region (a region only, no `/` or `*`). */
  readonly from: string;
  /** Region to fail over to (different from `from`). */
  readonly to: string;
}

/**
 * Locality-aware load balancing (`loadBalancer.localityLbSetting`). Failover needs outlier
 * detection to notice unhealthy endpoints, so it is refused when `outlierDetection` is disabled.
 */
export interface LocalityLoadBalancing {
  /**
   * Set false to switch locality load balancing off for this service.
   * @default - the mesh setting (on when failover or distribute is given)
   */
  readonly enabled?: boolean;
  /**
   * Weighted spread of calls across localities. Istio refuses distribute together with failover.
   * @default - none
   */
  readonly distribute?: LocalityDistribution[];
  /**
   * Explicit region failover pairs.
   * @default - Istio's default: the closest locality with healthy endpoints
   */
  readonly failover?: LocalityFailover[];
  /**
   * Ordered endpoint labels (e.g. `topology.kubernetes.io/region`, or your own) that decide the
   * failover priority: endpoints matching the caller on more leading labels are preferred.
   * @default - none
   */
  readonly failoverPriority?: string[];
}

/**
 * Slow start for new endpoints (`loadBalancer.warmup`): a new pod's share of calls grows over
 * `duration`, so JIT-compiled or cache-cold servers are not flooded. Envoy applies it to
 * ROUND_ROBIN and LEAST_REQUEST only, so other load balancers (and consistentHash) refuse it.
 */
export interface Warmup {
  /** How long a new endpoint takes to reach its full share. */
  readonly duration: Duration;
  /**
   * Share (0-100) of its full traffic a new endpoint starts with.
   * @default - Envoy's default (10)
   */
  readonly minimumPercent?: number;
  /**
   * How fast traffic grows over the duration: 1 is linear, higher starts slower (above 0).
   * @default - Envoy's default (1.0, linear)
   */
  readonly aggression?: number;
}

/**
 * A cap on concurrent retries relative to active requests (`trafficPolicy.retryBudget`), so
 * retries cannot multiply load on a struggling service (a retry storm).
 */
export interface RetryBudget {
  /**
   * Concurrent retries as a percentage (0-100) of active and pending requests.
   * @default - Envoy's default (20)
   */
  readonly percent?: number;
  /**
   * Retries always allowed, whatever the percentage gives.
   * @default - Envoy's default (3)
   */
  readonly minRetryConcurrency?: number;
  /**
   * Window over which active requests are counted.
   * @default - Envoy's default
   */
  readonly budgetInterval?: Duration;
}
