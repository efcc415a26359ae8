import { WEBHOOK_CODES } from './codes';
import { checkDestination } from './destination';
import { checkServerTls } from './gateway';
import { Issues, list, obj } from './issues';
import { fqdnProblem, isIpAddress, isIstioDnsLabel, namespacedHostProblems } from './istio-hosts';
import { checkConnectionPool } from './traffic-policy';
import { UNIX_PREFIX, unixAddressProblem } from './unix-address';
import { reportBadSelectorLabels } from './workload-selector';

const C = WEBHOOK_CODES.SIDECAR;
const PROTOCOLS = new Set(['HTTP', 'HTTPS', 'GRPC', 'GRPC-WEB', 'HTTP2', 'HTTP_PROXY', 'MONGO', 'REDIS', 'MYSQL', 'TCP', 'TLS', 'UDP']);
const HTTP = new Set(['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-WEB']);
const LOOPBACK_OR_ANY = new Set(['127.0.0.1', '0.0.0.0', '::1', '::']);

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Istio's ValidateSidecar. */
export function checkSidecar(issues: Issues, spec: Record<string, any>, namespace: string): void {
  const selector = obj(spec.workloadSelector);
  if (selector) {
    const labels = obj(selector.labels) ?? {};
    // Istio stops here: a bad selector is the only error it reports.
    if (reportBadSelectorLabels(issues, C, labels)) return;
    if (Object.keys(labels).length === 0) issues.warn(C, 'spec.workloadSelector', 'sidecar: workload selector specified without labels, will be applied to all services in namespace');
  }
  const ingress = list(spec.ingress);
  const egress = list(spec.egress);
  if (ingress.length === 0 && egress.length === 0 && !spec.outboundTrafficPolicy && !spec.inboundConnectionPool) {
    issues.error(C, 'spec', 'sidecar: empty configuration provided');
    return;
  }
  const ingressPorts = new Set<number>();
  ingress.forEach((raw, i) => checkIngress(issues, obj(raw), `spec.ingress[${i}]`, ingressPorts));
  checkConnectionPool(issues, spec.inboundConnectionPool, 'spec.inboundConnectionPool');
  const egressPorts = new Set<number>();
  const sockets = new Set<string>();
  let catchAll = false;
  egress.forEach((raw, i) => {
    const e = obj(raw);
    const at = `spec.egress[${i}]`;
    if (!e) {
      issues.error(C, at, 'egress listener may not be null');
      return;
    }
    const port = obj(e.port);
    if (!port) {
      if (catchAll) {
        issues.error(C, at, 'sidecar: egress can have only one listener with empty port');
        return;
      }
      if (i === egress.length - 1) catchAll = true;
      else issues.error(C, at, 'sidecar: the egress listener with empty port should be the last listener in the list');
    } else {
      if (typeof port.targetPort === 'number' && port.targetPort > 0) issues.error(C, `${at}.port.targetPort`, 'targetPort has no impact on Sidecars');
      const bind = text(e.bind);
      checkPortName(issues, port, `${at}.port`);
      checkProtocol(issues, port, `${at}.port`);
      const number = typeof port.number === 'number' ? port.number : 0;
      if (number === 0) {
        if (!bind.startsWith(UNIX_PREFIX)) {issues.error(C, `${at}.bind`, 'sidecar: ports with 0 value must have a unix domain socket bind address');} else {
          const problem = unixAddressProblem(bind.slice(UNIX_PREFIX.length));
          if (problem) issues.error(C, `${at}.bind`, problem);
        }
        const mode = e.captureMode ?? 'DEFAULT';
        if (mode !== 'DEFAULT' && mode !== 'NONE') issues.error(C, `${at}.captureMode`, 'sidecar: captureMode must be DEFAULT/NONE for unix domain socket listeners');
        if (sockets.has(bind)) issues.error(C, `${at}.bind`, 'sidecar: unix domain socket values for listeners must be unique');
        sockets.add(bind);
      } else {
        if (!(number >= 1 && number <= 65535)) issues.error(C, `${at}.port.number`, `port number ${number} must be in the range 1..65535`);
        if (bind !== '' && !isIpAddress(bind)) issues.error(C, `${at}.bind`, `${bind} is not a valid IP`);
        if (egressPorts.has(number)) issues.error(C, `${at}.port.number`, 'sidecar: ports on IP bound listeners must be unique');
        egressPorts.add(number);
      }
    }
    checkEgressHosts(issues, list(e.hosts).map(String), `${at}.hosts`, namespace);
  });
  checkOutboundTrafficPolicy(issues, obj(spec.outboundTrafficPolicy), 'spec.outboundTrafficPolicy');
}

