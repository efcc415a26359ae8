import { PropChecker } from './checks';
import { renderDuration } from './duration';
import { RenderedRetries, RouteModel } from './mesh-service-model';
import { GrpcMeshServiceProps } from './mesh-service-props';
import { GrpcMethodProps, Idempotency, StreamingKind } from './method';
import { canDuplicate, DUPLICATE_RISK, isRetrySafe, PRE_REQUEST_ONLY_RETRIES, renderRetries } from './resolve-retries';
import { listOfObjects, listProp, objectProp } from './shape-checks';

const PROTO_SERVICE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const PROTO_METHOD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The name of the service-wide route (ROUTE_NAME in access logs). */
export const DEFAULT_ROUTE_NAME = 'grpc-default';

/**
 * Resolves the VirtualService routes: one exact-match route per declared method, then the
 * service-wide route. Enforces the idempotency rules for retries.
 */
export function resolveRoutes(check: PropChecker, props: GrpcMeshServiceProps): RouteModel[] {
  const methods = listOfObjects(check, 'methods', props.methods, '{ name: "GetUser", idempotency: Idempotency.NO_SIDE_EFFECTS }');
  checkRetryShape(check, 'retries', props.retries);
  methods.forEach((m, i) => checkRetryShape(check, `methods[${i}].retries`, m.retries));
  const dangerous = props.dangerouslyAllowRetriesOnNonIdempotentMethods === true;
  const serviceTimeout = props.timeout ? renderDuration(check.construct, 'timeout', props.timeout) : undefined;

  let serviceRetries: RenderedRetries = PRE_REQUEST_ONLY_RETRIES;
  if (props.retries) {
    const nonIdempotent = methods.find((m) => m.idempotency === Idempotency.NON_IDEMPOTENT);
    if (nonIdempotent && canDuplicate(props.retries) && !dangerous) {
      check.fail('retries', props.retries.retryOn ?? 'default conditions',
        `service-wide retries also cover method ${nonIdempotent.name}, declared NON_IDEMPOTENT: ${DUPLICATE_RISK}`,
        'move the retries onto the methods declared IDEMPOTENT or NO_SIDE_EFFECTS (methods[i].retries), or retry only on connect-failure/refused-stream/reset-before-request; set dangerouslyAllowRetriesOnNonIdempotentMethods: true only if duplicates are acceptable');
    }
    serviceRetries = renderRetries(check, 'retries', props.retries);
  }

  const seen = new Map<string, number>();
  const routes = methods.map((method, i) => {
    const route = resolveMethodRoute(check, `methods[${i}]`, method, props, { serviceTimeout, serviceRetries, dangerous });
    const earlier = seen.get(route.methodPath!);
    if (earlier !== undefined) {
      check.fail(`methods[${i}]`, route.methodPath, `declares the same method as methods[${earlier}]`, 'declare each method once');
    }
    seen.set(route.methodPath!, i);
    return route;
  });

  routes.push({
    name: DEFAULT_ROUTE_NAME,
    idempotency: Idempotency.UNKNOWN,
    streaming: StreamingKind.UNARY,
    ...(serviceTimeout ? { timeout: serviceTimeout } : {}),
    retries: serviceRetries,
    allowedPrincipals: [],
    allowedNamespaces: [],
  });
  return routes;
}

interface ServiceDefaults {
  readonly serviceTimeout?: string;
  readonly serviceRetries: RenderedRetries;
  readonly dangerous: boolean;
}

