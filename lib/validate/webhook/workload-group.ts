import { WEBHOOK_CODES } from './codes';
import { Issues, list, obj } from './issues';
import { labelProblem } from '../../core/hosts';

const C = WEBHOOK_CODES.WORKLOAD_GROUP;
const PROBE_COUNTS = ['periodSeconds', 'initialDelaySeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'];

/**
 * Istio's ValidateWorkloadGroup: a template is required (its address may stay empty: it is filled
 * in per workload), metadata labels must be valid, and the readiness probe must be well formed.
 */
export function checkWorkloadGroup(issues: Issues, spec: Record<string, any>): void {
  if (!obj(spec.template)) return issues.error(C, 'spec.template', 'template is required');
  for (const [key, value] of Object.entries(obj(obj(spec.metadata)?.labels) ?? {})) {
    const problem = labelProblem(key, value);
    // Istio returns on the first bad label, before looking at the probe.
    if (problem) return issues.error(C, `spec.metadata.labels.${key}`, `invalid labels: ${problem}`);
  }
  const probe = obj(spec.probe);
  if (probe) checkReadinessProbe(issues, probe, 'spec.probe');
}

function checkReadinessProbe(issues: Issues, probe: Record<string, any>, at: string): void {
  for (const field of PROBE_COUNTS) {
    if (typeof probe[field] === 'number' && probe[field] < 0) issues.error(C, `${at}.${field}`, `${field} must be non-negative`);
  }
  const httpGet = obj(probe.httpGet);
  const tcpSocket = obj(probe.tcpSocket);
  const exec = obj(probe.exec);
  if (httpGet) {
    if (!validPort(httpGet.port)) issues.error(C, `${at}.httpGet.port`, `port number ${String(httpGet.port ?? 0)} must be in the range 1..65535`);
    if (httpGet.scheme !== undefined && httpGet.scheme !== '' && httpGet.scheme !== 'HTTPS' && httpGet.scheme !== 'HTTP') {
      issues.error(C, `${at}.httpGet.scheme`, 'httpGet.scheme must be one of "HTTPS", "HTTP"');
    }
    list(httpGet.httpHeaders).forEach((raw, i) => {
      const header = obj(raw);
      if (!header) return issues.error(C, `${at}.httpGet.httpHeaders[${i}]`, 'invalid nil header');
      const name = typeof header.name === 'string' ? header.name : '';
      // Istio follows Kubernetes probes here: letters, digits and '-' only.
      if (name === '') issues.error(C, `${at}.httpGet.httpHeaders[${i}].name`, 'header name cannot be empty');
      else if (!/^[-A-Za-z0-9]+$/.test(name)) issues.error(C, `${at}.httpGet.httpHeaders[${i}].name`, `header name ${name} is not a valid header name`);
    });
  } else if (tcpSocket) {
    if (!validPort(tcpSocket.port)) issues.error(C, `${at}.tcpSocket.port`, `port number ${String(tcpSocket.port ?? 0)} must be in the range 1..65535`);
  } else if (exec) {
    if (list(exec.command).length === 0) issues.error(C, `${at}.exec.command`, 'exec.command is required');
  } else {
    issues.error(C, at, 'unknown health check method <nil>: set httpGet, tcpSocket or exec');
  }
}

function validPort(port: unknown): boolean {
  return typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535;
}
