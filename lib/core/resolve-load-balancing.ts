import { PropChecker } from './checks';
import { renderDuration } from './duration';
import { ConsistentHash, LocalityLoadBalancing, RetryBudget, Warmup } from './load-balancing';
import { isRecord, listOfObjects, listProp, objectProp } from './shape-checks';
import { LoadBalancer } from './traffic-policy';

/** `loadBalancer.consistentHash`, in Istio's field form. */
export interface ConsistentHashModel {
  readonly httpHeaderName?: string;
  readonly httpCookie?: { readonly name: string; readonly path?: string; readonly ttl?: string };
  readonly useSourceIp?: boolean;
  readonly httpQueryParameterName?: string;
  readonly ringHash?: { readonly minimumRingSize: number };
  readonly maglev?: { readonly tableSize: number };
}

/** `loadBalancer.localityLbSetting`, in Istio's field form. */
export interface LocalityLbModel {
  readonly enabled?: boolean;
  readonly distribute?: readonly { readonly from: string; readonly to: Readonly<Record<string, number>> }[];
  readonly failover?: readonly { readonly from: string; readonly to: string }[];
  readonly failoverPriority?: readonly string[];
}

/** The load-balancing settings beyond `simple`, and the retry budget, resolved. */
export interface LoadBalancingModel {
  readonly consistentHash?: ConsistentHashModel;
  readonly localityLbSetting?: LocalityLbModel;
  readonly warmup?: { readonly duration: string; readonly minimumPercent?: number; readonly aggression?: number };
  readonly retryBudget?: { readonly percent?: number; readonly minRetryConcurrency?: number; readonly budgetInterval?: string };
}

/** What the load-balancing resolver reads; the service props and subset policies both have it. */
export interface LoadBalancingProps {
  readonly loadBalancer?: LoadBalancer;
  readonly consistentHash?: ConsistentHash;
  readonly localityLbSetting?: LocalityLoadBalancing;
  readonly warmup?: Warmup;
  readonly retryBudget?: RetryBudget;
}

const UINT32_MAX = 4_294_967_295;
/** Istio's limit on the Maglev table size (it must also be prime). */
const MAGLEV_TABLE_LIMIT = 5_000_011;
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const TOPOLOGY_LABELS = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];
/** Envoy's slow start only works with these balancers. */
const WARMUP_BALANCERS: readonly string[] = [LoadBalancer.ROUND_ROBIN, LoadBalancer.LEAST_REQUEST];

/**
 * Resolves consistent hashing, locality load balancing, warmup and the retry budget. `prefix` is
 * the prop path of the policy (`''` for the service, `canaryTrafficPolicy.` for a subset);
 * `outlierDetection` says whether the policy ejects endpoints, which failover relies on.
 */
export function resolveLoadBalancing(check: PropChecker, prefix: string, props: LoadBalancingProps, outlierDetection: boolean): LoadBalancingModel {
  const consistentHash = resolveConsistentHash(check, prefix, props);
  const localityLb = resolveLocality(check, prefix, props.localityLbSetting, outlierDetection);
  const warmup = resolveWarmup(check, prefix, props, consistentHash !== undefined);
  const retryBudget = resolveRetryBudget(check, prefix, props.retryBudget);
  return {
    ...(consistentHash ? { consistentHash } : {}),
    ...(localityLb ? { localityLbSetting: localityLb } : {}),
    ...(warmup ? { warmup } : {}),
    ...(retryBudget ? { retryBudget } : {}),
  };
}

