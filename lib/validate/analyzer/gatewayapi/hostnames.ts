/**
 * Whether two Gateway API hostnames can match a common request host, as the spec attaches a
 * route to a listener: equal names, or a wildcard (`*.example.com`, a suffix match on whole
 * labels, never the bare `example.com`) that covers the other name or the other wildcard.
 */
export function hostnamesIntersect(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  const xWild = x.startsWith('*.');
  const yWild = y.startsWith('*.');
  if (xWild && y.endsWith(x.slice(1))) return true;
  if (yWild && x.endsWith(y.slice(1))) return true;
  return false;
}

/** Whether some route hostname meets the listener hostname (none on either side means any). */
export function routeMeetsListener(routeHostnames: readonly string[], listenerHostname: string | undefined): boolean {
  if (listenerHostname === undefined || routeHostnames.length === 0) return true;
  return routeHostnames.some((h) => hostnamesIntersect(h, listenerHostname));
}
