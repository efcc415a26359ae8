import { WEBHOOK_CODES } from './codes';
import { deprecatedFilterNameWarning } from './deprecated-filter-names';
import { Issues, list, obj } from './issues';
import { regexProblem } from './regex';
import { reportBadSelectorLabels } from './workload-selector';

const C = WEBHOOK_CODES.ENVOY_FILTER;

/** Istio bounds the proxyVersion pattern; longer ones are ignored with a warning, not compiled. */
const MAX_PROXY_VERSION_LENGTH = 1024;

const LISTENER_CLASS = new Set(['LISTENER', 'FILTER_CHAIN', 'NETWORK_FILTER', 'HTTP_FILTER']);
const ROUTE_CLASS = new Set(['ROUTE_CONFIGURATION', 'VIRTUAL_HOST', 'HTTP_ROUTE']);
const HTTP_CONNECTION_MANAGER = ['envoy.filters.network.http_connection_manager', 'envoy.http_connection_manager'];

/**
 * Istio's ValidateEnvoyFilter: a warning on every EnvoyFilter (it exposes Envoy internals), the
 * workload selector, and per patch: applyTo, patch, operation and value present, the proxyVersion
 * pattern compiling (RE2), and a match of the class applyTo patches. The patch value itself is
 * checked by Istio against Envoy's protobuf types, which are not known here.
 */
export function checkEnvoyFilter(issues: Issues, spec: Record<string, any>): void {
  issues.warn(C, 'spec', 'EnvoyFilter exposes internal implementation details that may change at any time. Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.');
  const selector = obj(spec.workloadSelector);
  if (selector) {
    const labels = obj(selector.labels) ?? {};
    // Istio stops at a bad selector; an empty one only warns.
    if (reportBadSelectorLabels(issues, C, labels)) return;
    if (Object.keys(labels).length === 0) issues.warn(C, 'spec.workloadSelector', 'Envoy filter: workload selector specified without labels, will be applied to all services in namespace');
  }
  list(spec.configPatches).forEach((raw, i) => checkPatch(issues, raw, `spec.configPatches[${i}]`));
}

function checkPatch(issues: Issues, raw: unknown, at: string): void {
  const patch = obj(raw);
  if (!patch) {
    issues.error(C, at, 'Envoy filter: null config patch');
    return;
  }
  const match = obj(patch.match);
  // Istio does not validate patches of waypoint proxies yet.
  if (match?.context === 'WAYPOINT') return;
  const applyTo = typeof patch.applyTo === 'string' ? patch.applyTo : 'INVALID';
  if (applyTo === 'INVALID') return issues.error(C, `${at}.applyTo`, 'Envoy filter: missing applyTo');
  const body = obj(patch.patch);
  if (!body) return issues.error(C, `${at}.patch`, 'Envoy filter: missing patch');
  const operation = typeof body.operation === 'string' ? body.operation : 'INVALID';
  if (operation === 'INVALID') return issues.error(C, `${at}.patch.operation`, 'Envoy filter: missing patch operation');
  if (operation !== 'REMOVE' && (body.value === undefined || body.value === null)) {
    return issues.error(C, `${at}.patch.value`, 'Envoy filter: missing patch value for non-remove operation');
  }
  const proxyVersion = obj(match?.proxy)?.proxyVersion;
  if (typeof proxyVersion === 'string' && proxyVersion !== '') {
    if (proxyVersion.length > MAX_PROXY_VERSION_LENGTH) {
      issues.warn(C, `${at}.match.proxy.proxyVersion`, `Envoy filter: proxyVersion match exceeds ${MAX_PROXY_VERSION_LENGTH} characters and will be ignored`);
    } else {
      const problem = regexProblem(proxyVersion);
      if (problem) return issues.error(C, `${at}.match.proxy.proxyVersion`, `Envoy filter: invalid regex for proxy version, [${problem}]`);
    }
  }
  // A match names an object type when it has a listener, routeConfiguration or cluster.
  const objectType = match ? ['listener', 'routeConfiguration', 'cluster'].find((k) => obj(match[k])) : undefined;
  if (!objectType) return;
  if (LISTENER_CLASS.has(applyTo)) {
    if (objectType !== 'listener') return issues.error(C, `${at}.match`, 'Envoy filter: applyTo for listener class objects cannot have non listener match');
    checkListenerFilterMatch(issues, applyTo, obj(obj(match!.listener)!.filterChain), `${at}.match.listener.filterChain`);
  } else if (ROUTE_CLASS.has(applyTo) && objectType !== 'routeConfiguration') {
    issues.error(C, `${at}.match`, 'Envoy filter: applyTo for http route class objects cannot have non route configuration match');
  } else if (applyTo === 'CLUSTER' && objectType !== 'cluster') {
    issues.error(C, `${at}.match`, 'Envoy filter: applyTo for cluster class objects cannot have non cluster match');
  }
}

function checkListenerFilterMatch(issues: Issues, applyTo: string, filterChain: Record<string, any> | undefined, at: string): void {
  const filter = obj(filterChain?.filter);
  if (!filter) return;
  if (applyTo === 'LISTENER' || applyTo === 'FILTER_CHAIN') {
    // An error in principle; Istio keeps it a warning for compatibility.
    issues.warn(C, `${at}.filter`, `Envoy filter: filter match has no effect when used with ${applyTo}`);
  }
  const name = typeof filter.name === 'string' ? filter.name : '';
  if (name === '') return issues.error(C, `${at}.filter.name`, 'Envoy filter: filter match has no name to match on');
  const subFilter = obj(filter.subFilter);
  if (subFilter) {
    if (applyTo !== 'HTTP_FILTER') return issues.error(C, `${at}.filter.subFilter`, 'Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only');
    if (!HTTP_CONNECTION_MANAGER.includes(name)) {
      return issues.error(C, `${at}.filter.subFilter`, `Envoy filter: subfilter match requires filter match with ${HTTP_CONNECTION_MANAGER[0]}`);
    }
    if (typeof subFilter.name !== 'string' || subFilter.name === '') return issues.error(C, `${at}.filter.subFilter.name`, 'Envoy filter: subfilter match has no name to match on');
  }
  const names: [string, unknown][] = [[`${at}.filter.name`, name], [`${at}.filter.subFilter.name`, subFilter?.name]];
  for (const [where, n] of names) {
    const warning = typeof n === 'string' ? deprecatedFilterNameWarning(n) : undefined;
    if (warning) issues.warn(C, where, warning);
  }
}
