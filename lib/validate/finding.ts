import { boundMessage } from '../core/errors';

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
  /** 1-based line in `file` of the offending field, or of the object's document when the field is not written out (lint only). */
  readonly line?: number;
  /** 1-based column of the offending field on `line` (lint only; absent when only the document is known). */
  readonly column?: number;
  /** Dotted path inside the object, e.g. `spec.http[0].retries.retryOn`. */
  readonly path?: string;
}

/** The object a finding is about, read defensively from any parsed document. */
export function resourceRefOf(object: unknown): ResourceRef {
  const o = (object ?? {}) as Record<string, any>;
  const meta = (o.metadata ?? {}) as Record<string, unknown>;
  return {
    apiVersion: typeof o.apiVersion === 'string' ? o.apiVersion : '',
    kind: typeof o.kind === 'string' ? o.kind : '',
    ...(typeof meta.namespace === 'string' ? { namespace: meta.namespace } : {}),
    name: typeof meta.name === 'string' ? meta.name : '',
  };
}

/** Builds a finding about `object`; `path` is dotted from the object root (`spec.http[0].route`). */
export function findingOf(object: unknown, severity: Severity, code: string, message: string, path?: string): Finding {
  // Messages quote values from the input; bounded here so no check can echo a 10 MB value.
  return { severity, code, message: boundMessage(message), resource: resourceRefOf(object), ...(path ? { path: boundMessage(path) } : {}) };
}

/** `Kind namespace/name`, the way messages refer to the object of a finding. */
export function describeResource(ref: ResourceRef): string {
  return `${ref.kind || '<no kind>'} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name || '<no name>'}`;
}
