import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';
import { checkWorkloadSelector } from './workload-selector';
import { KubeObject } from '../../core/kube-object';

const BOOLEAN_TEXT = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
const WHEN_KEYS = new Set([
  'source.ip', 'remote.ip', 'source.namespace', 'source.principal', 'source.serviceAccount', 'source.trustDomain', 'request.auth.principal',
  'request.auth.audiences', 'request.auth.presenter', 'destination.ip', 'destination.port', 'connection.sni',
]);
const WHEN_KEY_PREFIXES = ['request.headers[', 'request.auth.claims[', 'experimental.envoy.filters.'];

/** Istio's admission rules for an AuthorizationPolicy. */
export function checkAuthorizationPolicy(issues: Issues, object: KubeObject, spec: Record<string, any>): void {
  const dryRun = (object.metadata.annotations as Record<string, unknown> | undefined)?.['istio.io/dry-run'];
  if (dryRun !== undefined && !BOOLEAN_TEXT.has(String(dryRun))) {
    issues.error(WEBHOOK_CODES.AUTHORIZATION_POLICY, 'metadata.annotations["istio.io/dry-run"]', `"${String(dryRun)}" is not a boolean; use "true" or "false"`);
  }
  const action = spec.action ?? 'ALLOW';
  const provider = obj(spec.provider);
  if (action === 'CUSTOM') {
    if (!provider || typeof provider.name !== 'string' || provider.name === '') issues.error(WEBHOOK_CODES.AUTHORIZATION_POLICY, 'spec.provider.name', 'action CUSTOM needs provider.name (an extension provider from the mesh config)');
  } else if (provider) {
    issues.error(WEBHOOK_CODES.AUTHORIZATION_POLICY, 'spec.provider', `provider is only allowed with action CUSTOM, not ${action}`);
  }
  const rules = list(spec.rules);
  if ((action === 'DENY' || action === 'AUDIT') && rules.length === 0) {
    issues.error(WEBHOOK_CODES.AUTHORIZATION_POLICY, 'spec.rules', `a ${action} policy without rules never matches; add rules (rules: [{}] matches every request)`);
  }
  rules.forEach((raw, i) => {
    const rule = obj(raw);
    const at = `spec.rules[${i}]`;
    if (!rule) return;
    list(rule.from).forEach((f, j) => {
      const source = obj(obj(f)?.source);
      if (!source || Object.keys(source).length === 0) issues.error(WEBHOOK_CODES.AUTHORIZATION_POLICY, `${at}.from[${j}].source`, 'a from entry needs a non-empty source');
      else emptyValues(issues, source, `${at}.from[${j}].source`);
    });
    list(rule.to).forEach((t, j) => {
      const operation = obj(obj(t)?.operation);
      if (!operation || Object.keys(operation).length === 0) issues.error(WEBHOOK_CODES.AUTHORIZATION_POLICY, `${at}.to[${j}].operation`, 'a to entry needs a non-empty operation');
      else emptyValues(issues, operation, `${at}.to[${j}].operation`);
    });
    list(rule.when).forEach((w, j) => {
      const cond = obj(w);
      const key = typeof cond?.key === 'string' ? cond.key : '';
      if (!WHEN_KEYS.has(key) && !WHEN_KEY_PREFIXES.some((p) => key.startsWith(p))) {
        issues.error(WEBHOOK_CODES.AUTHORIZATION_POLICY, `${at}.when[${j}].key`, `"${key}" is not a condition key Istio knows (e.g. request.headers[x-user], source.ip, request.auth.claims[iss])`);
      }
      if (list(cond?.values).length === 0 && list(cond?.notValues).length === 0) {
        issues.error(WEBHOOK_CODES.AUTHORIZATION_POLICY, `${at}.when[${j}]`, 'a condition needs values or notValues');
      }
    });
  });
}

function emptyValues(issues: Issues, fields: Record<string, any>, path: string): void {
  for (const [name, values] of Object.entries(fields)) {
    list(values).forEach((v, k) => {
      if (v === '') issues.error(WEBHOOK_CODES.AUTHORIZATION_POLICY, `${path}.${name}[${k}]`, 'empty values match nothing; remove them');
    });
  }
}

/** Istio's ValidatePeerAuthentication beyond the CRD rules (which cover ports and port-level mTLS). */
export function checkPeerAuthentication(issues: Issues, spec: Record<string, any>): void {
  const selector = obj(spec.selector);
  const empty = !selector || Object.keys(obj(selector.matchLabels) ?? {}).length === 0;
  const ports = obj(spec.portLevelMtls);
  if (empty && ports && Object.keys(ports).length > 0) issues.error(WEBHOOK_CODES.PEER_AUTHENTICATION, 'spec.portLevelMtls', 'mesh/namespace peer authentication cannot have port level mTLS');
  if (ports && Object.keys(ports).length === 0) issues.error(WEBHOOK_CODES.PEER_AUTHENTICATION, 'spec.portLevelMtls', 'port level mTLS, if defined, must have at least one element');
  for (const port of Object.keys(ports ?? {})) {
    const n = Number(port);
    if (!(Number.isInteger(n) && n > 0 && n <= 65535)) issues.error(WEBHOOK_CODES.PEER_AUTHENTICATION, `spec.portLevelMtls.${port}`, 'port must be in range 1..65535');
  }
  checkWorkloadSelector(issues, spec.selector, 'spec.selector');
}
