import { WEBHOOK_CODES } from './codes';
import { checkExportTo } from './export-to';
import { Issues, list, obj } from './issues';
import { fqdnProblem, isIpAddress, isIstioDnsLabel, partialWildcardProblem, wildcardDomainProblem } from './istio-hosts';
import { ipSubnetProblem } from './l4-match';
import { UNIX_PREFIX, unixAddressProblem } from './unix-address';
import { reportBadSelectorLabels } from './workload-selector';
import { labelProblem } from '../../core/hosts';

const PROTOCOLS = new Set(['HTTP', 'HTTPS', 'GRPC', 'GRPC-WEB', 'HTTP2', 'HTTP_PROXY', 'MONGO', 'REDIS', 'MYSQL', 'TCP', 'TLS', 'UDP']);
const HTTP = new Set(['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-WEB']);
const TLS = new Set(['HTTPS', 'TLS']);
const TCP = new Set(['TCP', 'HTTPS', 'TLS', 'MONGO', 'REDIS', 'MYSQL']);
const C = WEBHOOK_CODES.SERVICE_ENTRY;

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : '');

/** Whether the labels name a waypoint (`istio.io/use-waypoint` set to anything but none). */
function usesWaypoint(labels: Record<string, unknown>): boolean {
  const value = labels['istio.io/use-waypoint'];
  return typeof value === 'string' && value !== '' && value.toLowerCase() !== 'none';
}

/**
 * Whether Istio would allocate addresses for the entry (ShouldV2AutoAllocateIPFromConfig, with
 * PILOT_ENABLE_IP_AUTOALLOCATE at its default, on): not for resolution NONE, not when the user
 * opts out by label or gives addresses.
 */
function autoAllocates(resolution: string, labels: Record<string, unknown>, addresses: readonly string[]): boolean {
  if (resolution === 'NONE') return false;
  const optIn = labels['networking.istio.io/enable-autoallocate-ip'];
  if (typeof optIn === 'string' && optIn.toLowerCase() === 'false') return false;
  return addresses.length === 0;
}

