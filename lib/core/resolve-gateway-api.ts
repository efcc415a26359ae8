import { PropChecker } from './checks';
import { MeshMode, RoutingApi } from './mesh-mode';
import { RouteModel } from './mesh-service-model';
import { GrpcMeshServiceProps } from './mesh-service-props';
import { Idempotency } from './method';
import { PROP_WARNING_CODES, PropWarning } from './prop-warnings';
import { MirrorModel } from './resolve-mirrors';

/** GRPCRoute `spec.rules` holds at most 16 rules (standard channel v1.6.1 CRD). */
export const GRPC_ROUTE_MAX_RULES = 16;

/** Istio's retry policy for a route that sets none (pilot/pkg/networking/core/route/retry/retry.go). */
export const ISTIO_DEFAULT_RETRY_POLICY = 'attempts 2, retryOn connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes';

const USE_ISTIO = `set routingApi: RoutingApi.${RoutingApi.ISTIO} for this service (a VirtualService carries it)`;

/**
 * Refuses what Gateway API cannot carry. GRPCRoute (standard channel) has no timeout, retry or
 * fault field, and Istio fills a route without a retry policy with meshConfig.defaultHttpRetryPolicy,
 * else its built-in default, which retries `unavailable` and `cancelled`: a call the server may
 * already have run. So a method not declared safe to repeat is only accepted once the user states
 * that default is off in the mesh (`meshDefaultRetriesDisabled`) or that duplicates are acceptable.
 */
export function checkGatewayApiProps(
  check: PropChecker, props: GrpcMeshServiceProps, mode: MeshMode, namespace: string, routes: readonly RouteModel[], mirrors: readonly MirrorModel[],
): PropWarning[] {
  if (props.meshDefaultRetriesDisabled !== undefined && typeof props.meshDefaultRetriesDisabled !== 'boolean') {
    check.fail('meshDefaultRetriesDisabled', props.meshDefaultRetriesDisabled, 'must be true or false', 'set meshDefaultRetriesDisabled: true only if meshConfig.defaultHttpRetryPolicy is { attempts: 0 }');
  }
  if (mode.routingApi !== RoutingApi.GATEWAY_API) {
    if (props.meshDefaultRetriesDisabled !== undefined) {
      check.fail('meshDefaultRetriesDisabled', props.meshDefaultRetriesDisabled, 'only matters with routingApi GATEWAY_API: on ISTIO every route carries its own explicit retry policy', 'remove meshDefaultRetriesDisabled, or set routingApi: RoutingApi.GATEWAY_API');
    }
    return [];
  }
  const notExpressible = (field: string, value: unknown, what: string) =>
    check.fail(field, value, `GRPCRoute (Gateway API standard channel) has no ${what} field, so routingApi GATEWAY_API cannot apply it`, USE_ISTIO);
  if (props.timeout !== undefined) notExpressible('timeout', props.timeout, 'timeout');
  if (props.retries !== undefined) notExpressible('retries', props.retries, 'retry');
  if (props.fault !== undefined) notExpressible('fault', props.fault, 'fault injection');
  (props.methods ?? []).forEach((m, i) => {
    if (m.timeout !== undefined) notExpressible(`methods[${i}].timeout`, m.timeout, 'timeout');
    if (m.retries !== undefined) notExpressible(`methods[${i}].retries`, m.retries, 'retry');
  });
  mirrors.forEach((m, i) => {
    if (m.destination.subset !== undefined) {
      check.fail(`mirrors[${i}].subset`, m.destination.subset, 'Gateway API has no subsets: a RequestMirror filter names a Service', 'mirror to the canary with GrpcCanary mirrorPercent (it mirrors to the per-subset Service), or to another Service; or use routingApi: RoutingApi.ISTIO');
    }
    if (!/\.svc\.cluster\.local$/.test(m.destination.host) || m.destination.host.split('.').length !== 5) {
      check.fail(`mirrors[${i}].host`, m.destination.host, 'a GRPCRoute RequestMirror filter names a Kubernetes Service, not a host name', 'mirror to a Service ("<name>" or "<name>.<namespace>.svc.cluster.local"), or use routingApi: RoutingApi.ISTIO (a ServiceEntry host)');
    }
    if (m.destination.host.split('.')[1] !== namespace) {
      check.fail(`mirrors[${i}].host`, m.destination.host, `a GRPCRoute in namespace ${namespace} may only mirror to a Service in another namespace through a ReferenceGrant there, which this service does not own`, 'mirror to a Service in the same namespace, or use routingApi: RoutingApi.ISTIO');
    }
    if (m.destination.port === undefined) {
      check.fail(`mirrors[${i}].port`, undefined, 'a RequestMirror backendRef to a Service needs its port', 'set mirrors[i].port to the Service port');
    }
  });
  const accepted = props.meshDefaultRetriesDisabled === true || props.dangerouslyAllowRetriesOnNonIdempotentMethods === true;
  const unsafe = routes.findIndex((r) => r.methodPath && r.idempotency !== Idempotency.IDEMPOTENT && r.idempotency !== Idempotency.NO_SIDE_EFFECTS);
  if (unsafe >= 0 && !accepted) {
    const route = routes[unsafe];
    check.fail(`methods[${unsafe}].idempotency`, route.idempotency,
      `on routingApi GATEWAY_API the route of ${route.methodPath} carries no retry policy, so Istio applies meshConfig.defaultHttpRetryPolicy or its built-in default (${ISTIO_DEFAULT_RETRY_POLICY}), which can run the call twice`,
      `set meshDefaultRetriesDisabled: true once meshConfig.defaultHttpRetryPolicy is { attempts: 0 } in this mesh; or declare the method IDEMPOTENT/NO_SIDE_EFFECTS if repeating it is harmless; or ${USE_ISTIO}`);
  }
  checkRuleCount(check, 'methods', routes.length, 0);
  if (accepted) return [];
  return [{
    code: PROP_WARNING_CODES.GATEWAY_API_MESH_DEFAULT_RETRIES.code,
    field: 'routingApi',
    message: `the GRPCRoute's service-wide rule carries no retry policy, so calls of methods not declared in methods get meshConfig.defaultHttpRetryPolicy or Istio's default (${ISTIO_DEFAULT_RETRY_POLICY}); declare every method, or set meshDefaultRetriesDisabled: true once the mesh default is { attempts: 0 }`,
  }];
}

/** GRPCRoute rules: one per route, and again per header route. Refuses more than the CRD allows. */
export function checkRuleCount(check: PropChecker, field: string, routeCount: number, headerRouteCount: number): void {
  const rules = routeCount * (1 + headerRouteCount);
  if (rules > GRPC_ROUTE_MAX_RULES) {
    check.fail(field, `${rules} rules`, `the GRPCRoute would need ${rules} rules (${routeCount} routes x ${1 + headerRouteCount}), and Gateway API allows at most ${GRPC_ROUTE_MAX_RULES}`, `declare fewer methods or header routes (methods without their own policy can stay on the service-wide rule), or ${USE_ISTIO}`);
  }
}
