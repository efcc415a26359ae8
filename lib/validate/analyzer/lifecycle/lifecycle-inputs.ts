import { SERVER_KEEPALIVE_ANNOTATION } from '../../../core/annotations';
import { ServerLimits } from '../../../core/connection-lifecycle-rules';
import { Duration } from '../../../core/duration';
import { KubeObject } from '../../../core/kube-object';
import { jsonOf, listOf, objOf, specOf } from '../objects';

// Readers shared by the lifecycle analyzers: durations and declared limits as written in YAML.

/** Go/Istio duration text in milliseconds; undefined for anything else (the schema stage reports it). */
export function millisOf(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return Duration.parse(text).milliseconds;
  } catch {
    return undefined;
  }
}

/** The server limits a Service declares in its `istio-grpc.dev/server-keepalive` annotation. */
export function serverLimitsOf(service: KubeObject | undefined): ServerLimits | undefined {
  if (!service) return undefined;
  const declared = jsonOf(objOf(service.metadata.annotations)[SERVER_KEEPALIVE_ANNOTATION]);
  if (!declared) return undefined;
  return {
    maxConnectionAge: millisOf(declared.maxConnectionAge),
    maxConnectionAgeGrace: millisOf(declared.maxConnectionAgeGrace),
    maxConnectionIdle: millisOf(declared.maxConnectionIdle),
    permitKeepaliveTime: millisOf(declared.permitKeepaliveTime),
  };
}

/** The DestinationRule's traffic policies (top level and per subset) with their paths. */
export function trafficPoliciesOf(dr: KubeObject): [Record<string, any>, string][] {
  const spec = specOf(dr);
  return [[objOf(spec.trafficPolicy), 'spec.trafficPolicy'],
    ...listOf(spec.subsets).map((s, i) => [objOf(objOf(s).trafficPolicy), `spec.subsets[${i}].trafficPolicy`] as [Record<string, any>, string])];
}
