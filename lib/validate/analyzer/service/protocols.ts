/** Protocols Istio recognises in a port name prefix (`<protocol>[-<suffix>]`) or in appProtocol. */
const PROTOCOLS = ['grpc-web', 'grpc', 'http2', 'http', 'https', 'tcp', 'tls', 'udp', 'mongo', 'mysql', 'redis', 'http_proxy'];
export const HTTP2_FAMILY = new Set(['grpc', 'grpc-web', 'http2', 'h2c', 'kubernetes.io/h2c']);
export const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage', 'istio-system']);

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

