import { listOf, objOf } from '../objects';

const VS_ROUTE_FEATURES: readonly [string, string][] = [
  ['retries', 'retries'], ['timeout', 'timeout'], ['fault', 'fault injection'], ['mirror', 'mirroring'], ['mirrors', 'mirroring'],
  ['rewrite', 'rewrite'], ['redirect', 'redirect'], ['headers', 'header changes'], ['corsPolicy', 'CORS'], ['directResponse', 'direct response'],
];

/** The L7 features of a VirtualService's http routes, for messages (empty: nothing ztunnel would miss). */
export function virtualServiceFeatures(spec: Record<string, any>): string[] {
  const found = new Set<string>();
  for (const raw of listOf(spec.http)) {
    const route = objOf(raw);
    if (listOf(route.match).length > 0) found.add('matches');
    const destinations = listOf(route.route).map(objOf);
    if (destinations.length > 1) found.add('weighted split');
    if (destinations.some((d) => objOf(d.destination).subset !== undefined)) found.add('subsets');
    for (const [field, name] of VS_ROUTE_FEATURES) if (route[field] !== undefined && route[field] !== null) found.add(name);
  }
  return [...found];
}

/**
 * The L7 features of a Gateway API route for a Service parent: matches, filters, several
 * backends or one other than the parent, timeouts and retries.
 */
export function routeFeatures(
  spec: Record<string, any>,
  parent: { readonly name: string; readonly namespace: string },
  routeNamespace: string,
): string[] {
  const found = new Set<string>();
  for (const raw of listOf(spec.rules)) {
    const rule = objOf(raw);
    if (listOf(rule.matches).length > 0) found.add('matches');
    if (listOf(rule.filters).length > 0) found.add('filters');
    const backends = listOf(rule.backendRefs).map(objOf);
    if (backends.length > 1) found.add('weighted split');
    if (backends.some((b) => listOf(b.filters).length > 0)) found.add('filters');
    if (backends.length === 1 && (backends[0].name !== parent.name || (backends[0].namespace ?? routeNamespace) !== parent.namespace)) found.add('a backend other than the Service');
    if (rule.timeouts !== undefined) found.add('timeouts');
    if (rule.retry !== undefined) found.add('retries');
  }
  return [...found];
}
