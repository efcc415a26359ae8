import { MAX_STREAM_DURATION_ANNOTATION, SERVER_KEEPALIVE_ANNOTATION, STREAMING_METHODS_ANNOTATION } from '../annotations';
import { LifecycleModel, MeshServiceModel } from '../mesh-service-model';
import { StreamingKind } from '../method';
import { PreStopAction } from '../stream-lifecycle';

/** Proxy metadata key that makes the sidecar exit once no connection is left while draining. */
export const EXIT_ON_ZERO_ACTIVE_CONNECTIONS = 'EXIT_ON_ZERO_ACTIVE_CONNECTIONS';

/** The ProxyConfig of a pod without the lifecycle profile: the same text for every service. */
const PROXY_CONFIG_WITHOUT_LIFECYCLE = JSON.stringify({ holdApplicationUntilProxyStarts: true });

/**
 * The `proxy.istio.io/config` annotation (a ProxyConfig): always
 * `holdApplicationUntilProxyStarts`, so the app's first calls and readiness do not race Envoy;
 * with the lifecycle profile also the shutdown drain.
 */
export function proxyConfigAnnotation(lifecycle: LifecycleModel | undefined): string {
  if (!lifecycle) return PROXY_CONFIG_WITHOUT_LIFECYCLE;
  return JSON.stringify({
    holdApplicationUntilProxyStarts: true,
    terminationDrainDuration: lifecycle.drainDuration,
    ...(lifecycle.exitOnZeroActiveConnections ? { proxyMetadata: { [EXIT_ON_ZERO_ACTIVE_CONNECTIONS]: 'true' } } : {}),
  });
}

/** The pod spec fields of the lifecycle profile: grace period. */
export function podLifecycleFields(lifecycle: LifecycleModel | undefined): { terminationGracePeriodSeconds?: number } {
  return lifecycle ? { terminationGracePeriodSeconds: lifecycle.terminationGracePeriodSeconds } : {};
}

/**
 * The server container's preStop hook: sleep while endpoint removal reaches the callers, so no
 * new stream lands on a server that is already stopping. Kubernetes 1.28 has no sleep action,
 * hence exec.
 */
export function containerLifecycleFields(lifecycle: LifecycleModel | undefined) {
  if (!lifecycle || lifecycle.preStopAction === PreStopAction.NONE || lifecycle.preStopSeconds === 0) return {};
  return { lifecycle: { preStop: { exec: { command: ['sleep', String(lifecycle.preStopSeconds)] } } } };
}

/** Annotations of the Service: the declared server keepalive, for lint. */
export function serviceLifecycleAnnotations(model: MeshServiceModel): Record<string, string> {
  return model.serverKeepalive && Object.keys(model.serverKeepalive).length
    ? { [SERVER_KEEPALIVE_ANNOTATION]: JSON.stringify(model.serverKeepalive) }
    : {};
}

/**
 * Annotations of the VirtualService, when a stream lifetime is declared: the streaming methods
 * and that lifetime, for lint.
 */
export function virtualServiceLifecycleAnnotations(model: MeshServiceModel): Record<string, string> {
  const lifetime = model.lifecycle?.maxStreamDuration;
  const streaming = model.routes.filter((r) => r.methodPath && r.streaming !== StreamingKind.UNARY).map((r) => r.methodPath!);
  if (!lifetime || !streaming.length) return {};
  return { [STREAMING_METHODS_ANNOTATION]: streaming.join(','), [MAX_STREAM_DURATION_ANNOTATION]: lifetime };
}
