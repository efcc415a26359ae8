import { WEBHOOK_CODES } from './codes';
import { checkDuration } from './durations';
import { Issues, list, obj } from './issues';
import { fqdnProblem, isIpAddress } from './istio-hosts';
import { checkLocalityLbSetting, checkZoneAwareLbSetting } from './locality-lb';

const set = (v: unknown) => v !== undefined && v !== null;

/** Istio's validateTrafficPolicy (top level and per subset). */
export function checkTrafficPolicy(issues: Issues, policy: unknown, path: string): void {
  const p = obj(policy);
  if (!p) return;
  const fields = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol', 'retryBudget'];
  if (!fields.some((f) => set(p[f]))) {
    issues.error(WEBHOOK_CODES.CONNECTION_POOL, path, 'traffic policy must have at least one field; remove the empty trafficPolicy');
    return;
  }
  if (set(p.tunnel) && set(p.proxyProtocol)) {
    issues.error(WEBHOOK_CODES.CONNECTION_POOL, path, 'tunnel and proxyProtocol must not be set together');
    return;
  }
  checkOutlierDetection(issues, p.outlierDetection, `${path}.outlierDetection`);
  checkConnectionPool(issues, p.connectionPool, `${path}.connectionPool`);
  checkLoadBalancer(issues, p.loadBalancer, set(p.outlierDetection), `${path}.loadBalancer`);
  checkClientTls(issues, p.tls, `${path}.tls`);
  list(p.portLevelSettings).forEach((raw, i) => {
    const s = obj(raw);
    const at = `${path}.portLevelSettings[${i}]`;
    if (!s) {
      issues.error(WEBHOOK_CODES.CONNECTION_POOL, at, 'traffic policy may not be null');
      return;
    }
    if (!set(s.port)) issues.error(WEBHOOK_CODES.CONNECTION_POOL, `${at}.port`, 'portTrafficPolicy must have valid port');
    if (!['outlierDetection', 'connectionPool', 'loadBalancer', 'tls'].some((f) => set(s[f]))) {
      issues.error(WEBHOOK_CODES.CONNECTION_POOL, at, 'port traffic policy must have at least one field');
      return;
    }
    checkOutlierDetection(issues, s.outlierDetection, `${at}.outlierDetection`);
    checkConnectionPool(issues, s.connectionPool, `${at}.connectionPool`);
    checkLoadBalancer(issues, s.loadBalancer, set(s.outlierDetection), `${at}.loadBalancer`);
    checkClientTls(issues, s.tls, `${at}.tls`);
  });
  checkTunnel(issues, obj(p.tunnel), `${path}.tunnel`);
  const version = obj(p.proxyProtocol)?.version;
  if (version !== undefined && version !== 'V1' && version !== 'V2') issues.error(WEBHOOK_CODES.CONNECTION_POOL, `${path}.proxyProtocol.version`, `proxy protocol version is invalid: ${String(version)}`);
}

type Code = typeof WEBHOOK_CODES[keyof typeof WEBHOOK_CODES];

function nonNegative(issues: Issues, code: Code, o: Record<string, any>, fields: readonly string[], path: string): void {
  for (const f of fields) {
    if (typeof o[f] === 'number' && o[f] < 0) issues.error(code, `${path}.${f}`, `${f} must be non-negative (got ${o[f]})`);
  }
}

function checkTunnel(issues: Issues, tunnel: Record<string, any> | undefined, path: string): void {
  if (!tunnel) return;
  if (tunnel.protocol !== undefined && tunnel.protocol !== '' && tunnel.protocol !== 'CONNECT' && tunnel.protocol !== 'POST') {
    issues.error(WEBHOOK_CODES.CONNECTION_POOL, `${path}.protocol`, 'tunnel protocol must be "CONNECT" or "POST"');
  }
  const host = typeof tunnel.targetHost === 'string' ? tunnel.targetHost : '';
  const problem = fqdnProblem(host);
  if (problem && !isIpAddress(host)) issues.error(WEBHOOK_CODES.CONNECTION_POOL, `${path}.targetHost`, `tunnel target host must be valid FQDN or IP address: ${problem}`);
  const port = typeof tunnel.targetPort === 'number' ? tunnel.targetPort : 0;
  if (!(port >= 1 && port <= 65535)) issues.error(WEBHOOK_CODES.CONNECTION_POOL, `${path}.targetPort`, `tunnel target port is invalid: port number ${port} must be in the range 1..65535`);
}

