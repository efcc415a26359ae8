import { isIpAddress } from './istio-hosts';

/**
 * Istio's value checks for AuthorizationPolicy fields and conditions (pkg/config/security):
 * each returns why a list of values is refused, or undefined.
 */

/** IPs and CIDR ranges (ipBlocks, remoteIpBlocks, source.ip, destination.ip conditions). */
export function ipsProblem(values: readonly string[]): string | undefined {
  for (const v of values) {
    if (v.includes('/')) {
      const [address, bits, extra] = v.split('/');
      const max = isIpAddress(address) ? (address.includes(':') ? 128 : 32) : -1;
      if (extra !== undefined || max < 0 || !/^(0|[1-9]\d{0,2})$/.test(bits) || Number(bits) > max) return `bad CIDR range (${v})`;
    } else if (!isIpAddress(v)) {
      return `bad IP address (${v})`;
    }
  }
  return undefined;
}

/** Ports as decimal strings within 0-65535. */
export function portsProblem(values: readonly string[]): string | undefined {
  const bad = values.find((p) => !/^\d+$/.test(p) || Number(p) > 65535);
  return bad === undefined ? undefined : `bad port (${bad})`;
}

export function emptyValueProblem(field: string, values: readonly string[]): string | undefined {
  return values.some((v) => v === '') ? `empty value not allowed, found in ${field}` : undefined;
}

function wildcardProblem(field: string, values: readonly string[]): string | undefined {
  const empty = emptyValueProblem(field, values);
  if (empty) return empty;
  for (const v of values) {
    const count = v.split('*').length - 1;
    if (count > 1) return `at most one wildcard is allowed, found in ${field}: "${v}"`;
    if (count === 1 && v !== '*' && !v.startsWith('*') && !v.endsWith('*')) return `wildcard is only allowed at the start or end, found in ${field}: "${v}"`;
  }
  return undefined;
}

export function trustDomainsProblem(field: string, values: readonly string[]): string | undefined {
  return wildcardProblem(field, values) ?? (values.find((v) => v.includes('/')) !== undefined ? `trust domain must not contain '/', found in ${field}` : undefined);
}

export function serviceAccountsProblem(field: string, values: readonly string[]): string | undefined {
  if (values.length > 16) return 'may not have more than 16 values';
  for (const v of values) {
    if (v === '') return `empty value not allowed, found in ${field}`;
    if (v.includes('*')) return `wildcard not allowed, found in ${field}`;
    const slashes = v.split('/').length - 1;
    if (slashes > 1) return `expected format 'serviceAccount' or 'namespace/serviceAccount', found "${v}" in ${field}`;
    if (v.length > 320) return `value cannot exceed 320 characters, found in ${field}`;
    const [ns, sa] = slashes === 1 ? v.split('/') : [undefined, v];
    if (ns === '') return `expected format 'serviceAccount' or 'namespace/serviceAccount', found empty namespace "${v}" in ${field}`;
    if (sa === '') return `expected format 'serviceAccount' or 'namespace/serviceAccount', found empty serviceAccount "${v}" in ${field}`;
  }
  return undefined;
}

const LITERAL = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]+$/;

/** Path templates: `{*}` one segment, `{**}` the rest (last), no other braces. */
export function pathTemplatesProblem(field: string, paths: readonly string[]): string | undefined {
  for (const raw of paths) {
    const template = raw.includes('{*}') || raw.includes('{**}');
    const path = raw.replace(/^\/+|\/+$/g, '');
    let matchAny = false;
    for (const glob of path.split('/')) {
      if (glob === '{*}' && !matchAny) continue;
      if (glob === '{**}' && !matchAny) {
        matchAny = true;
        continue;
      }
      if ((glob === '{**}' || glob === '{*}') && matchAny) return `invalid or unsupported path ${path}, found in ${field}. {**} is not the last operator`;
      if (/[{}]/.test(glob)) return `invalid or unsupported path ${path}, found in ${field}. Contains '{' or '}' beyond a supported path template`;
      if (template && !LITERAL.test(glob)) return `invalid or unsupported path ${path}, found in ${field}. Contains segment ${glob} with invalid string literal`;
    }
  }
  return undefined;
}

function mapKeyProblem(key: string): string | undefined {
  const open = key.indexOf('[');
  return key.endsWith(']') && open > 0 && open < key.length - 2 ? undefined : `bad key (${key}): should have format a[b]`;
}

/** Istio's ValidateAttribute: the condition key is known and its values fit it. */
export function attributeProblem(key: string, values: readonly string[]): string | undefined {
  const empty = emptyValueProblem(key, values);
  if (empty) return empty;
  if (key.startsWith('request.headers')) return mapKeyProblem(key);
  switch (key) {
    case 'source.ip':
    case 'remote.ip':
    case 'destination.ip':
      return ipsProblem(values);
    case 'source.serviceAccount':
      return serviceAccountsProblem(key, values);
    case 'source.trustDomain':
      return wildcardProblem(key, values);
    case 'destination.port':
      return portsProblem(values);
    case 'source.namespace':
    case 'source.principal':
    case 'request.auth.principal':
    case 'request.auth.audiences':
    case 'request.auth.presenter':
    case 'connection.sni':
      return undefined;
    case 'destination.namespace':
      return `attribute ${key} is replaced by the metadata.namespace`;
    case 'destination.name':
    case 'destination.user':
      return `deprecated attribute ${key}: only supported in v1alpha1`;
    default:
  }
  if (key.startsWith('request.auth.claims') || key.startsWith('experimental.envoy.filters.')) return mapKeyProblem(key);
  if (key.startsWith('destination.labels')) return `attribute ${key} is replaced by the workload selector`;
  return `unknown attribute: ${key}`;
}
