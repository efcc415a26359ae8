import {
  attributeProblem, emptyValueProblem, ipsProblem, pathTemplatesProblem, portsProblem, serviceAccountsProblem, trustDomainsProblem,
} from './authorization-values';
import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';
import { checkPolicyTargets } from './policy-target';
import { checkWorkloadSelector } from './workload-selector';

const SOURCE_FIELDS = ['principals', 'requestPrincipals', 'namespaces', 'ipBlocks', 'remoteIpBlocks', 'serviceAccounts', 'trustDomains'];
const ALL_SOURCE_FIELDS = SOURCE_FIELDS.flatMap((f) => [f, `not${f[0].toUpperCase()}${f.slice(1)}`]);
const OPERATION_FIELDS = ['ports', 'methods', 'paths', 'hosts'].flatMap((f) => [f, `not${f[0].toUpperCase()}${f.slice(1)}`]);
/** Identity fields and conditions the CUSTOM action (an external authorizer) cannot use. */
const CUSTOM_UNSUPPORTED_SOURCE = ['namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts', 'trustDomains', 'notTrustDomains', 'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals'];
const CUSTOM_UNSUPPORTED_KEYS = ['source.namespace', 'source.serviceAccount', 'source.trustDomain', 'source.principal'];
/** Source fields that only an L4 (TCP) attribute can match, which keeps a DENY rule off HTTP-only. */
const TCP_SOURCE_FIELDS = ['principals', 'notPrincipals', 'ipBlocks', 'notIpBlocks', 'namespaces', 'notNamespaces', 'remoteIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts'];

const strings = (v: unknown) => list(v).map(String);
const present = (v: unknown) => v !== undefined && v !== null;
const C = WEBHOOK_CODES.AUTHORIZATION_POLICY;

/** Istio's ValidateAuthorizationPolicy. */
export function checkAuthorizationPolicy(issues: Issues, spec: Record<string, any>): void {
  checkPolicyTargets(issues, spec, C);
  const action = spec.action ?? 'ALLOW';
  const rules = list(spec.rules);
  const hasRules = present(spec.rules) && rules.length > 0;
  if (action === 'CUSTOM') {
    if (!hasRules) issues.error(C, 'spec.rules', 'CUSTOM action without rules is meaningless as it will never be triggered; add an empty rule {} to trigger it for every request');
    else if (typeof obj(spec.provider)?.name !== 'string' || obj(spec.provider)?.name === '') issues.error(C, 'spec.provider.name', 'action CUSTOM needs provider.name (an extension provider from the mesh config)');
    rules.forEach((r, i) => {
      list(obj(r)?.from).forEach((f, j) => {
        const src = obj(obj(f)?.source) ?? {};
        for (const field of CUSTOM_UNSUPPORTED_SOURCE) if (list(src[field]).length) issues.error(C, `spec.rules[${i}].from[${j}].source.${field}`, `${field} is currently not supported with CUSTOM action`);
      });
      list(obj(r)?.when).forEach((w, j) => {
        const key = String(obj(w)?.key ?? '');
        if (CUSTOM_UNSUPPORTED_KEYS.includes(key) || key.startsWith('request.auth.')) issues.error(C, `spec.rules[${i}].when[${j}].key`, `${key} is currently not supported with CUSTOM action`);
      });
    });
  }
  if (present(spec.provider) && action !== 'CUSTOM') issues.error(C, 'spec.provider', `provider is only allowed with action CUSTOM, not ${action}`);
  if (action === 'DENY' && !hasRules) issues.error(C, 'spec.rules', 'a DENY policy without rules never matches; add rules (rules: [{}] matches every request)');
  rules.forEach((raw, i) => checkRule(issues, raw, `spec.rules[${i}]`, action));
}

