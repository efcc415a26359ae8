import { WEBHOOK_CODES } from './codes';
import { checkHeaderOperations } from './header-operations';
import { Issues, list, obj } from './issues';
import { isIstioDnsLabel, wildcardDomainProblem } from './istio-hosts';

/**
 * Istio's validateDestination: the host is a domain that may be a wildcard (`*.example.com`),
 * never `*` alone; the subset a DNS label; the port, when given, within 1-65535.
 */
export function checkDestination(issues: Issues, destination: unknown, path: string): void {
  const d = obj(destination);
  if (!d) {
    issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, path, 'destination is required');
    return;
  }
  const host = typeof d.host === 'string' ? d.host : '';
  if (host === '*') {
    issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}.host`, 'invalid destination host *: name the service (a wildcard domain such as *.example.com is allowed)');
  } else {
    const problem = wildcardDomainProblem(host);
    if (problem) issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}.host`, problem);
  }
  if (typeof d.subset === 'string' && d.subset !== '' && !isIstioDnsLabel(d.subset)) {
    issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}.subset`, `subset name is invalid: ${d.subset} (a subset name is a DNS-1123 label)`);
  }
  const port = obj(d.port);
  if (port) {
    const n = typeof port.number === 'number' ? port.number : 0;
    if (!(Number.isInteger(n) && n >= 1 && n <= 65535)) issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}.port.number`, `port number ${n} must be in the range 1..65535`);
  }
}

/**
 * Istio's validateHTTPRouteDestinations / validateRouteDestinations: each destination valid
 * (unchecked for Gateway API routes), no negative weight, several destinations not all weighing 0.
 */
export function checkWeightedDestinations(issues: Issues, routes: unknown, path: string, gatewaySemantics = false): void {
  const entries = list(routes);
  let total = 0;
  entries.forEach((raw, i) => {
    const r = obj(raw);
    if (!r) {
      issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}[${i}]`, 'weight may not be nil');
      return;
    }
    if (!obj(r.destination)) issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}[${i}].destination`, 'destination is required');
    else if (!gatewaySemantics) checkDestination(issues, r.destination, `${path}[${i}].destination`);
    checkHeaderOperations(issues, r.headers, `${path}[${i}].headers`);
    const weight = typeof r.weight === 'number' ? r.weight : 0;
    if (weight < 0) issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}[${i}].weight`, `weight must not be negative (got ${weight})`);
    total += weight;
  });
  if (entries.length > 1 && total === 0) {
    issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, path, 'the destinations\' weights add up to 0, so no traffic could be sent; give the destinations positive weights');
  }
}

/** A percentage field (`{value: number}`) within 0-100. */
export function checkPercentage(issues: Issues, percentage: unknown, path: string): void {
  const value = obj(percentage)?.value;
  if (typeof value === 'number' && (value < 0 || value > 100)) {
    issues.error(WEBHOOK_CODES.PERCENTAGE, `${path}.value`, `percentage ${value} is outside 0-100`);
  }
}
