const JWT_CLAIM = '@request.auth.claims';
const PSEUDO_HEADERS = new Set([':method', ':scheme', ':authority', ':path', ':status']);
/** RFC 7230 token characters: what Istio's header-name pattern allows. */
const HEADER_TOKEN = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;

/** Whether the name is a JWT claim in Istio's routing form: `@request.auth.claims.a.b` or `...claims[a][b]`. */
function isJwtClaimRoute(name: string): boolean {
  if (!name.toLowerCase().startsWith(JWT_CLAIM)) return false;
  const rest = name.slice(JWT_CLAIM.length);
  return (rest.startsWith('.') && rest.length > 1) || (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2);
}

/** Istio's ValidateHTTPHeaderNameOrJwtClaimRoute, for the names of header matches. */
export function headerMatchNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isJwtClaimRoute(name) || PSEUDO_HEADERS.has(name) || HEADER_TOKEN.test(name)) return undefined;
  return `header name ${name} is not a valid header name`;
}

/** Istio's ValidateCORSHTTPHeaderName: not empty, `*`, or a header token. */
export function corsHeaderNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name === '*' || HEADER_TOKEN.test(name)) return undefined;
  return `header name ${name} is not a valid header name`;
}
