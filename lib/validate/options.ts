/**
 * Which objects the cross-object analyzers see.
 * - `istioctl`: every object read, also those the schema or webhook stage rejects, as
 *   `istioctl analyze` does on files (its findings carry over one for one).
 * - `cluster`: only what the API server and Istio's webhook would store, as a live cluster
 *   would hold it after `kubectl apply` (references to rejected objects then dangle).
 */
export type ValidationView = 'istioctl' | 'cluster';

/** Options of a validation run (`validateSources`, `validateObjects`). */
export interface ValidateOptions {
  /**
   * Which objects the analyzers see.
   * @default 'istioctl'
   */
  readonly view?: ValidationView;
  /**
   * Istio's mesh config (the `mesh` key of the `istio` ConfigMap, parsed), for the analyzers that
   * read it, as `istioctl analyze --meshconfig` takes it.
   * @default - Istio's defaults, or an `istio` ConfigMap found in the input
   */
  readonly meshConfig?: Record<string, unknown>;
}

/** The view a run uses when none is given. */
export const DEFAULT_VIEW: ValidationView = 'istioctl';
