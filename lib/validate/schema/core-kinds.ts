import { isDns1123Label } from './object-meta';
import { pushAll } from '../../core/push-all';
import { childPath } from '../path';

/** A core-object problem: where and what. */
export interface CoreViolation {
  readonly path: string;
  readonly message: string;
}

type Checker = (spec: Record<string, any>) => CoreViolation[];

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const PORT_PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const PORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const LETTER = /[a-z]/;

/**
 * The structural rules of the core kinds that matter for a mesh (Services and the workloads they
 * select). Kinds not listed here are not checked.
 */
export function checkCoreObject(apiVersion: string, kind: string, object: Record<string, any>): CoreViolation[] {
  const checker = coreChecker(apiVersion, kind);
  if (!checker) return [];
  const spec = object.spec;
  if (spec === undefined) return kind === 'Service' ? [] : [{ path: 'spec', message: `a ${kind} needs a spec` }];
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) return [{ path: 'spec', message: 'must be an object' }];
  return checker(spec).map((v) => ({ ...v, path: v.path ? `spec.${v.path}` : 'spec' }));
}

function coreChecker(apiVersion: string, kind: string): Checker | undefined {
  if (apiVersion === 'v1' && kind === 'Service') return checkServiceSpec;
  if (apiVersion === 'v1' && kind === 'Pod') return checkPodSpec;
  if (apiVersion === 'apps/v1' && WORKLOAD_KINDS.has(kind)) return checkWorkloadSpec;
  return undefined;
}

function checkServiceSpec(spec: Record<string, any>): CoreViolation[] {
  const out: CoreViolation[] = [];
  const type = spec.type ?? 'ClusterIP';
  if (!SERVICE_TYPES.includes(type)) out.push({ path: 'type', message: `"${type}" is not ClusterIP, NodePort, LoadBalancer or ExternalName` });
  if (type === 'ExternalName' && typeof spec.externalName !== 'string') out.push({ path: 'externalName', message: 'an ExternalName Service needs externalName' });
  const ports = spec.ports;
  if (ports === undefined) {
    if (type !== 'ExternalName' && spec.clusterIP !== 'None') out.push({ path: 'ports', message: 'a Service needs at least one port' });
  } else if (!Array.isArray(ports)) {
    out.push({ path: 'ports', message: 'must be a list' });
  } else {
    const names = new Set<string>();
    ports.forEach((port: any, i: number) => {
      const at = childPath('ports', i);
      if (port === null || typeof port !== 'object') {
        out.push({ path: at, message: 'must be an object' });
        return;
      }
      if (!isPortNumber(port.port)) out.push({ path: `${at}.port`, message: `must be a whole number from 1 to 65535 (got ${JSON.stringify(port.port)})` });
      if (port.targetPort !== undefined && !isPortNumber(port.targetPort) && !(typeof port.targetPort === 'string' && isPortName(port.targetPort))) {
        out.push({ path: `${at}.targetPort`, message: `must be a port number 1-65535 or a named container port (got ${JSON.stringify(port.targetPort)})` });
      }
      if (port.protocol !== undefined && !PORT_PROTOCOLS.includes(port.protocol)) out.push({ path: `${at}.protocol`, message: `"${port.protocol}" is not TCP, UDP or SCTP` });
      if (port.appProtocol !== undefined && typeof port.appProtocol !== 'string') out.push({ path: `${at}.appProtocol`, message: 'must be a string' });
      if (port.name !== undefined) {
        if (typeof port.name !== 'string' || !isDns1123Label(port.name)) out.push({ path: `${at}.name`, message: `port name ${JSON.stringify(port.name)} must be a DNS-1123 label` });
        else if (names.has(port.name)) out.push({ path: `${at}.name`, message: `port name "${port.name}" is used twice` });
        else names.add(port.name);
      } else if (ports.length > 1) {
        out.push({ path: `${at}.name`, message: 'every port of a multi-port Service needs a name' });
      }
    });
  }
  if (spec.selector !== undefined) pushAll(out, stringMap(spec.selector, 'selector'));
  return out;
}

function checkWorkloadSpec(spec: Record<string, any>): CoreViolation[] {
  const out: CoreViolation[] = [];
  if (spec.replicas !== undefined && !(Number.isInteger(spec.replicas) && spec.replicas >= 0)) out.push({ path: 'replicas', message: `must be a whole number >= 0 (got ${JSON.stringify(spec.replicas)})` });
  const matchLabels = spec.selector?.matchLabels;
  if (!spec.selector || (matchLabels === undefined && spec.selector.matchExpressions === undefined)) {
    out.push({ path: 'selector', message: 'required: the labels that pick this workload\'s pods' });
  } else if (matchLabels !== undefined) {
    pushAll(out, stringMap(matchLabels, 'selector.matchLabels'));
    const podLabels = spec.template?.metadata?.labels ?? {};
    for (const [key, value] of Object.entries(matchLabels ?? {})) {
      if (podLabels[key] !== value) {
        out.push({ path: 'template.metadata.labels', message: `selector ${key}=${String(value)} does not match the pod template labels; the API server refuses a workload whose selector misses its own pods` });
      }
    }
  }
  if (!spec.template || typeof spec.template !== 'object') out.push({ path: 'template', message: 'required: the pod template' });
  else pushAll(out, checkPodSpec(spec.template.spec ?? {}).map((v) => ({ ...v, path: `template.spec${v.path ? `.${v.path}` : ''}` })));
  return out;
}

function checkPodSpec(spec: Record<string, any>): CoreViolation[] {
  const out: CoreViolation[] = [];
  const containers = spec.containers;
  if (!Array.isArray(containers) || containers.length === 0) return [{ path: 'containers', message: 'a pod needs at least one container' }];
  const names = new Set<string>();
  containers.forEach((c: any, i: number) => {
    const at = childPath('containers', i);
    if (c === null || typeof c !== 'object') {
      out.push({ path: at, message: 'must be an object' });
      return;
    }
    if (typeof c.name !== 'string' || !isDns1123Label(c.name)) out.push({ path: `${at}.name`, message: `container name ${JSON.stringify(c.name)} must be a DNS-1123 label` });
    else if (names.has(c.name)) out.push({ path: `${at}.name`, message: `container name "${c.name}" is used twice` });
    else names.add(c.name);
    if (typeof c.image !== 'string' || c.image.trim() === '') out.push({ path: `${at}.image`, message: 'required: the container image' });
    (Array.isArray(c.ports) ? c.ports : []).forEach((p: any, j: number) => {
      if (!isPortNumber(p?.containerPort)) out.push({ path: `${at}.ports[${j}].containerPort`, message: `must be a whole number from 1 to 65535 (got ${JSON.stringify(p?.containerPort)})` });
      if (p?.name !== undefined && !(typeof p.name === 'string' && isPortName(p.name))) out.push({ path: `${at}.ports[${j}].name`, message: `port name ${JSON.stringify(p.name)} must be an IANA service name (at most 15 lower-case letters, digits and '-')` });
    });
  });
  return out;
}

function isPortNumber(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;
}

/** IANA service names: what named container ports and string targetPorts must be. */
function isPortName(value: string): boolean {
  return value.length <= 15 && PORT_NAME.test(value) && LETTER.test(value) && !value.includes('--');
}

function stringMap(map: unknown, path: string): CoreViolation[] {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return [{ path, message: 'must be a map of strings' }];
  const out: CoreViolation[] = [];
  const entries = map as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    const value = entries[key];
    if (typeof value !== 'string') out.push({ path: childPath(path, key), message: `value must be a string (got ${JSON.stringify(value)}); quote it in YAML` });
  }
  return out;
}
