import { WEBHOOK_CODES } from './codes';
import { checkDuration } from './durations';
import { Issues, list, obj } from './issues';

/** Istio's rules for a DestinationRule traffic policy (top level, per port, per subset). */
export function checkTrafficPolicy(issues: Issues, policy: unknown, path: string): void {
  const p = obj(policy);
  if (!p) return;
  checkConnectionPool(issues, p.connectionPool, `${path}.connectionPool`);
  checkLoadBalancer(issues, p.loadBalancer, `${path}.loadBalancer`);
  checkOutlierDetection(issues, p.outlierDetection, `${path}.outlierDetection`);
  checkClientTls(issues, p.tls, `${path}.tls`);
  list(p.portLevelSettings).forEach((s, i) => {
    const at = `${path}.portLevelSettings[${i}]`;
    checkConnectionPool(issues, obj(s)?.connectionPool, `${at}.connectionPool`);
    checkLoadBalancer(issues, obj(s)?.loadBalancer, `${at}.loadBalancer`);
    checkOutlierDetection(issues, obj(s)?.outlierDetection, `${at}.outlierDetection`);
    checkClientTls(issues, obj(s)?.tls, `${at}.tls`);
  });
}

type Code = typeof WEBHOOK_CODES[keyof typeof WEBHOOK_CODES];

function nonNegative(issues: Issues, code: Code, o: Record<string, any>, fields: readonly string[], path: string): void {
  for (const f of fields) {
    if (typeof o[f] === 'number' && o[f] < 0) issues.error(code, `${path}.${f}`, `${f} must not be negative (got ${o[f]})`);
  }
}

function checkConnectionPool(issues: Issues, pool: unknown, path: string): void {
  const p = obj(pool);
  if (!p) return;
  const tcp = obj(p.tcp);
  const http = obj(p.http);
  if (!tcp && !http) issues.error(WEBHOOK_CODES.CONNECTION_POOL, path, 'a connection pool must set tcp or http settings; remove the empty connectionPool');
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
  if (http) {
    nonNegative(issues, WEBHOOK_CODES.CONNECTION_POOL, http, ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection', 'maxRetries', 'maxConcurrentStreams'], `${path}.http`);
    checkDuration(issues, http.idleTimeout, `${path}.http.idleTimeout`);
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) {
      issues.error(WEBHOOK_CODES.CONNECTION_POOL, `${path}.http.h2UpgradePolicy`, 'h2UpgradePolicy UPGRADE contradicts useClientProtocol: true (which keeps the client\'s protocol); set only one');
    }
    const keepalive = obj(http.http2KeepAlive);
    if (keepalive) {
      if (keepalive.interval === undefined || keepalive.timeout === undefined) {
        issues.error(WEBHOOK_CODES.CONNECTION_POOL, `${path}.http.http2KeepAlive`, 'http2KeepAlive needs both interval and timeout');
      }
      checkDuration(issues, keepalive.interval, `${path}.http.http2KeepAlive.interval`);
      checkDuration(issues, keepalive.timeout, `${path}.http.http2KeepAlive.timeout`);
    }
  }
}

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

function checkLoadBalancer(issues: Issues, lb: unknown, path: string): void {
  const hash = obj(obj(lb)?.consistentHash);
  if (!hash) return;
  const tableSize = obj(hash.maglev)?.tableSize;
  if (typeof tableSize === 'number' && !isPrime(tableSize)) {
    issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${path}.consistentHash.maglev.tableSize`, `maglev tableSize must be a prime number (got ${tableSize}); 65537 is the usual choice`);
  }
  const cookie = obj(hash.httpCookie);
  if (cookie) {
    if (typeof cookie.name !== 'string' || cookie.name === '') issues.error(WEBHOOK_CODES.LOAD_BALANCER, `${path}.consistentHash.httpCookie.name`, 'the hash cookie needs a name');
    if (cookie.ttl !== undefined) checkDuration(issues, cookie.ttl, `${path}.consistentHash.httpCookie.ttl`, true);
  }
}

function checkOutlierDetection(issues: Issues, od: unknown, path: string): void {
  const o = obj(od);
  if (!o) return;
  nonNegative(issues, WEBHOOK_CODES.OUTLIER_DETECTION, o, ['consecutiveErrors', 'consecutiveGatewayErrors', 'consecutive5xxErrors', 'consecutiveLocalOriginFailures'], path);
  checkDuration(issues, o.interval, `${path}.interval`);
  checkDuration(issues, o.baseEjectionTime, `${path}.baseEjectionTime`);
  for (const f of ['maxEjectionPercent', 'minHealthPercent']) {
    if (typeof o[f] === 'number' && (o[f] < 0 || o[f] > 100)) issues.error(WEBHOOK_CODES.OUTLIER_DETECTION, `${path}.${f}`, `${f} must be within 0-100 (got ${o[f]})`);
  }
  if (o.consecutiveLocalOriginFailures !== undefined && o.splitExternalLocalOriginErrors !== true) {
    issues.error(WEBHOOK_CODES.OUTLIER_DETECTION, `${path}.consecutiveLocalOriginFailures`, 'consecutiveLocalOriginFailures only counts when splitExternalLocalOriginErrors is true; set it');
  }
}

function checkClientTls(issues: Issues, tls: unknown, path: string): void {
  const t = obj(tls);
  if (!t) return;
  if (t.mode === 'SIMPLE' && t.insecureSkipVerify === true && t.caCertificates) {
    issues.error(WEBHOOK_CODES.CLIENT_TLS, `${path}.caCertificates`, 'caCertificates cannot be combined with insecureSkipVerify: true; verify the server or skip verification, not both');
  }
  if (t.mode === 'MUTUAL' && !t.credentialName) {
    if (!t.clientCertificate) issues.error(WEBHOOK_CODES.CLIENT_TLS, `${path}.clientCertificate`, 'MUTUAL without credentialName needs clientCertificate');
    if (!t.privateKey) issues.error(WEBHOOK_CODES.CLIENT_TLS, `${path}.privateKey`, 'MUTUAL without credentialName needs privateKey');
  }
}