function resolveMethodRoute(
  check: PropChecker, field: string, method: GrpcMethodProps, props: GrpcMeshServiceProps, defaults: ServiceDefaults,
): RouteModel {
  if (typeof method.name !== 'string' || !PROTO_METHOD.test(method.name)) {
    check.fail(`${field}.name`, method.name, 'is not a proto method name', 'use the method name as written in the .proto, e.g. "GetUser" (no slashes or package)');
  }
  const service = method.service ?? props.protoService;
  if (service === undefined) {
    check.fail(`${field}.service`, undefined, `method ${method.name} has no proto service, so its route path /package.Service/${method.name} cannot be built`, 'set protoService on the mesh service (e.g. "users.v1.UserService") or service on the method');
  }
  if (!PROTO_SERVICE.test(service)) {
    check.fail(method.service !== undefined ? `${field}.service` : 'protoService', service, 'is not a fully-qualified proto service name', 'write it as package.Service, e.g. "users.v1.UserService"');
  }
  const idempotency = method.idempotency ?? Idempotency.UNKNOWN;
  const streaming = method.streaming ?? StreamingKind.UNARY;
  const isStream = streaming !== StreamingKind.UNARY;

  let retries: RenderedRetries;
  if (method.retries) {
    if (isStream && method.retries.perTryTimeout) {
      check.fail(`${field}.retries.perTryTimeout`, method.retries.perTryTimeout.toIstio(), `${method.name} is a ${streaming.toLowerCase()}-streaming method, and a per-try timeout would cut every stream that lives longer`, 'remove perTryTimeout for streaming methods');
    }
    if (canDuplicate(method.retries) && !isRetrySafe(idempotency) && !defaults.dangerous) {
      check.fail(`${field}.retries`, method.retries.retryOn ?? 'default conditions',
        `method ${method.name} is ${idempotency === Idempotency.UNKNOWN ? 'not declared idempotent' : 'declared NON_IDEMPOTENT'}, and ${DUPLICATE_RISK}`,
        `declare ${field}.idempotency as Idempotency.IDEMPOTENT or NO_SIDE_EFFECTS if repeating the call is harmless; otherwise retry only on connect-failure/refused-stream/reset-before-request, or set dangerouslyAllowRetriesOnNonIdempotentMethods: true if duplicates are acceptable`);
    }
    retries = renderRetries(check, `${field}.retries`, method.retries);
  } else if (isRetrySafe(idempotency) && !isStream) {
    retries = defaults.serviceRetries;
  } else {
    retries = PRE_REQUEST_ONLY_RETRIES;
  }

  let timeout: string | undefined;
  if (method.timeout) timeout = renderDuration(check.construct, `${field}.timeout`, method.timeout);
  else if (!isStream) timeout = defaults.serviceTimeout;

  return {
    name: `${service}/${method.name}`,
    methodPath: `/${service}/${method.name}`,
    idempotency,
    streaming,
    ...(timeout ? { timeout } : {}),
    retries,
    allowedPrincipals: [...listProp(check, `${field}.allowedPrincipals`, method.allowedPrincipals, '["cluster.local/ns/web/sa/frontend"]')],
    allowedNamespaces: [...listProp(check, `${field}.allowedNamespaces`, method.allowedNamespaces, '["shop"]')],
  };
}

/** A retry policy is an object whose condition and code fields are lists. */
function checkRetryShape(check: PropChecker, field: string, policy: unknown): void {
  const retries = objectProp(check, field, policy as Record<string, unknown> | undefined, '{ attempts: 2, retryOn: [RetryOn.UNAVAILABLE] }');
  if (!retries) return;
  if (retries.retryOn !== undefined && !Array.isArray(retries.retryOn)) {
    check.fail(`${field}.retryOn`, retries.retryOn, 'must be a list of conditions, not one comma-separated string', `write e.g. retryOn: [RetryOn.UNAVAILABLE]${typeof retries.retryOn === 'string' ? ` (${retries.retryOn.split(',').map((c) => JSON.stringify(c.trim())).join(', ')} as a list)` : ''}`);
  }
  if (retries.retryOnHttpStatusCodes !== undefined && !Array.isArray(retries.retryOnHttpStatusCodes)) {
    check.fail(`${field}.retryOnHttpStatusCodes`, retries.retryOnHttpStatusCodes, 'must be a list of HTTP status codes', 'write e.g. retryOnHttpStatusCodes: [503]');
  }
}
