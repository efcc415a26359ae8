/**
 * The value as CEL sees it: objects as maps, integers as CEL ints where the schema says integer
 * (JSON numbers are doubles otherwise), recursively.
 */
export function toCel(value: unknown, schema: Record<string, any> | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    const integer = schema?.type === 'integer' || (schema?.type === undefined && Number.isInteger(value)) || schema?.['x-kubernetes-int-or-string'];
    return integer && Number.isInteger(value) ? BigInt(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => toCel(item, schema?.items));
  if (typeof value === 'object') {
    const map = new Map<string, unknown>();
    for (const [key, child] of Object.entries(value)) {
      const childSchema = schema?.properties?.[key] ?? (typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      map.set(key, toCel(child, childSchema));
    }
    return map;
  }
  return value;
}
