/**
 * The value as CEL sees it: objects as maps, integers as CEL ints where the schema says integer
 * (JSON numbers are doubles otherwise), field names escaped as Kubernetes escapes them,
 * recursively.
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
      const declared = schema?.properties !== undefined && Object.prototype.hasOwnProperty.call(schema.properties, key);
      const childSchema = declared ? schema!.properties[key] : typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined;
      // A field's name is escaped as rules must write it; a map's keys are data and stay as they are.
      const name = declared ? escapeCelField(key) : key;
      if (name !== undefined) map.set(name, toCel(child, childSchema));
    }
    return map;
  }
  return value;
}

/** CEL's reserved words: a field so named is written `__namespace__` in a rule. */
const CEL_RESERVED = new Set(['true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);

/**
 * A schema field's name as a CRD rule reads it (k8s.io/apiserver's CEL escaping): a reserved
 * word becomes `__word__`; `__`, `.`, `-` and `/` become `__underscores__`, `__dot__`,
 * `__dash__` and `__slash__`. Undefined for a name no rule can reach.
 */
export function escapeCelField(name: string): string | undefined {
  if (CEL_RESERVED.has(name)) return `__${name}__`;
  if (!/^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/.test(name)) return undefined;
  return name.replace(/__/g, '__underscores__').replace(/\./g, '__dot__').replace(/-/g, '__dash__').replace(/\//g, '__slash__');
}
