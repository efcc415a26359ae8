import { WEBHOOK_CODES } from './codes';
import { checkWeightedDestinations } from './destination';
import { checkExportTo } from './export-to';
import { checkGatewayNames } from './gateway-names';
import { checkHttpRoute } from './http-route';
import { Issues, list, obj } from './issues';
import { gatewayBoundHostProblem, isIpAddress, wildcardDomainProblem } from './istio-hosts';
import { checkL4Match, checkTlsMatch } from './l4-match';
import { hostsOverlap } from '../../core/hosts';

/** The annotation Istio sets on VirtualServices it generates from Gateway API routes. */
const ROUTE_SEMANTICS_ANNOTATION = 'internal.istio.io/route-semantics';

/** Istio's admission rules for a VirtualService (ValidateVirtualService). */
export function checkVirtualService(issues: Issues, spec: Record<string, any>, annotations: Record<string, unknown> = {}, namespace = 'default'): void {
  const hosts = list(spec.hosts).filter((h): h is string => typeof h === 'string');
  const gateways = list(spec.gateways).filter((g): g is string => typeof g === 'string');
  const isDelegate = hosts.length === 0;
  const gatewaySemantics = annotations[ROUTE_SEMANTICS_ANNOTATION] === 'gateway';
  // Bound to gateways only when gateways are listed and `mesh` is not among them.
  const appliesToGateway = gateways.length > 0 && !gateways.includes('mesh');
  const appliesToMesh = !appliesToGateway;

  if (isDelegate) {
    if (gateways.length > 0) issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, 'spec.gateways', 'a delegate VirtualService (one without hosts) must not list gateways; the root VirtualService binds them');
    if (list(spec.tls).length > 0) issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, 'spec.tls', 'a delegate VirtualService must have no tls routes (TLS delegation is not supported)');
    if (list(spec.tcp).length > 0) issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, 'spec.tcp', 'a delegate VirtualService must have no tcp routes (TCP delegation is not supported)');
  }
  if (gateways.length > 0) checkGatewayNames(issues, gateways, 'spec.gateways', gatewaySemantics);

  const sni = list(spec.tls).some((t) => list(obj(t)?.match).some((m) => list(obj(m)?.sniHosts).length > 0));
  let allHostsValid = true;
  hosts.forEach((host, i) => {
    const path = `spec.hosts[${i}]`;
    const problem = appliesToGateway ? gatewayBoundHostProblem(host, sni) : wildcardDomainProblem(host);
    if (problem) {
      if (!isIpAddress(host)) {
        issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, path, problem);
        allHostsValid = false;
      }
    } else if (appliesToMesh && host === '*') {
      issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, path, 'host "*" is not allowed for a VirtualService that applies to the mesh (sidecars); name the hosts, or bind it only to gateways');
      allHostsValid = false;
    }
  });
  // Duplicates, wildcard ones included (*.foo.com and *.com), once every host is valid.
  if (allHostsValid) {
    hosts.forEach((host, i) => {
      for (let j = 0; j < i; j++) {
        if (hostsOverlap(hosts[j], host)) {
          issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, `spec.hosts[${i}]`, `host "${host}" overlaps host "${hosts[j]}" of the same VirtualService; list each host once (a wildcard covers the hosts under it)`);
          break;
        }
      }
    });
  }

  const http = list(spec.http);
  if (http.length === 0 && list(spec.tcp).length === 0 && list(spec.tls).length === 0) {
    issues.error(WEBHOOK_CODES.HTTP_ROUTE, 'spec', 'a VirtualService needs at least one http, tcp or tls rule');
  }
  http.forEach((route, i) => {
    const r = obj(route);
    if (!r) {
      issues.error(WEBHOOK_CODES.HTTP_ROUTE, `spec.http[${i}]`, 'http route may not be null');
      return;
    }
    checkHttpRoute(issues, r, `spec.http[${i}]`, { appliesToMesh, isDelegate, gatewaySemantics });
  });
  list(spec.tls).forEach((route, i) => {
    const r = obj(route);
    const at = `spec.tls[${i}]`;
    if (!r) return;
    const matches = list(r.match);
    if (matches.length === 0) issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${at}.match`, 'a tls rule needs at least one match (sniHosts)');
    matches.forEach((m, j) => checkTlsMatch(issues, m, `${at}.match[${j}]`, { hosts, appliesToGateway }));
    if (list(r.route).length === 0) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${at}.route`, 'a tls rule needs at least one route destination');
    checkWeightedDestinations(issues, r.route, `${at}.route`, gatewaySemantics);
  });
  list(spec.tcp).forEach((route, i) => {
    const r = obj(route);
    const at = `spec.tcp[${i}]`;
    if (!r) return;
    list(r.match).forEach((m, j) => checkL4Match(issues, m, `${at}.match[${j}]`));
    if (list(r.route).length === 0) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${at}.route`, 'a tcp rule needs at least one route destination');
    checkWeightedDestinations(issues, r.route, `${at}.route`, gatewaySemantics);
  });
  checkExportTo(issues, spec.exportTo, namespace);
}