function resolveConsistentHash(check: PropChecker, prefix: string, props: LoadBalancingProps): ConsistentHashModel | undefined {
  const field = `${prefix}consistentHash`;
  const hash = objectProp(check, field, props.consistentHash, '{ httpHeaderName: "x-user-id" }');
  if (!hash) return undefined;
  if (props.loadBalancer !== undefined) {
    // Istio's loadBalancer is a oneOf: simple or consistentHash.
    check.fail(`${prefix}loadBalancer`, props.loadBalancer, 'consistentHash is a load-balancing algorithm of its own, and Istio accepts only one of simple and consistentHash', 'remove loadBalancer, or remove consistentHash');
  }
  const keys = (['httpHeaderName', 'httpCookie', 'useSourceIp', 'httpQueryParameterName'] as const).filter((k) => hash[k] !== undefined && hash[k] !== false);
  if (keys.length !== 1) {
    check.fail(field, keys.length ? keys.join(', ') : hash, keys.length ? 'gives several hash keys, and Istio accepts exactly one' : 'gives no hash key, so every call would hash alike', 'set exactly one of httpHeaderName (a gRPC metadata key), httpCookie, useSourceIp or httpQueryParameterName');
  }
  const key = keys[0];
  const model: { -readonly [K in keyof ConsistentHashModel]: ConsistentHashModel[K] } = {};
  if (key === 'httpHeaderName' || key === 'httpQueryParameterName') {
    const value = hash[key];
    const pattern = key === 'httpHeaderName' ? HEADER_NAME : /^[A-Za-z0-9._~-]+$/;
    if (typeof value !== 'string' || !pattern.test(value)) {
      check.fail(`${field}.${key}`, value, key === 'httpHeaderName' ? 'must be a lower-case header name (gRPC metadata keys are lower case)' : 'must be a query parameter name', key === 'httpHeaderName' ? 'use e.g. "x-user-id"' : 'use e.g. "tenant"');
    }
    model[key] = value;
  } else if (key === 'useSourceIp') {
    if (hash.useSourceIp !== true) check.fail(`${field}.useSourceIp`, hash.useSourceIp, 'must be true or left out', 'set useSourceIp: true');
    model.useSourceIp = true;
  } else {
    const cookie = objectProp(check, `${field}.httpCookie`, hash.httpCookie, '{ name: "session" }')!;
    if (typeof cookie.name !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(cookie.name)) {
      check.fail(`${field}.httpCookie.name`, cookie.name, 'a cookie name is required (letters, digits and !#$%&\'*+.^_`|~-)', 'use e.g. "session"');
    }
    if (cookie.path !== undefined && (typeof cookie.path !== 'string' || !cookie.path.startsWith('/'))) {
      check.fail(`${field}.httpCookie.path`, cookie.path, 'a cookie path starts with "/"', 'use e.g. "/"');
    }
    model.httpCookie = {
      name: cookie.name,
      ...(cookie.path !== undefined ? { path: cookie.path } : {}),
      // Istio accepts 0s here (a session cookie), unlike other durations.
      ...(cookie.ttl !== undefined ? { ttl: renderDuration(check.construct, `${field}.httpCookie.ttl`, cookie.ttl, { minMillis: 0 }) } : {}),
    };
  }
  if (hash.ringHashMinimumRingSize !== undefined && hash.maglevTableSize !== undefined) {
    check.fail(`${field}.maglevTableSize`, hash.maglevTableSize, 'Istio accepts one of ringHash and maglev, not both', 'remove ringHashMinimumRingSize or maglevTableSize');
  }
  if (hash.ringHashMinimumRingSize !== undefined) {
    model.ringHash = { minimumRingSize: check.integer(`${field}.ringHashMinimumRingSize`, hash.ringHashMinimumRingSize, 1, 8_388_608) };
  }
  if (hash.maglevTableSize !== undefined) {
    const size = check.integer(`${field}.maglevTableSize`, hash.maglevTableSize, 2, MAGLEV_TABLE_LIMIT - 1);
    if (!isPrime(size)) check.fail(`${field}.maglevTableSize`, size, 'Maglev needs a prime table size, and Istio refuses others', `use a prime such as 65537 (the usual choice) or ${nextPrime(size)}`);
    model.maglev = { tableSize: size };
  }
  return model;
}

