import { isIP } from 'net';
import { memoByString } from '../string-memo';

/**
 * Istio's host-name rules (pkg/config/validation/agent): labels are DNS-1123 labels of either
 * case, the first label of a wildcard domain may be `*`, `*name` or `*-name`, and the last label
 * may not be all digits (that would be an IP address, which some fields take instead).
 */
const DNS1123_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const WILDCARD_LABEL = /^(?:\*|(?:\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;

/** Whether a string is a DNS-1123 label as Istio checks it (upper case allowed). */
export function isIstioDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** Whether a string is an IPv4 or IPv6 address. */
export function isIpAddress(value: string): boolean {
  return isIP(value) !== 0;
}

function preconditionProblem(name: string): string | undefined {
  if (name.length > 255) return `domain name "${name.slice(0, 40)}..." too long (max 255)`;
  if (name.length === 0) return 'empty domain name not allowed';
  return undefined;
}

/** Go's strconv.Atoi accepts an optional sign and digits. */
function isAllNumeric(label: string): boolean {
  return /^[+-]?\d+$/.test(label);
}

function labelsProblem(domain: string): string | undefined {
  const parts = domain.split('.');
  const top = parts[parts.length - 1];
  if (isAllNumeric(top)) return `domain name "${domain}" invalid (top level domain "${top}" cannot be all-numeric)`;
  for (let i = 0; i < parts.length; i++) {
    // A trailing dot (`istio.io.`) is unambiguous and allowed.
    if (i === parts.length - 1 && parts[i] === '') return undefined;
    if (!isIstioDnsLabel(parts[i])) return `domain name "${domain}" invalid (label "${parts[i]}" invalid)`;
  }
  return undefined;
}

/** Istio's ValidateFQDN. */
export function fqdnProblem(fqdn: string): string | undefined {
  return fqdnProblemOf(fqdn);
}

const fqdnProblemOf = memoByString((fqdn) => preconditionProblem(fqdn) ?? labelsProblem(fqdn));

/** Istio's ValidateWildcardDomain: a domain whose first label may be a wildcard. */
export function wildcardDomainProblem(domain: string): string | undefined {
  return wildcardDomainProblemOf(domain);
}

const wildcardDomainProblemOf = memoByString(checkWildcardDomain);

function checkWildcardDomain(domain: string): string | undefined {
  const pre = preconditionProblem(domain);
  if (pre) return pre;
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (first.length > 63 || !WILDCARD_LABEL.test(first)) return `domain name "${domain}" invalid (label "${first}" invalid)`;
  return dot < 0 ? undefined : labelsProblem(domain.slice(dot + 1));
}

/**
 * Hosts of a VirtualService bound to gateways: wildcard domains, plus the SNI names Envoy
 * generates for AUTO_PASSTHROUGH (`outbound_.80_._.host`) when the VirtualService has TLS routes.
 */
export function gatewayBoundHostProblem(domain: string, sni: boolean): string | undefined {
  const pre = preconditionProblem(domain);
  if (pre) return pre;
  if (sni && domain.startsWith('outbound_')) {
    const parts = domain.split('_');
    if (parts.length < 4) return `domain name ${domain} invalid, should follow 'outbound_.<PORT>_._.<HOSTNAME>' format`;
    const port = parts[1].replace(/^\.+|\.+$/g, '');
    const hostname = parts[3].replace(/^\.+|\.+$/g, '');
    if (parts[0] !== 'outbound') return `domain name "${domain}" invalid (label "${parts[0]}" invalid)`;
    if (!/[0-9]/.test(port)) return `domain name "${domain}" invalid (label "${port}" invalid). should follow outbound_.<PORT>_._.<HOSTNAME> format`;
    if (!/[a-zA-Z]/.test(hostname)) return `domain name "${domain}" invalid (label "${hostname}" invalid). should follow outbound_.<PORT>_._.<HOSTNAME> format`;
    return undefined;
  }
  return wildcardDomainProblem(domain);
}

/** Istio's ValidatePartialWildCard: `*` alone or a leading `*.` only. */
export function partialWildcardProblem(host: string): string | undefined {
  if (host.includes('*') && host.length !== 1 && !host.startsWith('*.')) return `partial wildcard "${host}" not allowed`;
  return undefined;
}

/**
 * Hosts of Gateway servers and Sidecar egress listeners: `namespace/dnsName` (the namespace
 * optional on Gateways), FQDNs or `*`, never short names or partial wildcards; Gateways take IPs.
 */
export function namespacedHostProblems(value: string, isGateway: boolean): string[] {
  const slash = value.indexOf('/');
  if (slash < 0) {
    if (isGateway) return hostnamePartProblems(value, true);
    return ['host must be of form namespace/dnsName'];
  }
  const ns = value.slice(0, slash);
  const name = value.slice(slash + 1);
  const out: string[] = [];
  if (ns === '' || name === '') out.push('config namespace and dnsName in host entry cannot be empty');
  if (!isGateway) {
    const bare = ns.startsWith('~') ? ns.slice(1) : ns;
    if (bare !== '' && bare !== '*' && bare !== '.' && !isIstioDnsLabel(bare)) out.push(`invalid namespace value "${ns}" in sidecar`);
  } else if (ns !== '*' && ns !== '.' && !isIstioDnsLabel(ns)) {
    out.push(`invalid namespace value "${ns}" in gateway`);
  }
  return [...out, ...hostnamePartProblems(name, isGateway)];
}

function hostnamePartProblems(hostname: string, isGateway: boolean): string[] {
  const out: string[] = [];
  if (hostname !== '*' && !hostname.includes('.')) out.push(`short names (non FQDN) are not allowed: "${hostname}"`);
  const problem = wildcardDomainProblem(hostname);
  if (problem && !(isGateway && isIpAddress(hostname))) out.push(problem);
  const partial = partialWildcardProblem(hostname);
  if (partial) out.push(partial);
  return out;
}