function checkPortName(issues: Issues, port: Record<string, any>, at: string): void {
  const name = text(port.name);
  if (name !== '' && !isIstioDnsLabel(name)) issues.error(C, `${at}.name`, `invalid port name: ${name}`);
}

function checkProtocol(issues: Issues, port: Record<string, any>, at: string): void {
  const protocol = text(port.protocol);
  if (protocol !== '' && !PROTOCOLS.has(protocol.toUpperCase())) issues.error(C, `${at}.protocol`, `unsupported protocol: ${protocol}`);
}

function checkIngress(issues: Issues, i: Record<string, any> | undefined, at: string, ports: Set<number>): void {
  if (!i) {
    issues.error(C, at, 'sidecar: ingress may not be null');
    return;
  }
  const port = obj(i.port);
  if (!port) {
    issues.error(C, `${at}.port`, 'sidecar: port is required for ingress listeners');
    return;
  }
  if (typeof port.targetPort === 'number' && port.targetPort > 0) issues.error(C, `${at}.port.targetPort`, 'targetPort has no impact on Sidecars');
  checkPortName(issues, port, `${at}.port`);
  checkProtocol(issues, port, `${at}.port`);
  const number = typeof port.number === 'number' ? port.number : 0;
  if (!(number >= 1 && number <= 65535)) issues.error(C, `${at}.port.number`, `port number ${number} must be in the range 1..65535`);
  const bind = text(i.bind);
  if (bind !== '' && !isIpAddress(bind)) issues.error(C, `${at}.bind`, `${bind} is not a valid IP`);
  if (ports.has(number)) issues.error(C, `${at}.port.number`, 'sidecar: ports on IP bound listeners must be unique');
  ports.add(number);
  const endpoint = text(i.defaultEndpoint);
  if (endpoint !== '') {
    if (endpoint.startsWith(UNIX_PREFIX)) {
      const problem = unixAddressProblem(endpoint.slice(UNIX_PREFIX.length));
      if (problem) issues.error(C, `${at}.defaultEndpoint`, problem);
    } else {
      const m = /^(?:\[([^\]]*)\]|([^:]*)):([^:]*)$/.exec(endpoint);
      const host = m ? (m[1] ?? m[2]) : undefined;
      if (!m) {issues.error(C, `${at}.defaultEndpoint`, `address ${endpoint}: missing port in address`);} else if (host !== '' && !LOOPBACK_OR_ANY.has(host!)) {
        issues.error(C, `${at}.defaultEndpoint`, 'sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset');
      }
      const portText = m ? m[3] : '';
      if (!/^[+-]?\d+$/.test(portText)) issues.error(C, `${at}.defaultEndpoint`, `sidecar: defaultEndpoint port (${portText}) is not a number`);
      else if (!(Number(portText) >= 1 && Number(portText) <= 65535)) issues.error(C, `${at}.defaultEndpoint`, `port number ${portText} must be in the range 1..65535`);
    }
  }
  const tls = obj(i.tls);
  if (tls) {
    if (list(tls.subjectAltNames).length) issues.error(C, `${at}.tls.subjectAltNames`, 'sidecar: subjectAltNames is not supported in ingress tls');
    if (tls.httpsRedirect === true) issues.error(C, `${at}.tls.httpsRedirect`, 'sidecar: httpsRedirect is not supported');
    if (text(tls.credentialName)) issues.error(C, `${at}.tls.credentialName`, 'sidecar: credentialName is not currently supported');
    if (list(tls.credentialNames).length) issues.error(C, `${at}.tls.credentialNames`, 'sidecar: credentialNames is not currently supported');
    if (list(tls.tlsCertificates).length) issues.error(C, `${at}.tls.tlsCertificates`, 'sidecar: tls_certificates is not currently supported');
    if (tls.mode === 'ISTIO_MUTUAL' || tls.mode === 'AUTO_PASSTHROUGH') issues.error(C, `${at}.tls.mode`, `configuration is invalid: cannot set mode to ${String(tls.mode)} in sidecar ingress tls`);
    if (!['HTTPS', 'TLS'].includes(text(port.protocol).toUpperCase())) issues.error(C, `${at}.tls`, 'server cannot have TLS settings for non HTTPS/TLS ports');
    checkServerTls(issues, tls, `${at}.tls`);
  }
  checkConnectionPool(issues, i.connectionPool, `${at}.connectionPool`);
  if (obj(obj(i.connectionPool)?.http) && !HTTP.has(text(port.protocol).toUpperCase())) {
    issues.warn(C, `${at}.connectionPool.http`, `sidecar: HTTP connection pool settings are configured for port ${number} ("${text(port.name)}") but its protocol is not HTTP (${text(port.protocol)}); only TCP settings will apply`);
  }
}