export function checkConnectionPool(issues: Issues, pool: unknown, path: string): void {
  const p = obj(pool);
  if (!p) return;
  const tcp = obj(p.tcp);
  const http = obj(p.http);
  if (!tcp && !http) {
    issues.error(WEBHOOK_CODES.CONNECTION_POOL, path, 'connection pool must have at least one field (tcp or http); remove the empty connectionPool');
    return;
  }
  if (http) {
    nonNegative(issues, WEBHOOK_CODES.CONNECTION_POOL, http, ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection', 'maxRetries', 'maxConcurrentStreams'], `${path}.http`);
    checkDuration(issues, http.idleTimeout, `${path}.http.idleTimeout`);
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
      issues.error(WEBHOOK_CODES.CONNECTION_POOL, `${path}.http.h2UpgradePolicy`, 'use client protocol must not be true when h2UpgradePolicy is UPGRADE; set only one');
    }
    const keepalive = obj(http.http2KeepAlive);
    if (keepalive) {
      if (!set(keepalive.interval)) issues.error(WEBHOOK_CODES.CONNECTION_POOL, `${path}.http.http2KeepAlive.interval`, 'http2 keepalive interval is required');
      else checkDuration(issues, keepalive.interval, `${path}.http.http2KeepAlive.interval`);
      if (!set(keepalive.timeout)) issues.error(WEBHOOK_CODES.CONNECTION_POOL, `${path}.http.http2KeepAlive.timeout`, 'http2 keepalive timeout is required');
      else checkDuration(issues, keepalive.timeout, `${path}.http.http2KeepAlive.timeout`);
    }
  }
  if (tcp) {
    nonNegative(issues, WEBHOOK_CODES.CONNECTION_POOL, tcp, ['maxConnections'], `${path}.tcp`);
    checkDuration(issues, tcp.connectTimeout, `${path}.tcp.connectTimeout`);
    checkDuration(issues, tcp.maxConnectionDuration, `${path}.tcp.maxConnectionDuration`);
    // 0s disables the TCP idle timeout; other durations follow the usual rule.
    checkDuration(issues, tcp.idleTimeout, `${path}.tcp.idleTimeout`, true);
    const keepalive = obj(tcp.tcpKeepalive);
    if (keepalive) {
      checkDuration(issues, keepalive.time, `${path}.tcp.tcpKeepalive.time`);
      checkDuration(issues, keepalive.interval, `${path}.tcp.tcpKeepalive.interval`);
    }
  }
}

/** Istio's isPrime (which counts 1 as prime). */
function isPrime(n: number): boolean {
  if (n !== 0 && n < 4) return true;
  if (n % 2 === 0) return false;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

function checkLoadBalancer(issues: Issues, lb: unknown, hasOutlierDetection: boolean, path: string): void {
  const l = obj(lb);
  if (!l) return;
  const hash = obj(l.consistentHash);
  const at = `${path}.consistentHash`;
  if (hash) {
    const cookie = obj(hash.httpCookie);
    if (cookie) {
      if (typeof cookie.name !== 'string' || cookie.name === '') issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${at}.httpCookie.name`, 'name required for httpCookie');
      const names = new Set<string>();
      list(cookie.attributes).forEach((a, i) => {
        const name = String(obj(a)?.name ?? '');
        if (name === '') issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${at}.httpCookie.attributes[${i}].name`, 'cookie attribute name cannot be empty');
        else if (names.has(name)) issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${at}.httpCookie.attributes[${i}].name`, `duplicate cookie attribute name: ${name}`);
        names.add(name);
      });
      if (cookie.ttl !== undefined) checkDuration(issues, cookie.ttl, `${at}.httpCookie.ttl`, true);
    }
    const ring = typeof hash.minimumRingSize === 'number' ? hash.minimumRingSize : 0;
    if (ring !== 0) {
      issues.warn(WEBHOOK_CODES.LOAD_BALANCER, `${at}.minimumRingSize`, 'consistent hash minimumRingSize is deprecated, use ringHash.minimumRingSize instead');
      if (set(hash.maglev) || set(hash.ringHash)) issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${at}.minimumRingSize`, 'only one of minimumRingSize or maglev/ringHash can be specified');
    }
    const maglev = obj(hash.maglev);
    if (maglev) {
      const size = typeof maglev.tableSize === 'number' ? maglev.tableSize : 0;
      if (size === 0) issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${at}.maglev.tableSize`, 'tableSize must be set for maglev (65537 is the usual choice)');
      if (size >= 5000011) issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${at}.maglev.tableSize`, 'tableSize must be less than 5000011 for maglev');
      if (!isPrime(size)) issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${at}.maglev.tableSize`, `maglev tableSize must be a prime number (got ${size}); 65537 is the usual choice`);
    }
  }
  if (set(l.localityLbSetting) && set(l.zoneAwareLbSetting)) issues.error(WEBHOOK_CODES.LOAD_BALANCER, path, 'only one of localityLbSetting and zoneAwareLbSetting can be set');
  checkLocalityLbSetting(issues, l.localityLbSetting, hasOutlierDetection, `${path}.localityLbSetting`);
  checkZoneAwareLbSetting(issues, l.zoneAwareLbSetting, hasOutlierDetection, `${path}.zoneAwareLbSetting`);
  const warm = obj(l.warmup);
  if (warm) {
    if (!set(warm.duration)) issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${path}.warmup.duration`, 'duration is required');
    else checkDuration(issues, warm.duration, `${path}.warmup.duration`);
    // Protobuf wrapper types (DoubleValue) are plain numbers in YAML.
    const min = warm.minimumPercent;
    if (typeof min === 'number' && min > 100) issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${path}.warmup.minimumPercent`, 'minimumPercent value should be less than or equal to 100');
    const aggression = warm.aggression;
    if (set(warm.aggression) && !(typeof aggression === 'number' && aggression > 0)) issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${path}.warmup.aggression`, 'aggression should be greater than 0');
  }
}

