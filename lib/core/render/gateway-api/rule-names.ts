/** GRPCRoute rule names are DNS subdomains (lower case, dot-separated labels), unique in the route. */
const LABEL_INVALID = /[^a-z0-9-]+/g;

/** One route name (e.g. `users.v1.UserService/GetUser`) as a valid rule name (`users.v1.userservice.getuser`). */
export function ruleNameOf(routeName: string): string {
  const labels = routeName.toLowerCase().split(/[./]/).map((l) => l.replace(LABEL_INVALID, '-').replace(/^-+|-+$/g, '').slice(0, 63) || 'x');
  return labels.join('.').slice(0, 240).replace(/[.-]+$/, '');
}

/**
 * Rule names for route names, unique within the route: names that only differ in case or in
 * characters a rule name cannot hold get `-2`, `-3`, ... (Istio shows the rule name as the route
 * name in access logs and stats).
 */
export function uniqueRuleNames(routeNames: readonly string[]): string[] {
  const taken = new Set<string>();
  return routeNames.map((n) => {
    const base = ruleNameOf(n);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
    taken.add(name);
    return name;
  });
}
