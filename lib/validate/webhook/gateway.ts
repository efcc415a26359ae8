import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';
import { wildcardDomainProblem } from '../../core/hosts';

const PROTOCOLS = new Set(['HTTP', 'HTTPS', 'GRPC', 'GRPC-WEB', 'HTTP2', 'HTTP_PROXY', 'MONGO', 'REDIS', 'MYSQL', 'TCP', 'TLS', 'UDP']);
const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS']);
const TLS_VERSIONS = ['TLS_AUTO', 'TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3'];

/** Istio's admission rules for a Gateway. */
export function checkGateway(issues: Issues, spec: Record<string, any>): void {
  const servers = list(spec.servers);
  if (servers.length === 0) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, 'spec.servers', 'a Gateway needs at least one server');
  const portNames = new Set<string>();
  servers.forEach((raw, i) => {
    const s = obj(raw);
    const at = `spec.servers[${i}]`;
    if (!s) return;
    const port = obj(s.port);
    const protocol = String(port?.protocol ?? '').toUpperCase();
    if (!port) {
      issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.port`, 'a server needs a port');
    } else {
      if (!PROTOCOLS.has(protocol)) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.port.protocol`, `"${String(port.protocol ?? '')}" is not a Gateway protocol (HTTP, HTTPS, GRPC, GRPC-WEB, HTTP2, MONGO, REDIS, MYSQL, TCP, TLS)`);
      if (!(Number.isInteger(port.number) && port.number >= 1 && port.number <= 65535)) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.port.number`, `port ${JSON.stringify(port.number)} is outside 1-65535`);
      const name = typeof port.name === 'string' ? port.name : '';
      if (name === '') issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.port.name`, 'every server port needs a name');
      else if (portNames.has(name)) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.port.name`, `port name "${name}" is used by another server; server port names must be unique within a Gateway`);
      portNames.add(name);
    }
    const hosts = list(s.hosts);
    if (hosts.length === 0) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.hosts`, 'a server needs at least one host');
    hosts.forEach((h, j) => {
      const problem = serverHostProblem(String(h));
      if (problem) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.hosts[${j}]`, problem);
    });
    checkServerTls(issues, protocol, obj(s.tls), `${at}.tls`, at);
  });
}

/** `[namespace/]host` where namespace is `*`, `.` or a namespace name. */
function serverHostProblem(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) return `host "${value}" must be <host> or <namespace>/<host>`;
  if (parts.length === 2) {
    const ns = parts[0];
    if (ns !== '*' && ns !== '.' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns)) return `namespace "${ns}" in host "${value}" must be *, . or a namespace name`;
  }
  return wildcardDomainProblem(parts[parts.length - 1]);
}

function checkServerTls(issues: Issues, protocol: string, tls: Record<string, any> | undefined, path: string, serverPath: string): void {
  if (!tls) {
    if (TLS_PROTOCOLS.has(protocol)) issues.error(WEBHOOK_CODES.GATEWAY_TLS, serverPath, `a server with protocol ${protocol} needs tls settings (mode and a certificate, e.g. credentialName)`);
    return;
  }
  if (!TLS_PROTOCOLS.has(protocol)) {
    const onlyRedirect = Object.keys(tls).every((k) => k === 'httpsRedirect');
    if (!(protocol === 'HTTP' && onlyRedirect)) {
      issues.error(WEBHOOK_CODES.GATEWAY_TLS, path, `a ${protocol || 'plain-text'} server cannot carry TLS settings; to terminate TLS for gRPC use protocol HTTPS (gRPC still flows over HTTP/2 behind it)`);
    }
    return;
  }
  const mode = tls.mode ?? 'SIMPLE';
  const hasCredential = Boolean(tls.credentialName) || list(tls.credentialNames).length > 0;
  const hasFiles = Boolean(tls.serverCertificate || tls.privateKey);
  const certificates = list(tls.tlsCertificates);
  if (mode === 'ISTIO_MUTUAL') {
    const set = ['credentialName', 'credentialNames', 'serverCertificate', 'privateKey', 'caCertificates', 'tlsCertificates'].filter((k) => tls[k] !== undefined);
    if (set.length) issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${path}.${set[0]}`, `ISTIO_MUTUAL uses the mesh certificates and cannot have ${set.join(', ')}`);
  } else if (mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL') {
    if (hasCredential) {
      if (hasFiles || certificates.length) issues.error(WEBHOOK_CODES.GATEWAY_TLS, path, 'credentialName and certificate files (serverCertificate/privateKey/tlsCertificates) are two certificate sources; set only one');
    } else {
      if (certificates.length) {
        certificates.forEach((c, i) => {
          if (!obj(c)?.serverCertificate || !obj(c)?.privateKey) issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${path}.tlsCertificates[${i}]`, 'each tlsCertificates entry needs serverCertificate and privateKey');
        });
        if (certificates.length > 2) issues.warn(WEBHOOK_CODES.GATEWAY_TLS_WARNING, `${path}.tlsCertificates`, 'more than two tlsCertificates: Envoy serves at most one RSA and one ECDSA certificate');
      } else {
        if (!tls.serverCertificate) issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${path}.serverCertificate`, `${mode} needs credentialName, or serverCertificate and privateKey`);
        if (!tls.privateKey) issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${path}.privateKey`, `${mode} needs credentialName, or serverCertificate and privateKey`);
      }
      if (mode !== 'SIMPLE' && !tls.caCertificates) issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${path}.caCertificates`, `${mode} with certificate files needs caCertificates to verify clients`);
    }
  }
  const min = TLS_VERSIONS.indexOf(tls.minProtocolVersion ?? 'TLS_AUTO');
  const max = TLS_VERSIONS.indexOf(tls.maxProtocolVersion ?? 'TLS_AUTO');
  if (min > 0 && max > 0 && min > max) issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${path}.minProtocolVersion`, `minProtocolVersion ${tls.minProtocolVersion} is above maxProtocolVersion ${tls.maxProtocolVersion}`);
}
