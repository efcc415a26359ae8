/** Converts a subschema of a node: `structural` as for toJsonSchema. */
export type SubschemaConverter = (node: Record<string, any>, structural: boolean) => unknown;

/**
 * Turns a Kubernetes structural schema (OpenAPI v3 with `x-kubernetes-*` extensions) into a JSON
 * Schema ajv understands, with the API server's strict field validation built in: an object with
 * `properties` accepts no other field unless it preserves unknown fields (`structural`: false
 * inside oneOf/anyOf/allOf/not, whose branches only constrain values).
 */
export function toJsonSchema(node: Record<string, any>, structural = true): Record<string, any> {
  return nodeToJsonSchema(node, structural, toJsonSchema);
}

/**
 * One node of toJsonSchema: its own keywords converted, each subschema by `convert` (toJsonSchema
 * itself, or a converter that defers the subschema until a value reaches it).
 */
export function nodeToJsonSchema(node: Record<string, any>, structural: boolean, convert: SubschemaConverter): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable' || key === 'description') continue;
    out[key] = value;
  }
  if (node.properties) {
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, convert(v as Record<string, any>, structural)]));
    if (structural && node.additionalProperties === undefined && !node['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  }
  if (node.additionalProperties && typeof node.additionalProperties === 'object') out.additionalProperties = convert(node.additionalProperties, structural);
  if (node.items && typeof node.items === 'object') out.items = convert(node.items, structural);
  // Combinator branches are value validations, not structure: a branch naming some properties
  // says nothing about the others (the Gateway API's address forms), so no strictness there.
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    if (Array.isArray(node[combinator])) out[combinator] = node[combinator].map((s: Record<string, any>) => convert(s, false));
  }
  if (node.not) out.not = convert(node.not, false);
  if (node['x-kubernetes-int-or-string']) {
    delete out.type;
    if (!out.anyOf) out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (node.nullable && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}

/** The whole object's schema: the CRD's root plus the fields every object has. */
export function rootJsonSchema(crdRoot: Record<string, any>, convert: SubschemaConverter = toJsonSchema): Record<string, any> {
  const root = nodeToJsonSchema(crdRoot, true, convert);
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
