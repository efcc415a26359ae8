import { WEBHOOK_CODES } from './codes';
import { checkDestination, checkPercentage, checkWeightedDestinations } from './destination';
import { checkDuration, parseDurationNanos } from './durations';
import { corsHeaderNameProblem } from './header-names';
import { checkAuthorityRewrite, checkHeaderOperations } from './header-operations';
import { Issues, list, obj } from './issues';
import { checkHttpMatches } from './match';
import { regexProblem } from './regex';
import { checkRetries } from './retries';

/** Where a route sits: whether its VirtualService applies to sidecars, and whether it is a delegate. */
export interface RouteContext {
  readonly appliesToMesh: boolean;
  readonly isDelegate: boolean;
  /** Generated from a Gateway API route: destinations are not checked. */
  readonly gatewaySemantics?: boolean;
}

const GRPC_STATUSES = new Set([
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
]);

const set = (v: unknown) => v !== undefined && v !== null;

/** Istio's rules for one `http` route of a VirtualService (validateHTTPRoute). */
export function checkHttpRoute(issues: Issues, route: Record<string, any>, path: string, ctx: RouteContext): void {
  checkRouteConflicts(issues, route, path, ctx);
  checkHttpMatches(issues, route.match, `${path}.match`, ctx.appliesToMesh);
  if (route.route !== undefined) checkWeightedDestinations(issues, route.route, `${path}.route`, ctx.gatewaySemantics);
  checkRetries(issues, route.retries, `${path}.retries`);
  checkDuration(issues, route.timeout, `${path}.timeout`);
  if (set(route.mirror)) checkDestination(issues, route.mirror, `${path}.mirror`);
  checkPercentage(issues, route.mirrorPercentage, `${path}.mirrorPercentage`);
  if (set(route.mirrorPercent)) {
    if (typeof route.mirrorPercent === 'number' && route.mirrorPercent > 100) issues.error(WEBHOOK_CODES.PERCENTAGE, `${path}.mirrorPercent`, `mirror_percent must have a max value of 100 (it has ${route.mirrorPercent})`);
    issues.warn(WEBHOOK_CODES.PERCENTAGE, `${path}.mirrorPercent`, 'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead');
  }
  list(route.mirrors).forEach((m, i) => {
    const mirror = obj(m);
    if (!mirror || !set(mirror.destination)) {
      issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}.mirrors[${i}].destination`, 'destination is required for mirrors');
      return;
    }
    checkDestination(issues, mirror.destination, `${path}.mirrors[${i}].destination`);
    checkPercentage(issues, mirror.percentage, `${path}.mirrors[${i}].percentage`);
  });
  checkFault(issues, obj(route.fault), `${path}.fault`);
  checkRedirect(issues, obj(route.redirect), list(route.match), `${path}.redirect`);
  checkDirectResponse(issues, obj(route.directResponse), `${path}.directResponse`);
  checkRewrite(issues, obj(route.rewrite), `${path}.rewrite`);
  checkHeaderOperations(issues, route.headers, `${path}.headers`);
  checkAuthorityRewrite(issues, route.rewrite, route.headers, path);
  checkCors(issues, obj(route.corsPolicy), `${path}.corsPolicy`);
}

/** Istio's validateHTTPRouteConflict: which actions and settings exclude each other. */
function checkRouteConflicts(issues: Issues, route: Record<string, any>, path: string, ctx: RouteContext): void {
  const hasRoute = list(route.route).length > 0;
  if (set(route.delegate)) {
    if (ctx.isDelegate) {
      issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.delegate`, 'a delegate VirtualService cannot delegate again; only root VirtualServices may delegate');
    } else {
      // A root route: the delegate decides where traffic goes.
      if (set(route.redirect)) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.redirect`, 'a root HTTP route (one with delegate) must not specify redirect');
      if (set(route.route)) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.route`, 'a root HTTP route (one with delegate) must not specify route');
      const d = obj(route.delegate);
      if (!d || typeof d.name !== 'string' || d.name === '') issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.delegate.name`, 'delegate needs the name of the VirtualService to delegate to');
      return;
    }
  }
  if (set(route.redirect)) {
    if (hasRoute) issues.error(WEBHOOK_CODES.HTTP_ROUTE, path, 'an HTTP rule cannot have both route and redirect; keep one');
    if (set(route.fault)) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.fault`, 'an HTTP rule cannot have both fault and redirect');
    if (set(route.rewrite)) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.rewrite`, 'an HTTP rule cannot have both rewrite and redirect');
    if (set(route.directResponse)) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.directResponse`, 'an HTTP rule cannot have both directResponse and redirect');
  } else if (set(route.directResponse)) {
    if (hasRoute) issues.error(WEBHOOK_CODES.HTTP_ROUTE, path, 'an HTTP rule cannot have both route and directResponse; keep one');
    if (set(route.fault)) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.fault`, 'an HTTP rule cannot have both fault and directResponse');
    if (set(route.rewrite)) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.rewrite`, 'an HTTP rule cannot have both rewrite and directResponse');
  } else if (!hasRoute) {
    issues.error(WEBHOOK_CODES.HTTP_ROUTE, path, 'an HTTP rule needs a route, a redirect or a directResponse');
  }
  if (set(route.mirror) && list(route.mirrors).length > 0) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.mirrors`, 'an HTTP rule cannot have both mirror and mirrors; move mirror into mirrors');
}

function checkFault(issues: Issues, fault: Record<string, any> | undefined, path: string): void {
  if (!fault) return;
  const abort = obj(fault.abort);
  const delay = obj(fault.delay);
  if (!abort && !delay) issues.error(WEBHOOK_CODES.HTTP_ROUTE, path, 'HTTP fault injection must have an abort and/or a delay');
  if (abort) {
    checkPercentage(issues, abort.percentage, `${path}.abort.percentage`);
    if (set(abort.grpcStatus)) {
      if (!GRPC_STATUSES.has(String(abort.grpcStatus))) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.abort.grpcStatus`, `gRPC status "${String(abort.grpcStatus)}" is not supported; use a name such as UNAVAILABLE or NOT_FOUND`);
    } else if (set(abort.http2Error)) {
      issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.abort.http2Error`, 'HTTP/2 abort fault injection not supported yet');
    } else if (set(abort.httpStatus)) {
      httpStatus(issues, abort.httpStatus, `${path}.abort.httpStatus`);
    } else {
      issues.warn(WEBHOOK_CODES.HTTP_ROUTE, `${path}.abort`, 'abort configured, but error type not set');
    }
  }
  if (delay) {
    checkPercentage(issues, delay.percentage, `${path}.delay.percentage`);
    checkDuration(issues, delay.fixedDelay, `${path}.delay.fixedDelay`);
    if (set(delay.exponentialDelay)) {
      checkDuration(issues, delay.exponentialDelay, `${path}.delay.exponentialDelay`);
      issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.delay.exponentialDelay`, 'exponentialDelay not supported yet');
    }
  }
}