/** Istio's ValidateServiceEntry; `objectLabels` are the object's own labels. */
export function checkServiceEntry(issues: Issues, spec: Record<string, any>, namespace: string, objectLabels: Record<string, unknown> = {}): void {
  const selector = obj(spec.workloadSelector);
  if (selector) {
    const labels = obj(selector.labels) ?? {};
    // Istio stops here: a bad selector is the only error it reports.
    if (reportBadSelectorLabels(issues, C, labels)) return;
    if (Object.keys(labels).length === 0) issues.warn(C, 'spec.workloadSelector', 'service entry: workload selector specified without labels, will be applied to all services in namespace');
    if (spec.endpoints !== undefined && spec.endpoints !== null) issues.error(C, 'spec', 'only one of workloadSelector or endpoints is allowed in Service Entry');
  }
  const resolution = typeof spec.resolution === 'string' ? spec.resolution : 'NONE';
  const hosts = list(spec.hosts).map(String);
  if (hosts.length === 0) issues.error(C, 'spec.hosts', 'service entry must have at least one host');
  hosts.forEach((host, i) => {
    const at = `spec.hosts[${i}]`;
    if (host === '*') {
      issues.error(C, at, 'invalid host *');
      return;
    }
    const problem = wildcardDomainProblem(host);
    if (problem) issues.error(C, at, problem);
    const partial = partialWildcardProblem(host);
    if (resolution !== 'DYNAMIC_DNS' && partial) issues.warn(C, at, partial);
  });
  const addresses = list(spec.addresses).map(String);
  let cidr = false;
  addresses.forEach((a, i) => {
    cidr ||= a.includes('/');
    const problem = ipSubnetProblem(a);
    if (problem) issues.error(C, `spec.addresses[${i}]`, problem);
  });
  if (cidr && resolution !== 'NONE' && resolution !== 'STATIC') issues.error(C, 'spec.addresses', 'CIDR addresses are allowed only for NONE/STATIC resolution types');

  const ports = list(spec.ports);
  const portNames = new Set<string>();
  const portNumbers = new Set<number>();
  ports.forEach((raw, i) => {
    const p = obj(raw);
    const at = `spec.ports[${i}]`;
    if (!p) {
      issues.error(C, at, 'service entry port may not be null');
      return;
    }
    const name = typeof p.name === 'string' ? p.name : '';
    if (portNames.has(name)) issues.error(C, `${at}.name`, `service entry port name "${name}" already defined`);
    portNames.add(name);
    const number = typeof p.number === 'number' ? p.number : 0;
    if (portNumbers.has(number)) issues.error(C, `${at}.number`, `service entry port ${number} already defined`);
    portNumbers.add(number);
    if (typeof p.targetPort === 'number' && p.targetPort !== 0 && !(p.targetPort >= 1 && p.targetPort <= 65535)) issues.error(C, `${at}.targetPort`, `port number ${p.targetPort} must be in the range 1..65535`);
    if (!isIstioDnsLabel(name)) issues.error(C, `${at}.name`, `invalid port name: ${name}`);
    if (typeof p.protocol === 'string' && p.protocol !== '' && !PROTOCOLS.has(upper(p.protocol))) issues.error(C, `${at}.protocol`, `unsupported protocol: ${p.protocol}`);
    if (!(number >= 1 && number <= 65535)) issues.error(C, `${at}.number`, `port number ${number} must be in the range 1..65535`);
    // Without an address, plain TCP needs one allocated to route by (Istio compares the protocol as written).
    const protocol = typeof p.protocol === 'string' ? p.protocol : '';
    if (addresses.length === 0 && !autoAllocates(resolution, objectLabels, addresses) && (protocol === '' || protocol === 'TCP')) {
      issues.warn(C, `${at}.protocol`, 'addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled');
    }
  });

  const endpoints = list(spec.endpoints);
  switch (resolution) {
    case 'NONE':
      if (endpoints.length) issues.error(C, 'spec.endpoints', 'no endpoints should be provided for resolution type none');
      if (selector) issues.warn(C, 'spec.workloadSelector', 'workloadSelector should not be set when resolution mode is NONE');
      break;
    case 'STATIC':
      endpoints.forEach((e, i) => checkWorkloadEntrySpec(issues, e, `spec.endpoints[${i}]`, portNames, false));
      break;
    case 'DNS':
    case 'DNS_ROUND_ROBIN':
      if (endpoints.length === 0) {
        const bad = hosts.map(fqdnProblem).find((p) => p !== undefined);
        if (bad) issues.error(C, 'spec.hosts', `hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode ${resolution}, ${bad}`);
      }
      if (resolution === 'DNS_ROUND_ROBIN' && endpoints.length > 1) issues.error(C, 'spec.endpoints', `there must only be 0 or 1 endpoint for resolution mode ${resolution}`);
      endpoints.forEach((raw, i) => {
        const e = obj(raw);
        const at = `spec.endpoints[${i}]`;
        if (!e) {
          issues.error(C, at, 'endpoint cannot be nil');
          return;
        }
        const address = typeof e.address === 'string' ? e.address : '';
        if (!isIpAddress(address) && fqdnProblem(address)) issues.error(C, `${at}.address`, `endpoint address "${address}" is not a valid FQDN or an IP address`);
        checkEndpointLabelsAndPorts(issues, e, at, portNames);
      });
      if (addresses.length > 0 && hosts.length > 1 && ports.some((p) => TCP.has(upper(obj(p)?.protocol)))) {
        issues.warn(C, 'spec.hosts', 'service entry can not have more than one host specified simultaneously with address and tcp port');
      }
      break;
    case 'DYNAMIC_DNS':
      if (hosts.some((h) => !h.startsWith('*'))) issues.error(C, 'spec.hosts', `host must be wildcarded for resolution mode ${resolution}`);
      if (addresses.length) issues.error(C, 'spec.addresses', `addresses cannot be set for resolution type ${resolution}`);
      if (endpoints.length) issues.error(C, 'spec.endpoints', `endpoints cannot be set for resolution type ${resolution}`);
      ports.forEach((p, i) => {
        if (!['HTTP', 'TLS', 'GRPC', 'HTTP2'].includes(upper(obj(p)?.protocol))) issues.error(C, `spec.ports[${i}].protocol`, `only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type ${resolution}`);
      });
      {
        const location = typeof spec.location === 'string' ? spec.location : 'MESH_EXTERNAL';
        if (location !== 'MESH_EXTERNAL' && location !== 'MESH_INTERNAL') issues.error(C, 'spec.location', `location must be MESH_EXTERNAL or MESH_INTERNAL for resolution type ${resolution}`);
        if (location === 'MESH_INTERNAL' && usesWaypoint(objectLabels)) issues.error(C, 'spec.location', `location MESH_INTERNAL with resolution type ${resolution} is not supported when using waypoints`);
      }
      break;
    default:
      issues.error(C, 'spec.resolution', `unsupported resolution type ${resolution}`);
  }
  if (resolution !== 'NONE' && hosts.length > 1 && ports.some((p) => !HTTP.has(upper(obj(p)?.protocol)) && !TLS.has(upper(obj(p)?.protocol)))) {
    issues.error(C, 'spec.ports', 'multiple hosts provided with non-HTTP, non-TLS ports');
  }
  checkExportTo(issues, spec.exportTo, namespace, { serviceEntry: true });
}

