import { PropChecker } from './checks';
import { drainOutlastsGrace, routeTimeoutCutsStreams } from './connection-lifecycle-rules';
import { Duration, MAX_DURATION_MILLIS, renderDuration } from './duration';
import { LIFECYCLE_DEFAULTS } from './lifecycle-defaults';
import { LifecycleModel, RouteModel } from './mesh-service-model';
import { GrpcMeshServiceProps } from './mesh-service-props';
import { StreamingKind } from './method';
import { objectProp } from './shape-checks';
import { PreStopAction } from './stream-lifecycle';

/**
 * The lifecycle profile: preStop delay, sidecar drain and grace period, checked against each
 * other and against the streaming routes' timeouts.
 */
export function resolveLifecycle(check: PropChecker, props: GrpcMeshServiceProps, routes: readonly RouteModel[]): LifecycleModel | undefined {
  const lc = objectProp(check, 'lifecycle', props.lifecycle, '{ maxStreamDuration: Duration.minutes(10) }');
  if (!lc) return undefined;
  if (!props.workload) {
    check.fail('lifecycle', lc, 'the lifecycle profile configures the pods of the Deployment, and this service creates none', 'add workload, or set the same fields on the Deployment that runs the server');
  }
  const millis = (field: keyof typeof lc, fallback?: number) => {
    const value = lc[field] as Duration | undefined;
    if (value === undefined) return fallback;
    renderDuration(check.construct, `lifecycle.${field}`, value);
    return value.milliseconds;
  };
  const maxStream = millis('maxStreamDuration');
  const action = lc.preStopAction ?? PreStopAction.EXEC_SLEEP;
  if (action === PreStopAction.NONE && lc.preStopDelay !== undefined) {
    check.fail('lifecycle.preStopDelay', lc.preStopDelay.toString(), 'preStopAction is NONE, so no hook would wait for it', 'remove preStopDelay, or use PreStopAction.EXEC_SLEEP');
  }
  const preStop = action === PreStopAction.NONE ? 0 : millis('preStopDelay', LIFECYCLE_DEFAULTS.preStopDelayMillis)!;
  wholeSeconds(check, 'lifecycle.preStopDelay', preStop);
  const drain = millis('drainDuration', maxStream ?? LIFECYCLE_DEFAULTS.drainDurationMillis)!;
  const exitOnZero = lc.exitOnZeroActiveConnections ?? true;
  if (typeof exitOnZero !== 'boolean') check.fail('lifecycle.exitOnZeroActiveConnections', exitOnZero, 'must be true or false', 'leave it out (true) or set false');
  const needed = preStop + drain;
  const grace = millis('terminationGracePeriod', Math.ceil((needed + LIFECYCLE_DEFAULTS.graceMarginMillis) / 1000) * 1000)!;
  wholeSeconds(check, 'lifecycle.terminationGracePeriod', grace);
  // The pod must outlast the preStop delay and the drain together, whatever the proxy's exit mode
  // (lint's IGR3102 checks each alone, which is all hand-written YAML lets it know).
  if (needed >= grace) {
    const late = (preStop >= grace ? drainOutlastsGrace({ grace, preStop, exitOnZeroActiveConnections: true }) : undefined)
      ?? `the preStop delay (${preStop / 1000}s) and the sidecar drain (${Duration.millis(drain).toIstio()}) together do not end within the grace period of ${grace / 1000}s, so the kubelet kills the pod mid-drain`;
    check.fail('lifecycle.terminationGracePeriod', `${grace / 1000}s`, late, `use at least Duration.seconds(${Math.floor(needed / 1000) + 1}), or shorten preStopDelay/drainDuration`);
  }
  if (maxStream !== undefined) checkStreamRoutes(check, routes, maxStream);
  return {
    ...(maxStream !== undefined ? { maxStreamDuration: Duration.millis(maxStream).toIstio() } : {}),
    preStopSeconds: preStop / 1000,
    preStopAction: action,
    drainDuration: Duration.millis(drain).toIstio(),
    exitOnZeroActiveConnections: exitOnZero,
    terminationGracePeriodSeconds: grace / 1000,
  };
}

/** A streaming method route whose timeout ends streams before their declared lifetime. */
function checkStreamRoutes(check: PropChecker, routes: readonly RouteModel[], maxStream: number): void {
  routes.forEach((route, i) => {
    if (route.streaming === StreamingKind.UNARY || route.timeout === undefined) return;
    const cut = routeTimeoutCutsStreams(Duration.parse(route.timeout).milliseconds, maxStream);
    if (cut) check.fail(`methods[${i}].timeout`, route.timeout, cut, `remove the timeout of ${route.name}, or make it at least lifecycle.maxStreamDuration`);
  });
}

function wholeSeconds(check: PropChecker, field: string, value: number): void {
  if (value % 1000 !== 0 || value > MAX_DURATION_MILLIS) {
    check.fail(field, Duration.millis(value).toIstio(), 'Kubernetes counts this in whole seconds', `use Duration.seconds(${Math.ceil(value / 1000)})`);
  }
}
