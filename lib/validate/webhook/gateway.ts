import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';
import { isIpAddress, isIstioDnsLabel, namespacedHostProblems } from './istio-hosts';
import { UNIX_PREFIX, unixAddressProblem } from './unix-address';

/** Istio's protocol names (parsed case-insensitively); anything else is unsupported. */
const PROTOCOLS = new Set(['HTTP', 'HTTPS', 'GRPC', 'GRPC-WEB', 'HTTP2', 'HTTP_PROXY', 'MONGO', 'REDIS', 'MYSQL', 'TCP', 'TLS', 'UDP']);
const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS']);
const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY']);
const GATEWAY_SEMANTICS_ANNOTATION = 'internal.istio.io/gateway-semantics';

/** The cipher suites Istio accepts on gateway servers (others are ignored with a warning). */
const CIPHER_SUITES = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305', 'ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA', 'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA', 'AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA',
]);

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Istio's admission rules for a Gateway (ValidateGateway). */
export function checkGateway(issues: Issues, spec: Record<string, any>, name = '', annotations: Record<string, unknown> = {}): void {
  const gatewaySemantics = annotations[GATEWAY_SEMANTICS_ANNOTATION] === 'gateway';
  if (name && !isIstioDnsLabel(name) && !gatewaySemantics) {
    issues.error(WEBHOOK_CODES.GATEWAY_SERVER, 'metadata.name', `invalid gateway name: "${name}" (a Gateway name is a DNS-1123 label: no dots)`);
  }
  const servers = list(spec.servers);
  if (servers.length === 0) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, 'spec.servers', 'a Gateway needs at least one server');
  const portNames = new Set<string>();
  servers.forEach((raw, i) => {
    const s = obj(raw);
    const at = `spec.servers[${i}]`;
    if (!s) {
      issues.error(WEBHOOK_CODES.GATEWAY_SERVER, at, 'server may not be null');
      return;
    }
    checkServer(issues, s, at);
    const port = obj(s.port);
    if (port) {
      const portName = text(port.name);
      if (portNames.has(portName)) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.port.name`, `port names in servers must be unique: duplicate name ${portName}`);
      portNames.add(portName);
      if (!HTTP_PROTOCOLS.has(text(port.protocol).toUpperCase()) && obj(s.tls)?.httpsRedirect === true) {
        issues.warn(WEBHOOK_CODES.GATEWAY_TLS_WARNING, `${at}.tls.httpsRedirect`, 'tls.httpsRedirect should only be used with http servers');
      }
    }
  });
}

function checkServer(issues: Issues, s: Record<string, any>, at: string): void {
  const hosts = list(s.hosts);
  if (hosts.length === 0) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.hosts`, 'a server needs at least one host');
  hosts.forEach((h, j) => {
    for (const problem of namespacedHostProblems(String(h), true)) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.hosts[${j}]`, problem);
  });
  const bind = text(s.bind);
  const port = obj(s.port);
  let portValid = false;
  if (!port) {
    issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.port`, 'a server needs a port');
  } else {
    const before = issues.findings.length;
    const protocol = text(port.protocol).toUpperCase();
    if (!PROTOCOLS.has(protocol)) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.port.protocol`, `invalid protocol "${text(port.protocol)}", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP`);
    const number = typeof port.number === 'number' ? port.number : 0;
    if ((number > 0 || !bind.startsWith(UNIX_PREFIX)) && !(number >= 1 && number <= 65535)) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.port.number`, `port number ${number} must be in the range 1..65535`);
    if (typeof port.targetPort === 'number' && port.targetPort > 0) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.port.targetPort`, 'targetPort has no impact on Gateways; remove it');
    if (text(port.name) === '') issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.port.name`, 'every server port needs a name');
    portValid = issues.findings.slice(before).every((f) => f.severity !== 'error');
  }
  if (bind.startsWith(UNIX_PREFIX)) {
    const problem = unixAddressProblem(bind.slice(UNIX_PREFIX.length));
    if (problem) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.bind`, problem);
    if (port && typeof port.number === 'number' && port.number !== 0) issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.bind`, 'port number must be 0 for unix domain socket');
  } else if (bind !== '' && !isIpAddress(bind)) {
    issues.error(WEBHOOK_CODES.GATEWAY_SERVER, `${at}.bind`, `${bind} is not a valid IP`);
  }
  const tls = obj(s.tls);
  if (tls) checkServerTls(issues, tls, `${at}.tls`);
  if (!portValid || !port) return;
  const protocol = text(port.protocol).toUpperCase();
  if (TLS_PROTOCOLS.has(protocol) && !tls) {
    issues.error(WEBHOOK_CODES.GATEWAY_TLS, at, `a server with protocol ${protocol} needs tls settings (mode and a certificate, e.g. credentialName)`);
  } else if (!TLS_PROTOCOLS.has(protocol) && tls) {
    if (HTTP_PROTOCOLS.has(protocol)) {
      // Only an httpsRedirect (a passthrough-mode tls block without certificates) fits a plain-text HTTP port.
      if (!isPassthrough(tls) || text(tls.caCertificates) || text(tls.privateKey) || text(tls.serverCertificate)) {
        issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${at}.tls`, `a ${protocol} server cannot carry TLS settings; to terminate TLS for gRPC use protocol HTTPS (gRPC still flows over HTTP/2 behind it)`);
      }
    } else {
      issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${at}.tls`, `server cannot have TLS settings for non HTTPS/TLS ports (protocol ${protocol})`);
    }
  }
}

