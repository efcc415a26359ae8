/**
 * The object as the API server stores it after defaulting: every absent field whose schema has a
 * `default` is set to (a copy of) it, and so is a null field that is not nullable; then the walk
 * goes on inside every field, the defaulted ones included, as k8s.io/apiextensions-apiserver
 * structural defaulting does. The API server validates (schema, list types, CEL) the defaulted
 * object, so a CEL rule reading `self.group` of a backendRef sees the `""` default.
 *
 * The input is never changed: nodes on the way to a default are copied, the rest is shared, and
 * an object whose schema declares no default comes back as it is.
 */
export function withDefaults(schema: Record<string, any>, value: unknown): unknown {
  return subtreeHasDefaults(schema) ? defaulted(schema, value) : value;
}

const hasDefaults = new WeakMap<object, boolean>();

/** Whether a default is declared at or below this node's children (cached; most subtrees declare none). */
function subtreeHasDefaults(schema: Record<string, any>): boolean {
  const known = hasDefaults.get(schema);
  if (known !== undefined) return known;
  hasDefaults.set(schema, false); // guards against self-referencing schemas
  const properties = Object.values(schema.properties ?? {}) as Record<string, any>[];
  const children = [
    ...properties,
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
    ...(schema.items && typeof schema.items === 'object' ? [schema.items] : []),
  ] as Record<string, any>[];
  const result = properties.some((p) => p?.default !== undefined) || children.some((c) => c && subtreeHasDefaults(c));
  hasDefaults.set(schema, result);
  return result;
}

function defaulted(schema: Record<string, any>, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !subtreeHasDefaults(schema)) return value;
  if (Array.isArray(value)) {
    const items = schema.items;
    if (!items || typeof items !== 'object') return value;
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const next = defaulted(items, item);
      if (next !== item) (out ??= [...value])[i] = next;
    });
    return out ?? value;
  }
  const input = value as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, Record<string, any>>;
  let out: Record<string, unknown> | undefined;
  for (const [key, property] of Object.entries(properties)) {
    if (property?.default === undefined) continue;
    const present = Object.prototype.hasOwnProperty.call(input, key);
    if (!present || (input[key] === null && !property.nullable)) (out ??= { ...input })[key] = structuredClone(property.default);
  }
  const source = out ?? input;
  for (const [key, child] of Object.entries(source)) {
    const childSchema = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    if (!childSchema) continue;
    const next = defaulted(childSchema, child);
    if (next !== child) (out ??= { ...input })[key] = next;
  }
  return out ?? input;
}
