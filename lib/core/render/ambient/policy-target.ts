import { MeshServiceModel } from '../../mesh-service-model';

/** A policy's subject: the pods by label (sidecar, ztunnel) or the Service at its waypoint. */
export type PolicyTarget =
  | { readonly selector: { readonly matchLabels: Record<string, string> } }
  | { readonly targetRefs: { readonly group: string; readonly kind: string; readonly name: string }[] };

/**
 * Where the service's AuthorizationPolicy and Telemetry attach. Behind a waypoint they target the
 * Service (`targetRefs`), so the waypoint enforces them with the caller's own identity; a pod
 * selector there would be enforced by ztunnel, which sees the waypoint as the caller and drops
 * every rule on paths. Without a waypoint they select the pods, as on sidecars.
 */
export function policyTarget(model: Pick<MeshServiceModel, 'name' | 'selector' | 'ambient'>): PolicyTarget {
  if (model.ambient?.waypoint) return { targetRefs: [{ group: '', kind: 'Service', name: model.name }] };
  return { selector: { matchLabels: { ...model.selector } } };
}
