import { GrpcMeshServiceProps } from '../mesh-service-props';

/**
 * Props whose effect only an L7 proxy applies: in ambient mode a waypoint. ztunnel forwards
 * connections (mTLS, L4 policy on principals, namespaces and ports), so without a waypoint these
 * would be ignored. Caller restrictions on the whole service stay L4; per-method ones are paths.
 */
const L7_SERVICE_PROPS = [
  'timeout', 'retries', 'mirrors', 'fault', 'accessLogs', 'methodMetrics',
  // The DestinationRule is read by the waypoint (and sidecar callers), never by ztunnel.
  'loadBalancer', 'connectionPool', 'outlierDetection', 'clientTlsMode', 'consistentHash',
  'localityLbSetting', 'warmup', 'retryBudget',
] as const satisfies readonly (keyof GrpcMeshServiceProps)[];

/** What a declared method sets that needs its own route or an L7 rule. */
const L7_METHOD_PROPS = ['timeout', 'retries', 'allowedPrincipals', 'allowedNamespaces'] as const;

/** The props given that need an L7 proxy, as field paths (`timeout`, `methods[1].retries`), in prop order. */
export function l7PropsOf(props: GrpcMeshServiceProps): string[] {
  const given = L7_SERVICE_PROPS.filter((key) => props[key] !== undefined && props[key] !== false);
  const methods = (props.methods ?? []).flatMap((method, i) =>
    L7_METHOD_PROPS.filter((key) => method?.[key] !== undefined).map((key) => `methods[${i}].${key}`));
  return [...given, ...methods];
}
