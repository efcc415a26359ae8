import { GATEWAY_API_GROUP } from '../../../core/gateway-api-group';
import { KubeObject } from '../../../core/kube-object';
import { namespaceOf, objOf } from '../objects';


/** The route kinds of the Gateway API (standard channel). */
export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;

/** Whether an object belongs to the Gateway API group. */
export function isGatewayApi(o: KubeObject): boolean {
  return o.apiVersion.startsWith(`${GATEWAY_API_GROUP}/`);
}

/** A reference as written, with the Gateway API defaults filled in. */
export interface ObjectRef {
  /** `""` for the core group. */
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** Whether the reference names its namespace (a cross-namespace reference needs a grant). */
  readonly explicitNamespace: boolean;
}

/**
 * A parentRef, backendRef or certificateRef with the API's defaults: group `defaultGroup`,
 * kind `defaultKind`, namespace the referring object's; `core` counts as the core group.
 */
export function refOf(raw: unknown, from: KubeObject, defaultGroup: string, defaultKind: string): ObjectRef {
  const r = objOf(raw);
  const group = typeof r.group === 'string' ? (r.group === 'core' ? '' : r.group) : defaultGroup;
  const explicitNamespace = typeof r.namespace === 'string' && r.namespace !== '';
  return {
    group,
    kind: typeof r.kind === 'string' && r.kind !== '' ? r.kind : defaultKind,
    name: typeof r.name === 'string' ? r.name : '',
    namespace: explicitNamespace ? r.namespace : namespaceOf(from),
    explicitNamespace,
  };
}

/** `namespace/name`, the key of the indexes here. */
export function keyOf(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
