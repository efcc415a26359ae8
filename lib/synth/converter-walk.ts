import { childOf, ConverterNode, Field } from './converter-nodes';
import { setOwnField } from '../core/own-field';

/** Where a field's value is not one the walk takes on: the node's converter runs itself. */
const UNSURE = Symbol('unsure');

/**
 * `node.convert(value)` for a value of resolved JSON (plain objects and arrays), sharing every
 * part the converter would copy unchanged: same keys in the same order (no renamed, undeclared
 * or undefined field, sorted order equal to declared order) and same values. Where something
 * differs, the object is built in the converter's order; what the table does not describe
 * surely (another kind of value, a field the converter computes) is left to the converter.
 */
export function convertWalk(node: ConverterNode, value: unknown): unknown {
  if (value === undefined) return undefined;
  const fields = node.fields;
  if (!fields || !isPlainObject(value)) return node.convert(value);
  const keys = Object.keys(value);
  // The converted fields by declared index, once the result differs from `value`.
  let outs: unknown[] | undefined;
  let last = -1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const index = node.byProperty.get(key);
    if (index === undefined) {
      // Undeclared: the converter drops it.
      outs ??= fieldsBefore(node, value, keys, i);
      continue;
    }
    const field = fields[index];
    const raw = value[key];
    const out = convertField(node, field, raw);
    if (out === UNSURE) return node.convert(value);
    if (!outs && (out === undefined || out !== raw || field.renamed || index < last)) outs = fieldsBefore(node, value, keys, i);
    if (outs) outs[index] = out;
    last = index;
  }
  if (!outs) return value;
  const result: Record<string, unknown> = {};
  for (let f = 0; f < fields.length; f++) {
    if (outs[f] !== undefined) setOwnField(result, fields[f].json, outs[f]);
  }
  return result;
}

/** The fields of `keys` before `i`, all declared and unchanged, by declared index. */
function fieldsBefore(node: ConverterNode, value: Record<string, unknown>, keys: readonly string[], i: number): unknown[] {
  const outs = new Array<unknown>(node.fields!.length);
  for (let j = 0; j < i; j++) outs[node.byProperty.get(keys[j])!] = value[keys[j]];
  return outs;
}

/** What the field's expression gives for `raw`, `raw` itself where that is the same; UNSURE where the walk does not know. */
function convertField(node: ConverterNode, field: Field, raw: unknown): unknown {
  if (raw === undefined) return undefined;
  const kind = field.kind;
  if (kind === 'v') return raw;
  const child = kind === 't' || kind === 'T' || kind === 'M' ? childOf(node, field) : undefined;
  // A child converter that is not there: the node's converter runs (and fails) itself.
  if (child === null) return UNSURE;
  switch (kind) {
    case 'a':
      // map(y => y): the same items, holes kept.
      return isPlainArray(raw) ? raw : UNSURE;
    case 't':
      return convertWalk(child!, raw);
    case 'T':
      return isPlainArray(raw) ? convertItems(child!, raw) : UNSURE;
    case 'm':
      return isPlainObject(raw) && !hasUndefinedField(raw) ? raw : UNSURE;
    case 'M':
      return isPlainObject(raw) && !hasUndefinedField(raw) ? convertValues(child!, raw) : UNSURE;
    case 'u':
      return (raw as { value?: unknown } | null)?.value;
    default:
      return UNSURE;
  }
}

/** `raw.map((y) => convert(y))`, `raw` itself where every item converts to itself. */
function convertItems(child: ConverterNode, raw: readonly unknown[]): unknown {
  let copy: unknown[] | undefined;
  for (let i = 0; i < raw.length; i++) {
    // map skips holes, and its result keeps them.
    if (!(i in raw)) continue;
    const item = raw[i];
    const out = convertWalk(child, item);
    if (copy) {
      copy[i] = out;
    } else if (out !== item) {
      copy = new Array<unknown>(raw.length);
      for (let j = 0; j < i; j++) if (j in raw) copy[j] = raw[j];
      copy[i] = out;
    }
  }
  return copy ?? raw;
}

/** Each field of a map converted by `child`, in its order; `raw` itself where each converts to itself. */
function convertValues(child: ConverterNode, raw: Record<string, unknown>): unknown {
  const keys = Object.keys(raw);
  let copy: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const item = raw[keys[i]];
    const out = convertWalk(child, item);
    if (copy) {
      setOwnField(copy, keys[i], out);
    } else if (out !== item) {
      copy = {};
      for (let j = 0; j < i; j++) setOwnField(copy, keys[j], raw[keys[j]]);
      setOwnField(copy, keys[i], out);
    }
  }
  return copy ?? raw;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isPlainArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
}

function hasUndefinedField(map: Record<string, unknown>): boolean {
  for (const key in map) if (map[key] === undefined) return true;
  return false;
}
