import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';

const C = WEBHOOK_CODES.LOAD_BALANCER;
const TOPOLOGY_LABELS = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];

/**
 * Istio's ValidateLocalityLbSetting: distribute or failover, not both; distribute weights in
 * 1-100 adding up to 100 over localities that do not overlap; failover between two different
 * regions (no zone, no wildcard), and not beside topology labels in failoverPriority; a warning
 * when failover has no outlier detection to trigger it. Istio stops at the first of some of these.
 */
export function checkLocalityLbSetting(issues: Issues, setting: unknown, hasOutlierDetection: boolean, path: string): void {
  const lb = obj(setting);
  if (!lb) return;
  const distribute = list(lb.distribute).map((d) => obj(d) ?? {});
  const failover = list(lb.failover).map((f) => obj(f) ?? {});
  const failoverPriority = list(lb.failoverPriority).filter((p): p is string => typeof p === 'string');
  if (distribute.length > 0 && failover.length > 0) return issues.error(C, path, "can not simultaneously specify 'distribute' and 'failover'");
  if (failover.length > 0) {
    const topology = failoverPriority.find((p) => TOPOLOGY_LABELS.includes(p));
    if (topology) return issues.error(C, `${path}.failoverPriority`, `can not simultaneously set 'failover' and topology label '${topology}' in 'failover_priority'`);
  }
  for (const [i, d] of distribute.entries()) {
    const to = Object.entries(obj(d.to) ?? {});
    if (to.some(([, w]) => !(typeof w === 'number' && w > 0 && w <= 100))) return issues.error(C, `${path}.distribute[${i}].to`, 'locality weight must be in range [1, 100]');
    const total = to.reduce((sum, [, w]) => sum + (w as number), 0);
    if (total !== 100) return issues.error(C, `${path}.distribute[${i}].to`, `total locality weight ${total} != 100`);
    const problem = localitiesProblem(to.map(([locality]) => locality));
    if (problem) issues.error(C, `${path}.distribute[${i}].to`, problem);
  }
  const sources = localitiesProblem(distribute.map((d) => (typeof d.from === 'string' ? d.from : '')));
  if (sources) issues.error(C, `${path}.distribute`, sources);
  checkFailover(issues, failover, failoverPriority.length > 0, hasOutlierDetection, path, LOCALITY_FAILOVER);
}

/**
 * Istio's validateLocalities: `region[/zone[/subzone]]`, no empty part, at most one `*` and only at
 * the end, and no locality covered by an earlier one (the first such is reported).
 */
function localitiesProblem(localities: readonly string[]): string | undefined {
  // region -> zone -> subzones; '*' marks "all of it".
  const seen = new Map<string, Map<string, Set<string>>>();
  for (const locality of localities) {
    const stars = locality.split('*').length - 1;
    if (stars > 1 || (stars === 1 && !locality.endsWith('*'))) return `locality ${locality} wildcard '*' number can not exceed 1 and must be in the end`;
    const overlap = `locality ${locality} overlap with previous specified ones`;
    if (seen.has('*')) return overlap;
    const parts = splitN(locality, '/', 3);
    if (parts.some((p) => p === '')) return `locality ${locality} must not contain empty region/zone/subzone info`;
    const [region, zone, subzone] = parts;
    const zones = seen.get(region);
    if (parts.length === 1) {
      if (zones) return overlap;
      seen.set(region, new Map([['*', new Set(['*'])]]));
    } else if (!zones) {
      seen.set(region, new Map([[zone, new Set([parts.length === 2 ? '*' : subzone])]]));
    } else {
      if (zones.has('*')) return overlap;
      const subzones = zones.get(zone);
      if (parts.length === 2) {
        if (subzones) return overlap;
        zones.set(zone, new Set(['*']));
      } else if (!subzones) {
        zones.set(zone, new Set([subzone]));
      } else {
        if (subzones.has('*') || subzones.has(subzone)) return overlap;
        subzones.add(subzone);
      }
    }
  }
  return undefined;
}

/** Go's strings.SplitN: at most `n` parts, the last holding the rest. */
function splitN(text: string, separator: string, n: number): string[] {
  const parts = text.split(separator);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}

/**
 * Istio's ValidateZoneAwareLbSetting: Envoy partitions by region and zone itself, so failover only
 * orders regions (no zone, no wildcard, two different ones), failoverPriority takes no topology
 * label, and failover wants outlier detection (a warning).
 */
export function checkZoneAwareLbSetting(issues: Issues, setting: unknown, hasOutlierDetection: boolean, path: string): void {
  const lb = obj(setting);
  if (!lb) return;
  const failover = list(lb.failover).map((f) => obj(f) ?? {});
  const failoverPriority = list(lb.failoverPriority).filter((p): p is string => typeof p === 'string');
  for (const label of failoverPriority.filter((p) => TOPOLOGY_LABELS.includes(p))) {
    issues.error(C, `${path}.failoverPriority`, `'failover_priority' for zone aware lb must not use topology label '${label}'; region- and zone-level routing are handled automatically`);
  }
  checkFailover(issues, failover, failoverPriority.length > 0, hasOutlierDetection, path, ZONE_AWARE_FAILOVER);
}

/** What Istio says about a failover entry, in the words of each setting. */
interface FailoverMessages {
  readonly sameRegion: string;
  readonly notARegion: string;
  readonly wildcard: string;
}

const LOCALITY_FAILOVER: FailoverMessages = {
  sameRegion: 'locality lb failover settings must specify different regions',
  notARegion: 'locality lb failover only specify region',
  wildcard: "locality lb failover region should not contain '*' wildcard",
};

const ZONE_AWARE_FAILOVER: FailoverMessages = {
  sameRegion: 'zone aware lb failover settings must specify different regions',
  notARegion: 'zone aware lb failover only specifies region; zone and subzone failover are handled automatically',
  wildcard: "zone aware lb failover region should not contain '*' wildcard",
};

/**
 * The failover rules both settings share: outlier detection to trigger it (a warning), and each
 * entry from one region to another, without zones or wildcards.
 */
function checkFailover(
  issues: Issues,
  failover: readonly Record<string, any>[],
  hasPriority: boolean,
  hasOutlierDetection: boolean,
  path: string,
  messages: FailoverMessages,
): void {
  if ((failover.length > 0 || hasPriority) && !hasOutlierDetection) {
    issues.warn(C, path, 'outlier detection policy must be provided for failover');
  }
  failover.forEach((f, i) => {
    const from = typeof f.from === 'string' ? f.from : '';
    const to = typeof f.to === 'string' ? f.to : '';
    const at = `${path}.failover[${i}]`;
    if (from === to) issues.error(C, at, messages.sameRegion);
    if (from.includes('/') || to.includes('/')) issues.error(C, at, messages.notARegion);
    if (from.includes('*') || to.includes('*')) issues.error(C, at, messages.wildcard);
  });
}