function resolveLocality(
  check: PropChecker, prefix: string, value: LocalityLoadBalancing | undefined, outlierDetection: boolean,
): LocalityLbModel | undefined {
  const field = `${prefix}localityLbSetting`;
  const l = objectProp(check, field, value, '{ failoverPriority: ["topology.kubernetes.io/region"] }');
  if (!l) return undefined;
  const distribute = listOfObjects(check, `${field}.distribute`, l.distribute, '{ from: "us-west/*", to: { "us-west/*": 80, "us-east/*": 20 } }');
  const failover = listOfObjects(check, `${field}.failover`, l.failover, '{ from: "us-west", to: "us-east" }');
  const priority = listProp(check, `${field}.failoverPriority`, l.failoverPriority, '["topology.kubernetes.io/region"]');
  if (l.enabled !== undefined && typeof l.enabled !== 'boolean') check.fail(`${field}.enabled`, l.enabled, 'must be true or false', 'set enabled: true or leave it out');
  if (l.enabled === false && (distribute.length || failover.length || priority.length)) {
    check.fail(`${field}.enabled`, false, 'locality load balancing is switched off, so distribute, failover and failoverPriority would be ignored', 'remove them, or remove enabled: false');
  }
  if (distribute.length && failover.length) {
    check.fail(`${field}.failover`, failover, 'Istio refuses distribute and failover together', 'keep one of distribute and failover');
  }
  if (distribute.length && priority.length) {
    check.fail(`${field}.failoverPriority`, priority, 'distribute sets fixed shares, so a failover priority would never apply (the CRD allows only one of distribute, failover and failoverPriority)', 'keep one of distribute and failoverPriority');
  }
  const sources: string[] = [];
  distribute.forEach((d, i) => {
    const at = `${field}.distribute[${i}]`;
    sources.push(locality(check, `${at}.from`, d.from));
    if (!isRecord(d.to) || Object.keys(d.to).length === 0) check.fail(`${at}.to`, d.to, 'must map destination localities to weights', 'write e.g. { "us-west/*": 80, "us-east/*": 20 }');
    let total = 0;
    for (const [loc, weight] of Object.entries(d.to)) {
      locality(check, `${at}.to`, loc);
      total += check.integer(`${at}.to.${loc}`, weight, 1, 100);
    }
    if (total !== 100) check.fail(`${at}.to`, d.to, `the weights add up to ${total}, and Istio requires exactly 100`, 'adjust the weights so they add up to 100');
    noOverlap(check, `${at}.to`, Object.keys(d.to));
  });
  noOverlap(check, `${field}.distribute`, sources);
  failover.forEach((f, i) => {
    const at = `${field}.failover[${i}]`;
    for (const side of ['from', 'to'] as const) {
      const region = f[side];
      if (typeof region !== 'string' || region === '' || region.includes('/') || region.includes('*')) {
        check.fail(`${at}.${side}`, region, 'failover names a region only, without "/" or "*"', 'use a region such as "us-east1"');
      }
    }
    if (f.from === f.to) check.fail(`${at}.to`, f.to, 'failover must go to another region than it comes from', 'name a different region');
  });
  priority.forEach((label, i) => {
    check.labels(`${field}.failoverPriority[${i}]`, { [String(label)]: 'x' });
    if (failover.length && TOPOLOGY_LABELS.includes(label)) {
      check.fail(`${field}.failoverPriority[${i}]`, label, 'Istio refuses topology labels in failoverPriority together with failover', 'remove failover, or use only your own labels in failoverPriority');
    }
  });
  if ((failover.length || priority.length) && !outlierDetection) {
    // Istio only warns, but without ejection no endpoint ever looks unhealthy, so failover would never happen.
    check.fail(`${prefix}outlierDetection.enabled`, false, 'locality failover moves calls only when outlier detection ejects unhealthy endpoints; with it disabled the failover settings would never act', 'enable outlierDetection, or remove failover and failoverPriority');
  }
  return {
    ...(l.enabled !== undefined ? { enabled: l.enabled } : {}),
    ...(distribute.length ? { distribute: distribute.map((d) => ({ from: d.from, to: { ...d.to } })) } : {}),
    ...(failover.length ? { failover: failover.map((f) => ({ from: f.from, to: f.to })) } : {}),
    ...(priority.length ? { failoverPriority: [...priority] } : {}),
  };
}