function checkRule(issues: Issues, raw: unknown, at: string, action: string): void {
  const rule = obj(raw);
  if (!rule) {
    issues.error(C, at, 'rule must not be null');
    return;
  }
  let fromExists = false;
  let toExists = false;
  let tcpInFrom = false;
  let tcpInTo = false;
  if (Array.isArray(rule.from) && rule.from.length === 0) issues.error(C, `${at}.from`, 'from must not be empty; remove it to match any source');
  list(rule.from).forEach((f, j) => {
    const source = obj(obj(f)?.source);
    const path = `${at}.from[${j}].source`;
    if (!source) {
      issues.error(C, path, 'a from entry needs a source');
      return;
    }
    fromExists = true;
    const count = (fields: string[]) => fields.reduce((n, k) => n + list(source[k]).length, 0);
    if (count(['principals', 'notPrincipals', 'namespaces', 'notNamespaces']) > 0 && count(['serviceAccounts', 'notServiceAccounts']) > 0) {
      issues.error(C, path, 'cannot set serviceAccounts with namespaces or principals');
    }
    if (count(ALL_SOURCE_FIELDS) === 0) issues.error(C, path, 'a from entry needs a non-empty source');
    for (const field of ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks']) report(issues, `${path}.${field}`, ipsProblem(strings(source[field])));
    for (const field of ['principals', 'requestPrincipals', 'namespaces', 'ipBlocks', 'remoteIpBlocks', 'notPrincipals', 'notRequestPrincipals', 'notNamespaces', 'notIpBlocks', 'notRemoteIpBlocks']) {
      report(issues, `${path}.${field}`, emptyValueProblem(field, strings(source[field])));
    }
    for (const field of ['serviceAccounts', 'notServiceAccounts']) report(issues, `${path}.${field}`, serviceAccountsProblem(field, strings(source[field])));
    for (const field of ['trustDomains', 'notTrustDomains']) report(issues, `${path}.${field}`, trustDomainsProblem(field, strings(source[field])));
    if (TCP_SOURCE_FIELDS.some((k) => present(source[k]))) tcpInFrom = true;
  });
  if (Array.isArray(rule.to) && rule.to.length === 0) issues.error(C, `${at}.to`, 'to must not be empty; remove it to match any operation');
  list(rule.to).forEach((t, j) => {
    const op = obj(obj(t)?.operation);
    const path = `${at}.to[${j}].operation`;
    if (!op) {
      issues.error(C, path, 'a to entry needs an operation');
      return;
    }
    toExists = true;
    if (OPERATION_FIELDS.every((k) => list(op[k]).length === 0)) issues.error(C, path, 'a to entry needs a non-empty operation');
    for (const field of ['ports', 'notPorts']) report(issues, `${path}.${field}`, portsProblem(strings(op[field])));
    for (const field of OPERATION_FIELDS) report(issues, `${path}.${field}`, emptyValueProblem(field, strings(op[field])));
    for (const field of ['paths', 'notPaths']) report(issues, `${path}.${field}`, pathTemplatesProblem(field, strings(op[field])));
    if (present(op.ports) || present(op.notPorts)) tcpInTo = true;
  });
  list(rule.when).forEach((w, j) => {
    const cond = obj(w);
    const path = `${at}.when[${j}]`;
    const key = typeof cond?.key === 'string' ? cond.key : '';
    if (key === '') {
      issues.error(C, `${path}.key`, 'a condition needs a key');
      return;
    }
    const values = strings(cond?.values);
    const notValues = strings(cond?.notValues);
    if (values.length === 0 && notValues.length === 0) {
      issues.error(C, path, `a condition needs values or notValues (key ${key})`);
      return;
    }
    const problem = attributeProblem(key, values);
    if (problem) issues.error(C, /unknown attribute|bad key/.test(problem) ? `${path}.key` : `${path}.values`, problem.startsWith('unknown attribute') ? `"${key}" is not a condition key Istio knows (e.g. request.headers[x-user], source.ip, request.auth.claims[iss])` : `invalid value for key ${key}: ${problem}`);
    const notProblem = attributeProblem(key, notValues);
    if (notProblem && !problem) issues.error(C, `${path}.notValues`, `invalid notValue for key ${key}: ${notProblem}`);
  });
  if (action === 'DENY' && ((fromExists && !toExists && !tcpInFrom) || (toExists && !tcpInTo))) {
    issues.warn(C, at, 'this DENY rule uses only HTTP attributes, so it denies all traffic to TCP ports under its scope; specify the port explicitly');
  }
}

function report(issues: Issues, path: string, problem: string | undefined): void {
  if (problem) issues.error(C, path, problem);
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
