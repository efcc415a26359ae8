import { GatewayApiIndex } from './index';
import { GATEWAY_API_GROUP } from '../../../core/gateway-api-group';
import { labelSelectorMatches, listOf, objOf } from '../objects';

/** The route kinds each standard listener protocol carries (Gateway API spec; Istio's table without TLS-mode nuance). */
const PROTOCOL_ROUTE_KINDS: Readonly<Record<string, readonly string[]>> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute', 'TCPRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

/** A listener of a Gateway, read defensively. */
export interface Listener {
  readonly name: string;
  readonly port?: number;
  readonly protocol: string;
  readonly hostname?: string;
  readonly allowedRoutes: Record<string, any>;
}

/** The listeners of a Gateway spec. */
export function listenersOf(spec: Record<string, any>): Listener[] {
  return listOf(spec.listeners).map(objOf).map((l) => ({
    name: String(l.name ?? ''),
    port: typeof l.port === 'number' ? l.port : undefined,
    protocol: String(l.protocol ?? ''),
    hostname: typeof l.hostname === 'string' && l.hostname !== '' ? l.hostname : undefined,
    allowedRoutes: objOf(l.allowedRoutes),
  }));
}

/** `name (port/PROTOCOL)`, for messages. */
export function describeListener(l: Listener): string {
  return `${l.name} (${l.port ?? '?'}/${l.protocol})`;
}

/**
 * Why a listener does not admit routes of `kind`, or undefined when it does: the protocol's
 * route kinds (implementation-specific protocols are not judged), then `allowedRoutes.kinds`.
 */
export function kindRefusal(l: Listener, kind: string): string | undefined {
  const supported = PROTOCOL_ROUTE_KINDS[l.protocol];
  if (supported && !supported.includes(kind)) return `protocol ${l.protocol} carries ${supported.join(' and ')} only`;
  const kinds = listOf(l.allowedRoutes.kinds).map(objOf);
  if (kinds.length > 0 && !kinds.some((k) => k.kind === kind && (k.group ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP)) {
    return `allowedRoutes.kinds lists ${kinds.map((k) => String(k.kind)).join(', ')}`;
  }
  return undefined;
}

/**
 * Why a listener of a Gateway in `gatewayNamespace` does not admit routes from `routeNamespace`
 * (`allowedRoutes.namespaces.from`, default Same), or undefined when it does or cannot be told
 * (a Selector on labels of a Namespace the input does not hold).
 */
export function namespaceRefusal(index: GatewayApiIndex, l: Listener, gatewayNamespace: string, routeNamespace: string): string | undefined {
  const namespaces = objOf(l.allowedRoutes.namespaces);
  const from = typeof namespaces.from === 'string' ? namespaces.from : 'Same';
  if (from === 'All') return undefined;
  if (from === 'Same') return gatewayNamespace === routeNamespace ? undefined : `allowedRoutes.namespaces.from is Same (${gatewayNamespace})`;
  if (from !== 'Selector') return undefined;
  const { labels, known } = index.namespaceLabels(routeNamespace);
  if (labelSelectorMatches(namespaces.selector ?? {}, labels)) return undefined;
  if (!known && !selectsOnNameOnly(namespaces.selector)) return undefined;
  return `allowedRoutes.namespaces.selector does not select namespace ${routeNamespace}${known ? '' : ' (not in the input: judged by its name label)'}`;
}

function selectsOnNameOnly(selector: unknown): boolean {
  const s = objOf(selector);
  const keys = [...Object.keys(objOf(s.matchLabels)), ...listOf(s.matchExpressions).map((e) => objOf(e).key)];
  return keys.length > 0 && keys.every((k) => k === 'kubernetes.io/metadata.name');
}