function checkEgressHosts(issues: Issues, hosts: readonly string[], path: string, namespace: string): void {
  if (hosts.length === 0) {
    issues.error(C, path, 'sidecar: egress listener must contain at least one host');
    return;
  }
  const byNamespace = new Map<string, Set<string>>();
  hosts.forEach((host, i) => {
    const slash = host.indexOf('/');
    if (slash >= 0 && !host.startsWith('~')) {
      const ns = host.slice(0, slash) === '.' ? namespace : host.slice(0, slash);
      const svc = host.slice(slash + 1);
      const seen = byNamespace.get(ns) ?? new Set<string>();
      if (svc !== '*' ? seen.has(svc) || seen.has('*') : seen.size > 0) issues.warn(C, `${path}[${i}]`, `duplicated egress host: ${host}`);
      seen.add(svc);
      byNamespace.set(ns, seen);
    }
    for (const problem of namespacedHostProblems(host, false)) issues.error(C, `${path}[${i}]`, problem);
  });
  if (byNamespace.get('*')?.has('*') && byNamespace.size !== 1) issues.warn(C, path, '`*/*` host select all resources, no other hosts can be added');
}

function checkOutboundTrafficPolicy(issues: Issues, policy: Record<string, any> | undefined, path: string): void {
  if (!policy) return;
  const mode = policy.mode ?? 'REGISTRY_ONLY';
  if (mode === 'ALLOW_ANY_DYNAMIC_DNS') {
    issues.error(C, `${path}.mode`, 'sidecar: ALLOW_ANY_DYNAMIC_DNS mode is only supported in MeshConfig, not in Sidecar resource');
    return;
  }
  const proxy = obj(policy.egressProxy);
  if (!proxy) return;
  if (mode !== 'ALLOW_ANY') {
    issues.error(C, `${path}.egressProxy`, 'sidecar: egressProxy must be set only with ALLOW_ANY outboundTrafficPolicy mode');
    return;
  }
  const problem = fqdnProblem(text(proxy.host));
  if (problem) issues.error(C, `${path}.egressProxy.host`, problem);
  if (!obj(proxy.port)) {
    issues.error(C, `${path}.egressProxy.port`, 'sidecar: egressProxy port must be non-nil');
    return;
  }
  checkDestination(issues, proxy, `${path}.egressProxy`);
}
