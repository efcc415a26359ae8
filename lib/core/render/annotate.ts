/** The object with `annotations` added to its metadata (e.g. the apply-order hints). */
export function withAnnotations<T extends { metadata?: { annotations?: Record<string, string> } }>(props: T, annotations: Record<string, string>): T {
  if (!Object.keys(annotations).length) return props;
  return { ...props, metadata: { ...props.metadata, annotations: { ...props.metadata?.annotations, ...annotations } } };
}
