/**
 * Which way the subsets of a service change in one apply. Istio's make-before-break rule: a
 * VirtualService must never route to a subset its DestinationRule does not (yet, or any longer)
 * define, or Envoy answers 503 (NR / no healthy upstream) until both have arrived.
 */
export enum SubsetChange {
  /** Subsets are added: apply the DestinationRule first, then the VirtualService routing to them. */
  ADDING = 'adding',
  /** Subsets are removed: apply the VirtualService that no longer routes to them first, then the DestinationRule. */
  REMOVING = 'removing',
  /** No ordering hints (no sync-wave annotations, no `dependsOn`). */
  NONE = 'none',
}

/** Argo CD applies lower waves first and waits for them to be healthy before the next. */
export const ARGOCD_SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

/** The order the DestinationRule and VirtualService of a service are applied in. */
export interface ApplyOrder {
  /** Which of the two goes first, or none when no order is needed. */
  readonly first?: 'destinationRule' | 'virtualService';
  /** Annotations for the DestinationRule. */
  readonly destinationRule: Record<string, string>;
  /** Annotations for the VirtualService. */
  readonly virtualService: Record<string, string>;
}

/**
 * The apply order for a subset change. Waves "0" and "1" keep the Service and Deployments (wave 0
 * by default) with the first object, so new pods exist before routes reach them.
 */
export function applyOrder(change: SubsetChange | undefined, hasSubsets: boolean): ApplyOrder {
  const effective = change ?? (hasSubsets ? SubsetChange.ADDING : SubsetChange.NONE);
  if (effective === SubsetChange.NONE) return { destinationRule: {}, virtualService: {} };
  const wave = (n: number) => ({ [ARGOCD_SYNC_WAVE_ANNOTATION]: String(n) });
  return effective === SubsetChange.ADDING
    ? { first: 'destinationRule', destinationRule: wave(0), virtualService: wave(1) }
    : { first: 'virtualService', destinationRule: wave(1), virtualService: wave(0) };
}
