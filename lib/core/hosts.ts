const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/i;

/**
 * Istio's rule for a host that may be a wildcard: `*`, `*.<domain>` or a domain; each label a
 * DNS-1123 label; a `*` only as the whole first label. Returns why not, or undefined.
 */
export function wildcardDomainProblem(host: string): string | undefined {
  if (host === '') return 'host must not be empty';
  if (host === '*') return undefined;
  let rest = host;
  if (host.startsWith('*.')) rest = host.slice(2);
  if (rest.includes('*')) return `"${host}" has a partial wildcard; only a whole first label "*." is allowed (e.g. *.example.com)`;
  if (rest.length > 255) return `"${host}" is longer than 255 characters`;
  const labels = rest.endsWith('.') ? rest.slice(0, -1).split('.') : rest.split('.');
  for (const label of labels) {
    if (label.length > 63 || !DNS1123_LABEL.test(label)) return `"${host}" is not a valid domain name (label "${label}")`;
  }
  return undefined;
}

/** Whether wildcard host `a` covers host `b` (or they are the same), Istio's host matching. */
export function hostCovers(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y || x === '*') return true;
  if (x.startsWith('*.')) {
    const suffix = x.slice(1);
    return y.endsWith(suffix) && y.length > suffix.length;
  }
  return false;
}

/** Whether two hosts overlap: one matches the other. */
export function hostsOverlap(a: string, b: string): boolean {
  return hostCovers(a, b) || hostCovers(b, a);
}

/**
 * A gateway reference in a VirtualService: `mesh`, `<name>` or `<namespace>/<name>`, the name a
 * DNS-1123 subdomain and the namespace a label. Returns why not, or undefined.
 */
export function gatewayRefProblem(ref: string): string | undefined {
  if (ref === 'mesh') return undefined;
  const parts = ref.split('/');
  if (parts.length > 2) return `gateway "${ref}" must be <name> or <namespace>/<name>`;
  const [ns, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (ns !== undefined && !(ns.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns))) return `gateway namespace "${ns}" is not a valid namespace name`;
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name) || name.length > 253) {
    return `gateway name "${name}" is not a valid DNS-1123 name (lower-case letters, digits, '-' and '.')`;
  }
  return undefined;
}

/** Label keys and values as Kubernetes accepts them in selectors and subset labels. */
export function labelProblem(key: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return `label ${key} must have a string value`;
  if (!/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(key)) return `label key "${key}" is not a qualified name`;
  if (value.length > 63 || !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)) return `label value "${value}" is not valid`;
  return undefined;
}
