/**
 * A Kubernetes object as it appears in a manifest (the JSON/YAML form, not an imported `*Props`
 * type). Validation, the CLI and the Pulumi components all work on this shape.
 */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: KubeObjectMetadata;
  readonly [key: string]: unknown;
}

/** The metadata fields this library reads and writes. */
export interface KubeObjectMetadata {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

/** `Kind namespace/name`, the way findings and errors refer to an object. */
export function objectRef(obj: Pick<KubeObject, 'kind' | 'metadata'>): string {
  const ns = obj.metadata?.namespace;
  return `${obj.kind} ${ns ? `${ns}/` : ''}${obj.metadata?.name}`;
}
