import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';
import { wildcardDomainProblem } from '../../core/hosts';

/** A route destination: host, optional subset and port. */
export function checkDestination(issues: Issues, destination: unknown, path: string): void {
  const d = obj(destination);
  if (!d) {
    issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, path, 'destination is required');
    return;
  }
  if (typeof d.host !== 'string' || d.host === '') {
    issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}.host`, 'destination host is required');
  } else if (d.host.includes('*')) {
    issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}.host`, `destination host "${d.host}" must not be a wildcard`);
  } else {
    const problem = wildcardDomainProblem(d.host);
    if (problem) issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}.host`, problem);
  }
  if (typeof d.subset === 'string' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(d.subset)) {
    issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}.subset`, `subset "${d.subset}" is not a valid subset name (a DNS-1123 label)`);
  }
  const port = obj(d.port)?.number;
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    issues.error(WEBHOOK_CODES.ROUTE_DESTINATION, `${path}.port.number`, `port ${JSON.stringify(port)} is outside 1-65535`);
  }
}

/** Weighted destinations: no negative weight, and several destinations may not all weigh 0. */
export function checkWeightedDestinations(issues: Issues, routes: unknown, path: string): void {
  const entries = list(routes);
  let total = 0;
  entries.forEach((raw, i) => {
    const r = obj(raw);
    if (!r) return;
    checkDestination(issues, r.destination, `${path}[${i}].destination`);
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