function checkOutlierDetection(issues: Issues, od: unknown, path: string): void {
  const o = obj(od);
  if (!o) return;
  checkDuration(issues, o.baseEjectionTime, `${path}.baseEjectionTime`);
  if (typeof o.consecutiveErrors === 'number' && o.consecutiveErrors !== 0) {
    issues.warn(WEBHOOK_CODES.OUTLIER_DETECTION, `${path}.consecutiveErrors`, 'outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead');
  }
  const localOrigin = typeof o.consecutiveLocalOriginFailures === 'number' ? o.consecutiveLocalOriginFailures : 0;
  if (o.splitExternalLocalOriginErrors !== true && localOrigin > 0) {
    issues.error(WEBHOOK_CODES.OUTLIER_DETECTION, `${path}.consecutiveLocalOriginFailures`, 'consecutiveLocalOriginFailures is specified, but splitExternalLocalOriginErrors is false; set it to true');
  }
  checkDuration(issues, o.interval, `${path}.interval`);
  for (const f of ['maxEjectionPercent', 'minHealthPercent']) {
    if (typeof o[f] === 'number' && (o[f] < 0 || o[f] > 100)) issues.error(WEBHOOK_CODES.OUTLIER_DETECTION, `${path}.${f}`, `${f} must be within 0-100 (got ${o[f]})`);
  }
}

/** Istio's agent.ValidateTLS for client TLS settings. */
function checkClientTls(issues: Issues, tls: unknown, path: string): void {
  const t = obj(tls);
  if (!t) return;
  const has = (k: string) => typeof t[k] === 'string' && t[k] !== '';
  if (t.insecureSkipVerify === true) {
    if (t.mode === 'SIMPLE' && (has('caCertificates') || has('credentialName') || set(t.subjectAltNames))) {
      issues.error(WEBHOOK_CODES.CLIENT_TLS, path, 'cannot specify caCertificates or credentialName or subjectAltNames when insecureSkipVerify is set true');
    }
    if (t.mode === 'MUTUAL' && (has('caCertificates') || set(t.subjectAltNames))) {
      issues.error(WEBHOOK_CODES.CLIENT_TLS, path, 'cannot specify caCertificates or subjectAltNames when insecureSkipVerify is set true');
    }
  }
  if ((t.mode === 'SIMPLE' || t.mode === 'MUTUAL') && has('credentialName')) {
    if (has('clientCertificate') || has('caCertificates') || has('privateKey') || has('caCrl')) {
      issues.error(WEBHOOK_CODES.CLIENT_TLS, path, 'cannot specify client certificates or CA certificate or CA CRL if credentialName is set');
    }
    return;
  }
  if (t.mode === 'MUTUAL') {
    if (!has('clientCertificate')) issues.error(WEBHOOK_CODES.CLIENT_TLS, `${path}.clientCertificate`, 'client certificate required for mutual tls (or set credentialName)');
    if (!has('privateKey')) issues.error(WEBHOOK_CODES.CLIENT_TLS, `${path}.privateKey`, 'private key required for mutual tls (or set credentialName)');
  }
}
