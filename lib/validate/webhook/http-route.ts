import { WEBHOOK_CODES } from './codes';
import { checkDestination, checkPercentage, checkWeightedDestinations } from './destination';
import { checkDuration } from './durations';
import { Issues, list, obj } from './issues';
import { checkHttpMatches } from './match';
import { checkRetries } from './retries';

/** Where a route sits: whether its VirtualService applies to sidecars, and whether it is a delegate. */
export interface RouteContext {
  readonly appliesToMesh: boolean;
  readonly isDelegate: boolean;
}

/** Istio's rules for one `http` route of a VirtualService. */
export function checkHttpRoute(issues: Issues, route: Record<string, any>, path: string, ctx: RouteContext): void {
  const actions = ['route', 'redirect', 'directResponse', 'delegate'].filter((k) => route[k] !== undefined && route[k] !== null && !(Array.isArray(route[k]) && route[k].length === 0));
  if (route.delegate !== undefined) {
    if (ctx.isDelegate) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.delegate`, 'a delegate VirtualService cannot delegate again; only root VirtualServices may delegate');
    if (actions.length > 1) {
      issues.error(WEBHOOK_CODES.HTTP_ROUTE, path, `a rule with delegate must not also set ${actions.filter((a) => a !== 'delegate').join(' or ')}; the delegate VirtualService decides where traffic goes`);
    }
    const d = obj(route.delegate);
    if (!d || typeof d.name !== 'string' || d.name === '') issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.delegate.name`, 'delegate needs the name of the VirtualService to delegate to');
  } else if (actions.length === 0) {
    issues.error(WEBHOOK_CODES.HTTP_ROUTE, path, 'an HTTP rule needs a route, a redirect or a directResponse');
  } else if (actions.length > 1) {
    issues.error(WEBHOOK_CODES.HTTP_ROUTE, path, `an HTTP rule cannot have both ${actions.join(' and ')}; keep one`);
  }
  checkHttpMatches(issues, route.match, `${path}.match`, ctx.appliesToMesh);
  if (route.route !== undefined) checkWeightedDestinations(issues, route.route, `${path}.route`);
  checkRetries(issues, route.retries, `${path}.retries`);
  checkDuration(issues, route.timeout, `${path}.timeout`);
  if (route.mirror !== undefined) checkDestination(issues, route.mirror, `${path}.mirror`);
  checkPercentage(issues, route.mirrorPercentage, `${path}.mirrorPercentage`);
  list(route.mirrors).forEach((m, i) => {
    checkDestination(issues, obj(m)?.destination, `${path}.mirrors[${i}].destination`);
    checkPercentage(issues, obj(m)?.percentage, `${path}.mirrors[${i}].percentage`);
  });
  const fault = obj(route.fault);
  if (fault) {
    checkPercentage(issues, obj(fault.delay)?.percentage, `${path}.fault.delay.percentage`);
    checkDuration(issues, obj(fault.delay)?.fixedDelay, `${path}.fault.delay.fixedDelay`);
    checkPercentage(issues, obj(fault.abort)?.percentage, `${path}.fault.abort.percentage`);
  }
  checkDuration(issues, obj(route.corsPolicy)?.maxAge, `${path}.corsPolicy.maxAge`);
}