/** A locality `region/zone/subzone`, where `*` may only be a whole last segment. */
function locality(check: PropChecker, field: string, value: unknown): string {
  const parts = typeof value === 'string' ? value.split('/') : [];
  const ok = parts.length >= 1 && parts.length <= 3 && parts.every((p, i) => p !== '' && (p === '*' ? i === parts.length - 1 : !p.includes('*')));
  if (!ok) check.fail(field, value, 'a locality is region, region/zone or region/zone/subzone, with "*" only as the whole last part', 'write e.g. "us-west", "us-west/zone1" or "us-west/*"');
  return value as string;
}

/** Istio refuses localities that repeat or that an earlier wildcard already covers. */
function noOverlap(check: PropChecker, field: string, localities: readonly string[]): void {
  localities.forEach((loc, i) => {
    const earlier = localities.slice(0, i).find((o) => o === loc || covers(o, loc) || covers(loc, o));
    if (earlier !== undefined) check.fail(field, loc, `overlaps "${earlier}" given before it`, 'list each locality once, and no locality inside a wildcard listed too');
  });
}

function covers(wildcard: string, loc: string): boolean {
  return wildcard === '*' || (wildcard.endsWith('/*') && loc.startsWith(wildcard.slice(0, -1)));
}

function resolveWarmup(check: PropChecker, prefix: string, props: LoadBalancingProps, consistentHash: boolean): LoadBalancingModel['warmup'] {
  const field = `${prefix}warmup`;
  const w = objectProp(check, field, props.warmup, '{ duration: Duration.seconds(60) }');
  if (!w) return undefined;
  const balancer = props.loadBalancer ?? LoadBalancer.LEAST_REQUEST;
  if (consistentHash || !WARMUP_BALANCERS.includes(balancer)) {
    check.fail(field, consistentHash ? 'with consistentHash' : `with loadBalancer ${balancer}`, 'Envoy ramps up new endpoints only with ROUND_ROBIN or LEAST_REQUEST, so warmup would be ignored', 'use LoadBalancer.LEAST_REQUEST or ROUND_ROBIN, or remove warmup');
  }
  if (w.duration === undefined) check.fail(`${field}.duration`, w.duration, 'a warmup needs a duration', 'set duration, e.g. Duration.seconds(60)');
  const duration = renderDuration(check.construct, `${field}.duration`, w.duration);
  if (w.minimumPercent !== undefined && !(typeof w.minimumPercent === 'number' && w.minimumPercent >= 0 && w.minimumPercent <= 100)) {
    check.fail(`${field}.minimumPercent`, w.minimumPercent, 'must be a percentage from 0 to 100', 'e.g. 10 starts a new pod at a tenth of its share');
  }
  if (w.aggression !== undefined && !(typeof w.aggression === 'number' && Number.isFinite(w.aggression) && w.aggression > 0)) {
    check.fail(`${field}.aggression`, w.aggression, 'must be a number above 0 (Istio refuses others)', 'use 1 for a linear ramp');
  }
  return {
    duration,
    ...(w.minimumPercent !== undefined ? { minimumPercent: w.minimumPercent } : {}),
    ...(w.aggression !== undefined ? { aggression: w.aggression } : {}),
  };
}

function resolveRetryBudget(check: PropChecker, prefix: string, value: RetryBudget | undefined): LoadBalancingModel['retryBudget'] {
  const field = `${prefix}retryBudget`;
  const b = objectProp(check, field, value, '{ percent: 20 }');
  if (!b) return undefined;
  if (b.percent !== undefined && !(typeof b.percent === 'number' && b.percent >= 0 && b.percent <= 100)) {
    check.fail(`${field}.percent`, b.percent, 'must be a percentage from 0 to 100', 'e.g. 20 lets retries add a fifth to the active requests');
  }
  return {
    ...(b.percent !== undefined ? { percent: b.percent } : {}),
    ...(b.minRetryConcurrency !== undefined ? { minRetryConcurrency: check.integer(`${field}.minRetryConcurrency`, b.minRetryConcurrency, 0, UINT32_MAX) } : {}),
    ...(b.budgetInterval !== undefined ? { budgetInterval: renderDuration(check.construct, `${field}.budgetInterval`, b.budgetInterval) } : {}),
  };
}

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

function nextPrime(n: number): number {
  let p = n + 1;
  while (!isPrime(p)) p++;
  return p;
}