/** The tls mode defaults to PASSTHROUGH (the first value of Istio's enum). */
function modeOf(tls: Record<string, any>): string {
  return text(tls.mode) || 'PASSTHROUGH';
}

function isPassthrough(tls: Record<string, any>): boolean {
  const mode = modeOf(tls);
  return mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH';
}

/**
 * Istio's IsValidCipherSuite: empty and ALL pass, as does anything not starting with a letter or
 * digit (so OpenSSL-style `-NAME`/`+NAME` operators pass unparsed); the rest must be a known suite.
 * Go looks at the first byte as a code point, hence Latin-1 of the first UTF-8 byte.
 */
function isValidCipherSuite(suite: string): boolean {
  if (suite === '' || suite === 'ALL') return true;
  const first = String.fromCharCode(Buffer.from(suite, 'utf8')[0]);
  if (!/[\p{L}\p{N}]/u.test(first)) return true;
  return CIPHER_SUITES.has(suite);
}

/** Istio's validateTLSOptions. */
export function checkServerTls(issues: Issues, tls: Record<string, any>, path: string): void {
  const mode = modeOf(tls);
  const ciphers = list(tls.cipherSuites);
  if ((tls.minProtocolVersion === 'TLSV1_0' || tls.minProtocolVersion === 'TLSV1_1') && ciphers.length === 0) {
    issues.warn(WEBHOOK_CODES.GATEWAY_TLS_WARNING, `${path}.minProtocolVersion`, 'TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers.');
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const invalid = new Set<string>();
  for (const c of ciphers) {
    if (!isValidCipherSuite(String(c))) invalid.add(String(c));
    else if (seen.has(String(c))) duplicates.add(String(c));
    seen.add(String(c));
  }
  if (invalid.size) issues.warn(WEBHOOK_CODES.GATEWAY_TLS_WARNING, `${path}.cipherSuites`, `ignoring invalid cipher suites: ${[...invalid].sort().join(' ')}`);
  if (duplicates.size) issues.warn(WEBHOOK_CODES.GATEWAY_TLS_WARNING, `${path}.cipherSuites`, `ignoring duplicate cipher suites: ${[...duplicates].sort().join(' ')}`);
  const credentialNames = list(tls.credentialNames);
  const certificates = list(tls.tlsCertificates);
  if (mode === 'ISTIO_MUTUAL') {
    const fields: [string, boolean][] = [
      ['serverCertificate', !!text(tls.serverCertificate)], ['privateKey', !!text(tls.privateKey)], ['caCertificates', !!text(tls.caCertificates)],
      ['tlsCertificates', certificates.length > 0], ['credentialName', !!text(tls.credentialName)], ['credentialNames', credentialNames.length > 0],
    ];
    for (const [field, isSet] of fields) {
      if (isSet) issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${path}.${field}`, `ISTIO_MUTUAL uses the mesh certificates and cannot have ${field}`);
    }
    return;
  }
  const anyCertificate = [tls.caCrl, tls.serverCertificate, tls.privateKey, tls.caCertificates, tls.credentialName].some((v) => text(v) !== '')
    || certificates.length > 0 || credentialNames.length > 0;
  if (isPassthrough(tls) && anyCertificate) {
    issues.warn(WEBHOOK_CODES.GATEWAY_TLS_WARNING, path, `${mode} mode does not use certificates, they will be ignored (tls.mode defaults to PASSTHROUGH: set mode: SIMPLE to terminate TLS)`);
  }
  const sources = [text(tls.serverCertificate) && text(tls.privateKey), text(tls.credentialName), credentialNames.length, certificates.length]
    .filter(Boolean).length;
  if (sources > 1) issues.error(WEBHOOK_CODES.GATEWAY_TLS, path, 'only one of credentialName, credentialNames, serverCertificate/privateKey, tlsCertificates should be specified');
  const terminating = mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL';
  if (terminating && (text(tls.credentialName) || credentialNames.length)) return; // fetched from the Secret
  if (terminating) {
    const prefix = mode === 'SIMPLE' ? 'SIMPLE TLS' : 'MUTUAL TLS';
    if (mode !== 'SIMPLE' && !text(tls.caCertificates)) issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${path}.caCertificates`, `${prefix} requires a client CA bundle`);
    if (certificates.length > 2) issues.warn(WEBHOOK_CODES.GATEWAY_TLS_WARNING, `${path}.tlsCertificates`, `${prefix} can support up to 2 server certificates`);
    const toVerify = certificates.length
      ? certificates.map((c) => obj(c) ?? {})
      : [{ serverCertificate: tls.serverCertificate, privateKey: tls.privateKey }];
    toVerify.forEach((c, i) => {
      const at = certificates.length ? `${path}.tlsCertificates[${i}]` : path;
      if (!text(c.serverCertificate)) issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${at}.serverCertificate`, `${prefix} requires a server certificate (or set credentialName)`);
      if (!text(c.privateKey)) issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${at}.privateKey`, `${prefix} requires a private key (or set credentialName)`);
    });
  }
  if (text(tls.caCrl)) {
    if (text(tls.credentialName)) issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${path}.caCrl`, 'CRL is not supported with credentialName. CRL has to be specified in the credential');
    if (mode === 'SIMPLE') issues.error(WEBHOOK_CODES.GATEWAY_TLS, `${path}.caCrl`, 'CRL is not supported with SIMPLE TLS');
  }
}