function checkEndpointLabelsAndPorts(issues: Issues, e: Record<string, any>, at: string, servicePorts: ReadonlySet<string> | undefined): void {
  for (const [key, value] of Object.entries(obj(e.labels) ?? {})) {
    const problem = labelProblem(key, value);
    if (problem) issues.error(C, `${at}.labels.${key}`, problem);
  }
  for (const [name, port] of Object.entries(obj(e.ports) ?? {})) {
    if (servicePorts && !servicePorts.has(name)) issues.error(C, `${at}.ports.${name}`, `endpoint port ${String(port)} is not defined by the service entry`);
    if (!isIstioDnsLabel(name)) issues.error(C, `${at}.ports.${name}`, `invalid port name: ${name}`);
    if (!(typeof port === 'number' && port >= 1 && port <= 65535)) issues.error(C, `${at}.ports.${name}`, `port number ${String(port)} must be in the range 1..65535`);
  }
}

/**
 * Istio's validateWorkloadEntry, for a WorkloadEntry spec or a STATIC ServiceEntry endpoint:
 * an address (IP, unix socket, or FQDN where allowed) unless a network is named.
 */
export function checkWorkloadEntrySpec(
  issues: Issues, raw: unknown, at: string, servicePorts: ReadonlySet<string> | undefined, allowFqdn: boolean,
): void {
  const e = obj(raw);
  if (!e) {
    issues.error(C, at, 'endpoint cannot be nil');
    return;
  }
  const address = typeof e.address === 'string' ? e.address : '';
  if (address === '') {
    if (!e.network) {
      issues.error(C, `${at}.address`, 'address is required');
      return;
    }
    issues.warn(C, `${at}.address`, `address is unset with network "${String(e.network)}"`);
  }
  const unix = address.startsWith(UNIX_PREFIX);
  if (unix) {
    const problem = unixAddressProblem(address.slice(UNIX_PREFIX.length));
    if (problem) issues.error(C, `${at}.address`, problem);
    if (Object.keys(obj(e.ports) ?? {}).length) issues.error(C, `${at}.ports`, `unix endpoint ${address} must not include ports`);
  } else if (address !== '' && !isIpAddress(address)) {
    if (!allowFqdn) issues.error(C, `${at}.address`, `endpoint address "${address}" is not a valid IP address`);
    else if (fqdnProblem(address)) issues.error(C, `${at}.address`, `endpoint address "${address}" is not a valid FQDN or an IP address`);
  }
  checkEndpointLabelsAndPorts(issues, e, at, servicePorts);
  if (unix && servicePorts && servicePorts.size !== 1) issues.error(C, at, 'exactly 1 service port required for unix endpoints');
}
