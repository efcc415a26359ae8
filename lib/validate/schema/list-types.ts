import { childPath, formatPath, PathSegment } from '../path';

/** A list that breaks its `x-kubernetes-list-type`: where and what. */
export interface ListTypeViolation {
  readonly path: string;
  readonly message: string;
}

/**
 * The API server's rules for lists beyond JSON Schema: a `set` holds each (scalar) value once; a
 * `map` holds each combination of its `x-kubernetes-list-map-keys` once, and every item sets
 * those keys (or the schema gives them a default). `atomic` (the default) has no rule.
 */
export function checkListTypes(schema: Record<string, any>, value: unknown): ListTypeViolation[] {
  const out: ListTypeViolation[] = [];
  walk(schema, value, [], out);
  return out;
}

const hasListTypes = new WeakMap<object, boolean>();

/** Whether a list type is declared at or below this schema node (cached: most subtrees declare none and are skipped). */
function subtreeHasListTypes(schema: Record<string, any>): boolean {
  const known = hasListTypes.get(schema);
  if (known !== undefined) return known;
  hasListTypes.set(schema, false); // guards against self-referencing schemas
  const children = [
    ...Object.values(schema.properties ?? {}),
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
    ...(schema.items ? [schema.items] : []),
  ] as Record<string, any>[];
  const listType = schema['x-kubernetes-list-type'];
  const result = listType === 'map' || listType === 'set' || children.some(subtreeHasListTypes);
  hasListTypes.set(schema, result);
  return result;
}

/** `path` is the segments down to `value`, shared and restored on the way back (formatted only for a violation). */
function walk(schema: Record<string, any> | undefined, value: unknown, path: PathSegment[], out: ListTypeViolation[]): void {
  if (!schema || value === null || typeof value !== 'object' || !subtreeHasListTypes(schema)) return;
  if (Array.isArray(value)) {
    const listType = schema['x-kubernetes-list-type'];
    if (listType === 'map') checkMapList(schema, value, formatPath(path), out);
    else if (listType === 'set') checkSetList(value, formatPath(path), out);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(schema.items, value[i], path, out);
      path.pop();
    }
    return;
  }
  for (const key of Object.keys(value)) {
    const childSchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!childSchema) continue;
    path.push(key);
    walk(childSchema, (value as Record<string, unknown>)[key], path, out);
    path.pop();
  }
}

function checkMapList(schema: Record<string, any>, items: readonly unknown[], path: string, out: ListTypeViolation[]): void {
  const keys: string[] = Array.isArray(schema['x-kubernetes-list-map-keys']) ? schema['x-kubernetes-list-map-keys'] : [];
  if (keys.length === 0) return;
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return; // the schema reports the type
    const entry = item as Record<string, unknown>;
    const tuple: Record<string, unknown> = {};
    for (const key of keys) {
      const value = entry[key] ?? schema.items?.properties?.[key]?.default;
      if (value === undefined) {
        out.push({ path: childPath(childPath(path, i), key), message: `required field "${key}" is missing: every item of this list is identified by ${keys.join(', ')}` });
        return;
      }
      tuple[key] = value;
    }
    const id = JSON.stringify(tuple);
    const first = seen.get(id);
    if (first !== undefined) {
      out.push({ path: childPath(path, i), message: `Duplicate value: ${id} (also item ${first}); each ${keys.join(', ')} may appear once in this list` });
    } else {
      seen.set(id, i);
    }
  });
}

function checkSetList(items: readonly unknown[], path: string, out: ListTypeViolation[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const id = JSON.stringify(item);
    const first = seen.get(id);
    if (first !== undefined) out.push({ path: childPath(path, i), message: `Duplicate value: ${id} (also item ${first}); this list is a set` });
    else seen.set(id, i);
  });
}
