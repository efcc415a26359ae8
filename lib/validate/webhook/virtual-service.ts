import { WEBHOOK_CODES } from './codes';
import { checkWeightedDestinations } from './destination';
import { checkHttpRoute } from './http-route';
import { Issues, list, obj } from './issues';
import { gatewayRefProblem, hostsOverlap, wildcardDomainProblem } from '../../core/hosts';

/** Istio's admission rules for a VirtualService. */
export function checkVirtualService(issues: Issues, spec: Record<string, any>): void {
  const hosts = list(spec.hosts).filter((h): h is string => typeof h === 'string');
  const gateways = list(spec.gateways).filter((g): g is string => typeof g === 'string');
  const isDelegate = hosts.length === 0;
  const appliesToMesh = gateways.length === 0 || gateways.includes('mesh');

  if (isDelegate && gateways.length > 0) {
    issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, 'spec.gateways', 'a delegate VirtualService (one without hosts) must not list gateways; the root VirtualService binds them');
  }
  hosts.forEach((host, i) => {
    const path = `spec.hosts[${i}]`;
    if (host === '*' && appliesToMesh) {
      issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, path, 'host "*" is not allowed for a VirtualService that applies to the mesh (sidecars); name the hosts, or bind it only to gateways');
      return;
    }
    const problem = wildcardDomainProblem(host);
    if (problem) issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, path, problem);
    for (let j = 0; j < i; j++) {
      if (hostsOverlap(hosts[j], host)) {
        issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, path, `host "${host}" overlaps host "${hosts[j]}" of the same VirtualService; list each host once (a wildcard covers the hosts under it)`);
        break;
      }
    }
  });
  gateways.forEach((gateway, i) => {
    const problem = gatewayRefProblem(gateway);
    if (problem) issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, `spec.gateways[${i}]`, problem);
  });
  const http = list(spec.http);
  if (http.length === 0 && list(spec.tcp).length === 0 && list(spec.tls).length === 0) {
    issues.error(WEBHOOK_CODES.HTTP_ROUTE, 'spec', 'a VirtualService needs at least one http, tcp or tls rule');
  }
  http.forEach((route, i) => {
    const r = obj(route);
    if (r) checkHttpRoute(issues, r, `spec.http[${i}]`, { appliesToMesh, isDelegate });
  });
  for (const kind of ['tcp', 'tls'] as const) {
    list(spec[kind]).forEach((route, i) => {
      const r = obj(route);
      if (!r) return;
      if (list(r.route).length === 0) issues.error(WEBHOOK_CODES.HTTP_ROUTE, `spec.${kind}[${i}].route`, `a ${kind} rule needs at least one route destination`);
      checkWeightedDestinations(issues, r.route, `spec.${kind}[${i}].route`);
      if (kind === 'tls' && list(r.match).length === 0) issues.error(WEBHOOK_CODES.ROUTE_MATCH, `spec.tls[${i}].match`, 'a tls rule needs at least one match (sniHosts)');
    });
  }
}
