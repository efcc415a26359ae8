import { WEBHOOK_CODES } from './codes';
import { Issues } from './issues';
import { fqdnProblem, isIstioDnsLabel } from './istio-hosts';

/**
 * Istio's validateGatewayNames: `<namespace>/<name>` with both DNS labels, or a bare name that
 * must be an FQDN (a dotted `name.namespace` is the legacy form and gets a warning). Like Istio,
 * the check stops at the first bare name.
 */
export function checkGatewayNames(issues: Issues, gateways: readonly string[], path: string, gatewaySemantics: boolean): void {
  for (let i = 0; i < gateways.length; i++) {
    const name = gateways[i];
    const at = `${path}[${i}]`;
    const slash = name.indexOf('/');
    if (slash < 0) {
      if (name.includes('.')) {
        const [first, second] = name.split('.');
        issues.warn(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, at, `using legacy gatewayName format "${name}"; prefer the <namespace>/<name> format: "${second}/${first}"`);
      }
      const problem = fqdnProblem(name);
      if (problem) issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, at, `gateway ${problem}`);
      return;
    }
    const ns = name.slice(0, slash);
    const gw = name.slice(slash + 1);
    if (ns === '' || gw === '') issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, at, 'config namespace and gateway name cannot be empty');
    if (!isIstioDnsLabel(ns)) issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, at, `invalid value for namespace: "${ns}"`);
    if (!isIstioDnsLabel(gw) && !gatewaySemantics) issues.error(WEBHOOK_CODES.VIRTUAL_SERVICE_HOSTS, at, `invalid value for gateway name: "${gw}" (a gateway name is a DNS-1123 label: letters, digits and '-')`);
  }
}
