import { WEBHOOK_CODES } from './codes';
import { checkGatewayNames } from './gateway-names';
import { Issues, list, obj } from './issues';
import { gatewayBoundHostProblem, isIpAddress, wildcardDomainProblem } from './istio-hosts';
import { hostCovers, labelProblem } from '../../core/hosts';

/** Istio's ValidateIPSubnet: CIDR notation (`10.0.0.0/8`, `2001:db8::/32`) or a plain address. */
export function ipSubnetProblem(subnet: string): string | undefined {
  if (subnet.split('/').length === 2) {
    const [address, bits] = subnet.split('/');
    const max = isIpAddress(address) ? (address.includes(':') ? 128 : 32) : -1;
    if (max < 0 || !/^(0|[1-9]\d{0,2})$/.test(bits) || Number(bits) > max) return `${subnet} is not a valid CIDR block`;
    return undefined;
  }
  return isIpAddress(subnet) ? undefined : `${subnet} is not a valid IP address`;
}

/** The match fields TCP and TLS routes share: subnets, port, source labels, gateways. */
function checkL4Fields(issues: Issues, m: Record<string, any>, path: string): void {
  list(m.destinationSubnets).forEach((s, i) => {
    const problem = ipSubnetProblem(String(s));
    if (problem) issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.destinationSubnets[${i}]`, problem);
  });
  if (typeof m.port === 'number' && m.port !== 0 && !(m.port >= 1 && m.port <= 65535)) {
    issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.port`, `port number ${m.port} must be in the range 1..65535`);
  }
  for (const [key, value] of Object.entries(obj(m.sourceLabels) ?? {})) {
    const problem = labelProblem(key, value);
    if (problem) issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.sourceLabels.${key}`, problem);
  }
  const gateways = list(m.gateways).filter((g): g is string => typeof g === 'string');
  if (gateways.length) checkGatewayNames(issues, gateways, `${path}.gateways`, false);
}

/** Istio's validateTCPMatch. */
export function checkL4Match(issues: Issues, match: unknown, path: string): void {
  const m = obj(match);
  if (!m) {
    issues.error(WEBHOOK_CODES.ROUTE_MATCH, path, 'tcp match may not be null');
    return;
  }
  checkL4Fields(issues, m, path);
}

/** Istio's validateTLSMatch and validateSniHost: SNI hosts must fall under the VirtualService hosts. */
export function checkTlsMatch(issues: Issues, match: unknown, path: string, ctx: { hosts: readonly string[]; appliesToGateway: boolean }): void {
  const m = obj(match);
  if (!m) {
    issues.error(WEBHOOK_CODES.ROUTE_MATCH, path, 'TLS match may not be null');
    return;
  }
  const sniHosts = list(m.sniHosts);
  if (sniHosts.length === 0) issues.error(WEBHOOK_CODES.ROUTE_MATCH, `${path}.sniHosts`, 'TLS match must have at least one SNI host');
  sniHosts.forEach((raw, i) => {
    const sni = String(raw);
    const at = `${path}.sniHosts[${i}]`;
    const problem = ctx.appliesToGateway ? gatewayBoundHostProblem(sni, true) : wildcardDomainProblem(sni);
    if (problem) {
      if (isIpAddress(sni)) issues.warn(WEBHOOK_CODES.ROUTE_MATCH, at, `using an IP address ("${sni}") goes against SNI spec and most clients do not support this`);
      else issues.error(WEBHOOK_CODES.ROUTE_MATCH, at, problem);
      return;
    }
    if (!ctx.hosts.some((h) => hostCovers(h, sni))) {
      issues.error(WEBHOOK_CODES.ROUTE_MATCH, at, `SNI host "${sni}" is not a compatible subset of any of the virtual service hosts: [${ctx.hosts.join(', ')}]`);
    }
  });
  checkL4Fields(issues, m, path);
}
