/**
 * Turns a Kubernetes structural schema (OpenAPI v3 with `x-kubernetes-*` extensions) into a JSON
 * Schema ajv understands, with the API server's strict field validation built in: an object with
 * `properties` accepts no other field unless it preserves unknown fields (`structural`: false
 * inside oneOf/anyOf/allOf/not, whose branches only constrain values).
 */
export function toJsonSchema(node: Record<string, any>, structural = true): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable' || key === 'description') continue;
    out[key] = value;
  }
  if (node.properties) {
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, toJsonSchema(v as Record<string, any>, structural)]));
    if (structural && node.additionalProperties === undefined && !node['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  }
  if (node.additionalProperties && typeof node.additionalProperties === 'object') out.additionalProperties = toJsonSchema(node.additionalProperties, structural);
  if (node.items && typeof node.items === 'object') out.items = toJsonSchema(node.items, structural);
  // Combinator branches are value validations, not structure: a branch naming some properties
  // says nothing about the others (the Gateway API's address forms), so no strictness there.
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    if (Array.isArray(node[combinator])) out[combinator] = node[combinator].map((s: Record<string, any>) => toJsonSchema(s, false));
  }
  if (node.not) out.not = toJsonSchema(node.not, false);
  if (node['x-kubernetes-int-or-string']) {
    delete out.type;
    if (!out.anyOf) out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (node.nullable && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}

/** The whole object's schema: the CRD's root plus the fields every object has. */
export function rootJsonSchema(crdRoot: Record<string, any>): Record<string, any> {
  const root = toJsonSchema(crdRoot);
  return {
    ...root,
    type: 'object',
    properties: {
      ...root.properties,
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
    },
    additionalProperties: false,
  };
}
