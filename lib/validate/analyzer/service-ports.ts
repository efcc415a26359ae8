import { ANALYZER_CODES, IST } from './codes';
import { listOf, namespaceOf, objOf } from './mesh-index';
import { KubeObject } from '../../core/kube-object';
import { Finding, findingOf } from '../finding';

/** Protocols Istio recognises in a port name prefix (`<protocol>[-<suffix>]`) or in appProtocol. */
const PROTOCOLS = ['grpc-web', 'grpc', 'http2', 'http', 'https', 'tcp', 'tls', 'udp', 'mongo', 'mysql', 'redis', 'http_proxy'];
const HTTP2_FAMILY = new Set(['grpc', 'grpc-web', 'http2', 'h2c', 'kubernetes.io/h2c']);
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage', 'istio-system']);

/** The protocol Istio reads from a port name, if it follows the convention. */
export function protocolFromName(name: string): string | undefined {
  const lower = name.toLowerCase();
  return PROTOCOLS.find((p) => lower === p || lower.startsWith(`${p}-`));
}

/** Whether Istio treats a Service port as HTTP/2 (gRPC included), from appProtocol first, then the name. */
export function isHttp2Port(port: Record<string, any>): boolean {
  if (typeof port.appProtocol === 'string') return HTTP2_FAMILY.has(port.appProtocol.toLowerCase());
  const protocol = protocolFromName(String(port.name ?? ''));
  return protocol !== undefined && HTTP2_FAMILY.has(protocol);
}

/** IST0118/IST0150/IGR3004: ports whose protocol Istio cannot tell, or tells differently than meant. */
export function checkServicePorts(svc: KubeObject, out: Finding[]): void {
  const spec = objOf((svc as any).spec);
  const external = spec.type === 'ExternalName';
  listOf(spec.ports).forEach((raw, i) => {
    const port = objOf(raw);
    const name = typeof port.name === 'string' ? port.name : '';
    const fromName = protocolFromName(name);
    const appProtocol = typeof port.appProtocol === 'string' ? port.appProtocol.toLowerCase() : undefined;
    if (external) {
      if (fromName === 'tcp' && !appProtocol) {
        out.push(findingOf(svc, IST.EXTERNAL_NAME_INVALID_PORT_NAME.severity, IST.EXTERNAL_NAME_INVALID_PORT_NAME.code,
          `port ${String(port.port)} of an ExternalName Service is named for TCP, which the proxy may keep from reaching the external service; name it for its protocol (e.g. https, tls)`, `spec.ports[${i}].name`));
      }
      return;
    }
    if (!fromName && !appProtocol && !SYSTEM_NAMESPACES.has(namespaceOf(svc))) {
      out.push(findingOf(svc, IST.PORT_NAME_CONVENTION.severity, IST.PORT_NAME_CONVENTION.code,
        `port ${String(port.port)}${name ? ` (${name})` : ''} does not follow <protocol>[-<suffix>] and has no appProtocol, so Istio must guess its protocol; for gRPC name it grpc or set appProtocol: grpc`, `spec.ports[${i}]`));
    }
    if (fromName && HTTP2_FAMILY.has(fromName) && appProtocol !== undefined && !HTTP2_FAMILY.has(appProtocol)) {
      out.push(findingOf(svc, ANALYZER_CODES.GRPC_PORT_APP_PROTOCOL_MISMATCH.severity, ANALYZER_CODES.GRPC_PORT_APP_PROTOCOL_MISMATCH.code,
        `port ${name} is named for ${fromName} but appProtocol is ${appProtocol}; Istio follows appProtocol, so the port is not treated as HTTP/2; set appProtocol: grpc`, `spec.ports[${i}].appProtocol`));
    }
  });
}
