import { IST } from './codes';
import { fqdn, listOf, MeshIndex, namespaceOf, objOf } from './mesh-index';
import { hostCovers, hostsOverlap } from '../../core/hosts';
import { KubeObject } from '../../core/kube-object';
import { Finding, findingOf } from '../finding';

/** A destination of a VirtualService rule (route, mirror) and where it sits. */
export interface DestinationRef {
  readonly destination: Record<string, any>;
  readonly path: string;
  readonly mirror: boolean;
}

/** Every destination of a VirtualService: http routes and mirrors, tcp and tls routes. */
export function destinationsOf(vs: KubeObject): DestinationRef[] {
  const spec = objOf((vs as any).spec);
  const out: DestinationRef[] = [];
  for (const kind of ['http', 'tcp', 'tls'] as const) {
    listOf(spec[kind]).forEach((rule, i) => {
      listOf(objOf(rule).route).forEach((r, j) => {
        if (objOf(r).destination) out.push({ destination: objOf(objOf(r).destination), path: `spec.${kind}[${i}].route[${j}].destination`, mirror: false });
      });
      if (kind !== 'http') return;
      if (objOf(rule).mirror) out.push({ destination: objOf(objOf(rule).mirror), path: `spec.http[${i}].mirror`, mirror: true });
      listOf(objOf(rule).mirrors).forEach((m, j) => {
        if (objOf(m).destination) out.push({ destination: objOf(objOf(m).destination), path: `spec.http[${i}].mirrors[${j}].destination`, mirror: true });
      });
    });
  }
  return out;
}

/** The gateways a VirtualService binds (an empty list means the mesh). */
export function gatewaysOf(vs: KubeObject): string[] {
  return listOf(objOf((vs as any).spec).gateways).filter((g): g is string => typeof g === 'string');
}

/** Whether a VirtualService applies to sidecars. */
export function appliesToMesh(vs: KubeObject): boolean {
  const gateways = gatewaysOf(vs);
  return gateways.length === 0 || gateways.includes('mesh');
}

/** IST0101/IST0112: destination hosts, ports and subsets that do not exist. */
export function checkDestinations(index: MeshIndex, vs: KubeObject, out: Finding[]): void {
  const ns = namespaceOf(vs);
  for (const { destination, path } of destinationsOf(vs)) {
    const host = typeof destination.host === 'string' ? destination.host : '';
    if (!host || host.includes('*')) continue;
    if (!index.hostKnown(host, ns)) {
      out.push(findingOf(vs, IST.REFERENCED_RESOURCE_NOT_FOUND.severity, IST.REFERENCED_RESOURCE_NOT_FOUND.code,
        `destination host ${host} matches no Service or ServiceEntry; check the name and namespace (${fqdn(host, ns)})`, `${path}.host`));
      continue;
    }
    const service = index.service(host, ns);
    const ports = listOf(objOf((service as any)?.spec).ports).map((p) => objOf(p).port);
    const port = objOf(destination.port).number;
    if (service && port !== undefined && !ports.includes(port)) {
      out.push(findingOf(vs, IST.REFERENCED_RESOURCE_NOT_FOUND.severity, IST.REFERENCED_RESOURCE_NOT_FOUND.code,
        `destination ${host}:${port} not found: the Service exposes port${ports.length > 1 ? 's' : ''} ${ports.join(', ')}`, `${path}.port.number`));
    } else if (service && port === undefined && ports.length > 1) {
      out.push(findingOf(vs, IST.DESTINATION_PORT_SELECTOR_REQUIRED.severity, IST.DESTINATION_PORT_SELECTOR_REQUIRED.code,
        `the Service ${host} exposes ${ports.length} ports (${ports.join(', ')}), so the destination must name one in port.number`, path));
    }
    if (typeof destination.subset === 'string' && !subsetDefined(index, fqdn(host, ns), destination.subset)) {
      out.push(findingOf(vs, IST.REFERENCED_RESOURCE_NOT_FOUND.severity, IST.REFERENCED_RESOURCE_NOT_FOUND.code,
        `subset ${destination.subset} of host ${host} is not defined by any DestinationRule; add it to the DestinationRule's subsets`, `${path}.subset`));
    }
  }
}

function subsetDefined(index: MeshIndex, host: string, subset: string): boolean {
  return index.destinationRulesFor(host).some((dr) => {
    const spec = objOf((dr as any).spec);
    const drHost = fqdn(String(spec.host ?? ''), namespaceOf(dr));
    return hostCovers(drHost, host) && listOf(spec.subsets).some((s) => objOf(s).name === subset);
  });
}

/** IST0101/IST0132: gateways that do not exist, and hosts a bound gateway does not serve. */
export function checkGatewayBindings(index: MeshIndex, vs: KubeObject, out: Finding[]): void {
  const ns = namespaceOf(vs);
  const hosts = listOf(objOf((vs as any).spec).hosts).filter((h): h is string => typeof h === 'string');
  gatewaysOf(vs).forEach((ref, i) => {
    if (ref === 'mesh') return;
    const key = ref.includes('/') ? ref : `${ns}/${ref}`;
    const gateway = index.gateways.get(key);
    if (!gateway) {
      out.push(findingOf(vs, IST.REFERENCED_RESOURCE_NOT_FOUND.severity, IST.REFERENCED_RESOURCE_NOT_FOUND.code,
        `gateway ${key} not found; reference it as <namespace>/<name>`, `spec.gateways[${i}]`));
    }
    const served = gateway ? serverHosts(gateway, ns) : [];
    hosts.forEach((host, j) => {
      if (served.some((s) => hostsOverlap(s, host))) return;
      out.push(findingOf(vs, IST.HOST_NOT_FOUND_IN_GATEWAY.severity, IST.HOST_NOT_FOUND_IN_GATEWAY.code,
        `host ${host} is not served by gateway ${key}${served.length ? ` (it serves ${served.join(', ')})` : ''}; add the host to a gateway server`, `spec.hosts[${j}]`));
    });
  });
}

/** The hosts a gateway's servers accept from VirtualServices in `vsNamespace`. */
function serverHosts(gateway: KubeObject, vsNamespace: string): string[] {
  const gwNamespace = namespaceOf(gateway);
  return listOf(objOf((gateway as any).spec).servers).flatMap((s) => listOf(objOf(s).hosts)).flatMap((raw) => {
    const [scope, host] = String(raw).includes('/') ? String(raw).split('/', 2) : ['*', String(raw)];
    const visible = scope === '*' || (scope === '.' ? gwNamespace === vsNamespace : scope === vsNamespace);
    return visible ? [host] : [];
  });
}