function httpStatus(issues: Issues, status: unknown, path: string): void {
  const n = typeof status === 'number' ? status : 0;
  if (n < 200 || n > 600) issues.error(WEBHOOK_CODES.HTTP_ROUTE, path, `HTTP status ${n} is not in range 200-599`);
}

/** Istio's validateHTTPRedirect (it stops at the first problem). */
function checkRedirect(issues: Issues, redirect: Record<string, any> | undefined, matches: readonly unknown[], path: string): void {
  if (!redirect) return;
  const has = (k: string) => typeof redirect[k] === 'string' && redirect[k] !== '';
  const fail = (message: string) => issues.error(WEBHOOK_CODES.HTTP_ROUTE, path, message);
  if (has('uri') && has('prefixRewrite')) return fail('redirect may only specify one of uri or prefixRewrite');
  if (has('prefixRewrite') && matches.some((m) => set(obj(m)?.uri) && obj(obj(m)?.uri)?.prefix === undefined)) {
    return fail('redirect prefixRewrite requires all URI matches to use prefix match type');
  }
  if (!has('uri') && !has('prefixRewrite') && !has('authority') && !set(redirect.port) && !set(redirect.derivePort) && !has('scheme')) {
    return fail('redirect must specify URI, authority, scheme, or port');
  }
  const code = redirect.redirectCode;
  if (typeof code === 'number' && code !== 0 && (code < 300 || code > 399)) return fail(`${code} is not a valid redirect code, must be 3xx`);
  if (has('scheme') && redirect.scheme !== 'http' && redirect.scheme !== 'https') return fail('invalid redirect scheme, must be "http" or "https"');
  if (typeof redirect.port === 'number' && redirect.port > 0 && redirect.port > 65535) return fail(`port number ${redirect.port} must be in the range 1..65535`);
  return undefined;
}

