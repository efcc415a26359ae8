/** How bad a finding is; only `error` fails synth or makes `lint` exit 1. */
export type Severity = 'error' | 'warning' | 'info';

/** The object a finding is about. */
export interface ResourceRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/**
 * One result of the validation engine. `code` is Istio's IST code where `istioctl analyze` has
 * the same check, otherwise one of ours (stable, documented in lib/validate/codes.ts).
 */
export interface Finding {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly resource: ResourceRef;
  /** The file the object came from (lint only). */
  readonly file?: string;
  /** Dotted path inside the object, e.g. `spec.http[0].retries.retryOn`. */
  readonly path?: string;
}
