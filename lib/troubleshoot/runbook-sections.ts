import { formatLabels, ServiceRunbookModel } from './runbook-model';

/**
 * What `istioctl proxy-config cluster -o json` should show for a DestinationRule traffic policy:
 * Istio's field on the left, Envoy's cluster field it becomes on the right.
 */
export function expectedClusterSettings(trafficPolicy: Record<string, any>): string[] {
  const lines: string[] = [];
  const tcp = trafficPolicy.connectionPool?.tcp ?? {};
  const http = trafficPolicy.connectionPool?.http ?? {};
  const thresholds: string[] = [];
  if (tcp.maxConnections !== undefined) thresholds.push(`maxConnections: ${tcp.maxConnections}`);
  if (http.http1MaxPendingRequests !== undefined) thresholds.push(`maxPendingRequests: ${http.http1MaxPendingRequests}`);
  if (http.http2MaxRequests !== undefined) thresholds.push(`maxRequests: ${http.http2MaxRequests}`);
  if (http.maxRetries !== undefined) thresholds.push(`maxRetries: ${http.maxRetries}`);
  lines.push(thresholds.length
    ? `\`circuitBreakers.thresholds[0]\` has ${thresholds.map((t) => `\`${t}\``).join(', ')} (the DestinationRule's connection pool; exceeding them logs UO);`
    : '`circuitBreakers.thresholds[0]` shows Istio\'s defaults (4294967295): no connection-pool limit is set, so UO cannot come from this DestinationRule;');
  const common: string[] = [];
  if (http.idleTimeout !== undefined) common.push(`idleTimeout: ${http.idleTimeout}`);
  if (http.maxRequestsPerConnection !== undefined) common.push(`maxRequestsPerConnection: ${http.maxRequestsPerConnection}`);
  if (common.length) lines.push(`\`commonHttpProtocolOptions\` has ${common.map((c) => `\`${c}\``).join(', ')};`);
  if (http.maxConcurrentStreams !== undefined) lines.push(`\`http2ProtocolOptions.maxConcurrentStreams: ${http.maxConcurrentStreams}\`;`);
  if (tcp.connectTimeout !== undefined) lines.push(`\`connectTimeout: ${tcp.connectTimeout}\`;`);
  const od = trafficPolicy.outlierDetection;
  if (od) {
    const fields = [
      od.consecutiveGatewayErrors !== undefined ? `consecutiveGatewayFailure: ${od.consecutiveGatewayErrors}` : '',
      od.consecutive5xxErrors !== undefined ? `consecutive5xx: ${od.consecutive5xxErrors}` : '',
      od.interval !== undefined ? `interval: ${od.interval}` : '',
      od.baseEjectionTime !== undefined ? `baseEjectionTime: ${od.baseEjectionTime}` : '',
      od.maxEjectionPercent !== undefined ? `maxEjectionPercent: ${od.maxEjectionPercent}` : '',
    ].filter(Boolean);
    lines.push(`\`outlierDetection\` has ${fields.map((f) => `\`${f}\``).join(', ')};`);
  } else {
    lines.push('no `outlierDetection`: failing pods are never ejected;');
  }
  const lb = trafficPolicy.loadBalancer?.simple;
  if (lb === 'LEAST_REQUEST' || lb === 'LEAST_CONN' || lb === 'RANDOM') lines.push(`\`lbPolicy: ${lb === 'LEAST_CONN' ? 'LEAST_REQUEST' : lb}\`;`);
  const tls = trafficPolicy.tls?.mode;
  if (tls === 'ISTIO_MUTUAL') lines.push('a `transportSocket` named `envoy.transport_sockets.tls` with Istio\'s workload certificate (mTLS).');
  else if (tls === 'DISABLE') lines.push('no `transportSocket`: plain text, so a STRICT PeerAuthentication on the server fails every call (UF/UC).');
  else lines.push('a `transportSocketMatches` entry for `tlsMode: istio` (auto mTLS) when the pods have sidecars.');
  return lines;
}

/** Notes for the flags table, specific to this service's names and settings. */
export function flagNotes(m: ServiceRunbookModel): Map<string, string> {
  const notes = new Map<string, string>();
  const subsets = m.destinationRule?.subsets ?? [];
  if (subsets.length) {
    notes.set('UH', subsets.map((s) => `subset \`${s.name}\` (${formatLabels(s.labels)}) → ${s.workloads.map((w) => `\`${w.name}\``).join(', ') || '**no workload**'}`).join('; ') + '.');
  } else {
    notes.set('UH', `the Service selector \`${formatLabels(m.selector)}\` must match ready pods.`);
  }
  const pool = m.destinationRule?.trafficPolicy.connectionPool;
  if (pool) {
    const limits = [
      pool.tcp?.maxConnections !== undefined ? `maxConnections ${pool.tcp.maxConnections}` : '',
      pool.http?.http2MaxRequests !== undefined ? `http2MaxRequests ${pool.http.http2MaxRequests}` : '',
      pool.http?.maxRetries !== undefined ? `maxRetries ${pool.http.maxRetries}` : '',
    ].filter(Boolean);
    if (limits.length) notes.set('UO', `\`${m.destinationRule!.name}\` sets ${limits.join(', ')} per client sidecar.`);
    if (pool.http?.idleTimeout !== undefined) notes.set('UR', `pool idleTimeout is ${pool.http.idleTimeout}; the server's max_connection_idle/age must be longer.`);
  }
  const timeouts = m.virtualServices.flatMap((vs) => vs.routes.filter((r) => r.timeout || r.retries?.perTryTimeout)
    .map((r) => `${vs.name}/${r.name ?? r.match}: timeout ${r.timeout ?? 'none'}, perTryTimeout ${r.retries?.perTryTimeout ?? 'none'}`));
  if (timeouts.length) notes.set('UT', timeouts.join('; ') + '.');
  const missing = [...new Set(m.virtualServices.flatMap((vs) => vs.routes.flatMap((r) => r.destinations))
    .map((d) => d.subset).filter((s): s is string => s !== undefined && !subsets.some((x) => x.name === s)))];
  if (missing.length) notes.set('NC', `routed subsets missing from the DestinationRule: ${missing.map((s) => `\`${s}\``).join(', ')}.`);
  const portName = m.ports[0].name;
  notes.set('NR', `callers must use \`${m.fqdn}:${m.ports[0].port}\` (or a host the VirtualServices list); port name \`${portName ?? '(unnamed)'}\`.`);
  return notes;
}