function checkDirectResponse(issues: Issues, response: Record<string, any> | undefined, path: string): void {
  if (!response) return;
  const body = obj(response.body);
  const size = typeof body?.string === 'string' ? Buffer.byteLength(body.string) : typeof body?.bytes === 'string' ? Math.floor((body.bytes.length * 3) / 4) : 0;
  if (size > 1024 * 1024) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.body`, 'large direct_responses may impact control plane performance, must be less than 1MB');
  else if (size > 100 * 1024) issues.warn(WEBHOOK_CODES.HTTP_ROUTE, `${path}.body`, 'large direct_responses may impact control plane performance');
  httpStatus(issues, response.status, `${path}.status`);
}

function checkRewrite(issues: Issues, rewrite: Record<string, any> | undefined, path: string): void {
  if (!rewrite) return;
  const uri = typeof rewrite.uri === 'string' && rewrite.uri !== '';
  const regex = obj(rewrite.uriRegexRewrite);
  if (uri && regex) {
    issues.error(WEBHOOK_CODES.HTTP_ROUTE, path, 'rewrite may only contain one of uri or uriRegexRewrite');
    return;
  }
  if (!uri && !regex && !(typeof rewrite.authority === 'string' && rewrite.authority !== '')) {
    issues.error(WEBHOOK_CODES.HTTP_ROUTE, path, 'rewrite must specify at least one of uri, uriRegexRewrite, or authority');
    return;
  }
  if (regex) {
    if (!regex.match || !regex.rewrite) {
      issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.uriRegexRewrite`, 'uriRegexRewrite requires both rewrite and match fields to be specified');
      return;
    }
    const problem = regexProblem(String(regex.match));
    if (problem) issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.uriRegexRewrite.match`, problem);
  }
}

const CORS_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

function checkCors(issues: Issues, cors: Record<string, any> | undefined, path: string): void {
  if (!cors) return;
  list(cors.allowOrigins).forEach((o, i) => {
    const origin = obj(o) ?? {};
    const match = origin.exact ?? origin.prefix ?? origin.regex ?? '';
    if (match === '') {issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.allowOrigins[${i}]`, "'' is not a valid match type for CORS allow origins");} else if (typeof origin.regex === 'string') {
      const problem = regexProblem(origin.regex);
      if (problem) issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.allowOrigins[${i}].regex`, problem);
    }
  });
  list(cors.allowMethods).forEach((m, i) => {
    if (!CORS_METHODS.has(String(m))) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.allowMethods[${i}]`, `"${String(m)}" is not a supported HTTP method`);
  });
  for (const field of ['allowHeaders', 'exposeHeaders'] as const) {
    list(cors[field]).forEach((h, i) => {
      const problem = corsHeaderNameProblem(String(h));
      if (problem) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.${field}[${i}]`, problem);
    });
  }
  checkDuration(issues, cors.maxAge, `${path}.maxAge`);
  const nanos = typeof cors.maxAge === 'string' ? parseDurationNanos(cors.maxAge) : undefined;
  if (nanos !== undefined && nanos % 1_000_000_000n !== 0n) issues.error(WEBHOOK_CODES.DURATION, `${path}.maxAge`, 'max_age duration is accurate only to seconds precision');
}
