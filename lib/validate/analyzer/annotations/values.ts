import { isIP } from 'net';
import { parseYamlDocuments } from '../../yaml-documents';

type Check = (value: string) => string | undefined;

const uint = (max: number): Check => (v) => (/^\d+$/.test(v) && Number(v) <= max ? undefined : `${JSON.stringify(v)} is not an integer from 0 to ${max}`);
const port: Check = (v) => uint(65535)(v.trim()) && `port ${JSON.stringify(v)} is not a number from 0 to 65535`;
const portList = (field: string, star: boolean): Check => (v) => {
  if (star && v === '*') return undefined;
  const trimmed = v.trim();
  if (trimmed === '') return undefined;
  const bad = trimmed.split(',').find((p) => port(p) !== undefined);
  return bad === undefined ? undefined : `${field}: port ${JSON.stringify(bad)} is not a number from 0 to 65535`;
};
const cidrList = (field: string, star: boolean): Check => (v) => {
  if ((star && v === '*') || v === '') return undefined;
  const bad = v.split(',').find((c) => !isPrefix(c));
  return bad === undefined ? undefined : `${field}: ${JSON.stringify(bad)} is not a CIDR (address/bits)`;
};
/** Go's strconv.ParseBool. */
const bool: Check = (v) => (['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v) ? undefined : `${JSON.stringify(v)} is not a boolean`);
/** A Kubernetes resource quantity (e.g. 100m, 1Gi, 1.5, 2e3). */
const quantity: Check = (v) => (/^[+-]?(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?\d+)?$/.test(v) ? undefined : `${JSON.stringify(v)} is not a resource quantity (e.g. 100m, 128Mi)`);
const interfaces: Check = (v) => (v.split(',').every((i) => i.trim().length > 0 && i.trim().length <= 15 && !/[\s/]/.test(i.trim())) ? undefined : `${JSON.stringify(v)} is not a list of interface names`);
const interception: Check = (v) => (['REDIRECT', 'TPROXY', 'NONE'].includes(v) ? undefined : `interceptionMode ${JSON.stringify(v)} is not REDIRECT, TPROXY or NONE`);
const proxyConfig: Check = (v) => {
  const parsed = parseYamlDocuments(v, 'proxy.istio.io/config');
  if (parsed.problems.length) return `not YAML: ${parsed.problems[0]}`;
  const doc = parsed.sources[0]?.object;
  return doc === undefined || (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) ? undefined : 'not a ProxyConfig mapping';
};

/** The value rules of the annotations the sidecar injector checks (Istio's pkg/kube/inject). */
export const ANNOTATION_VALUE_CHECKS: Readonly<Record<string, Check>> = {
  'sidecar.istio.io/interceptionMode': interception,
  'status.sidecar.istio.io/port': port,
  'readiness.status.sidecar.istio.io/initialDelaySeconds': uint(4294967295),
  'readiness.status.sidecar.istio.io/periodSeconds': uint(4294967295),
  'readiness.status.sidecar.istio.io/failureThreshold': uint(4294967295),
  'traffic.sidecar.istio.io/includeOutboundIPRanges': cidrList('includeIPRanges', true),
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': cidrList('excludeIPRanges', false),
  'traffic.sidecar.istio.io/includeInboundPorts': portList('includeInboundPorts', true),
  'traffic.sidecar.istio.io/excludeInboundPorts': portList('excludeInboundPorts', false),
  'traffic.sidecar.istio.io/excludeOutboundPorts': portList('excludeOutboundPorts', false),
  'traffic.sidecar.istio.io/excludeInterfaces': interfaces,
  'traffic.sidecar.istio.io/kubevirtInterfaces': interfaces,
  'istio.io/reroute-virtual-interfaces': interfaces,
  'prometheus.istio.io/merge-metrics': bool,
  'proxy.istio.io/config': proxyConfig,
  'sidecar.istio.io/proxyCPU': quantity,
  'sidecar.istio.io/proxyMemory': quantity,
  'sidecar.istio.io/proxyCPULimit': quantity,
  'sidecar.istio.io/proxyMemoryLimit': quantity,
};

function isPrefix(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const address = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  const family = isIP(address);
  if (family === 0 || !/^\d+$/.test(bits) || bits.length > 3) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}
