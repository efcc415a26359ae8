import { Event, EVENT_ID, getScalarValue, ScalarEvent, SCALAR_STYLE } from 'js-yaml';
import { expandTag, GoScalar, jsonKeyOf, resolveScalar, ScalarError } from './go-scalars';
import { ownCopy } from './own-copy';
import { setOwnField } from '../../core/own-field';

/** Bounds on one document, so hostile input is refused before it costs much. */
export interface DecodeLimits {
  /** Aliases (`*name`) allowed in one document. */
  readonly maxAliases: number;
  /** Values the document may expand to once aliases and merges are counted per use. */
  readonly maxValues: number;
  /** Nesting allowed, counting what aliases bring in. */
  readonly maxDepth: number;
}

/** One decoded document: its JSON value and where things start in the source. */
export interface DecodedDocument {
  /** The value as kubectl would send it (JSON types only); `undefined` for an empty document. */
  readonly value: unknown;
  /** Offset where the document's content starts. */
  readonly start: number;
  /** For a List-like document, where each entry of its top-level `items` starts. */
  readonly itemStarts: readonly number[];
  /** Accepted by kubectl but probably a mistake (duplicated keys). */
  readonly warnings: readonly { offset: number; message: string }[];
}

/** A document kubectl refuses, with the offset of the culprit. */
export class DecodeError extends Error {
  constructor(public readonly offset: number, message: string, public readonly located = true) {
    super(message);
  }
}

type NodeKind = 'map' | 'seq' | 'scalar';

/** A message about a place in the text. */
interface Located {
  readonly offset: number;
  readonly message: string;
}

/** A finished node on its way to its parent. */
interface Done {
  readonly value: unknown;
  readonly kind: NodeKind;
  readonly scalar?: GoScalar;
  readonly alias: boolean;
  readonly depth: number;
  readonly size: number;
  readonly offset: number;
  /** A `<<` key that merges (plain and untagged, or tagged `!!merge`). */
  readonly merge?: boolean;
}

interface Frame {
  readonly kind: 'map' | 'seq';
  readonly value: Record<string, unknown> | unknown[];
  readonly anchor?: string;
  readonly offset: number;
  depth: number;
  size: number;
  /** map: the key waiting for its value. */
  key?: { readonly json: string | { refused: string }; readonly merge: boolean; readonly offset: number };
  /** map: keys written out (not merged), to spot duplicates. */
  explicit?: Set<string>;
  /** seq: item starts to record (the root `items` of a List). */
  itemStarts?: number[];
}

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/**
 * Builds the first document of `events` (kubectl reads one document per `---` chunk) into JSON
 * values with sigs.k8s.io/yaml's rules: go-yaml v2 scalars, `<<` merges applied in the order
 * written (a merge after a key overrides it; in `<<: [*a, *b]` the first wins), duplicated keys
 * last-wins (with a warning), non-string keys turned into strings, and what has no JSON form
 * (`.inf`, `.nan`, null keys) refused when it survives into the result.
 */
export function decodeDocument(events: readonly Event[], text: string, limits: DecodeLimits): DecodedDocument {
  const anchors = new Map<string, Done>();
  const stack: Frame[] = [];
  const warnings: { offset: number; message: string }[] = [];
  // What only a survivor in the final value makes kubectl refuse: found lazily at the end.
  const refusedMaps = new WeakMap<object, { offset: number; message: string }>();
  let suspicious: { offset: number; message: string } | undefined;
  let aliases = 0;
  let root: Done | undefined;
  let start = -1;
  let itemStarts: number[] = [];
  let begun = false;

  const finish = (done: Done) => {
    if (done.depth > limits.maxDepth) throw new DecodeError(done.offset, `nesting deeper than ${limits.maxDepth} levels (counting aliases)`);
    const parent = stack[stack.length - 1];
    if (!parent) {
      root = done;
      return;
    }
    parent.depth = Math.max(parent.depth, done.depth + 1);
    parent.size += done.size;
    if (parent.size > limits.maxValues) {
      throw new DecodeError(done.offset, `aliases and merges expand the document to more than ${limits.maxValues} values (an alias bomb); write the values out instead`);
    }
    if (parent.kind === 'seq') {
      (parent.value as unknown[]).push(done.value);
      return;
    }
    const map = parent.value as Record<string, unknown>;
    if (!parent.key) {
      parent.key = keyOf(done);
      return;
    }
    const key = parent.key;
    parent.key = undefined;
    if (key.merge) {
      mergeInto(map, done, refusedMaps);
      return;
    }
    if (typeof key.json !== 'string') {
      refusedMaps.set(map, { offset: key.offset, message: key.json.refused });
      suspicious ??= { offset: key.offset, message: key.json.refused };
      return;
    }
    if (parent.explicit!.has(key.json)) {
      warnings.push({ offset: key.offset, message: `duplicated mapping key ${JSON.stringify(key.json)}: kubectl keeps the last value and drops the others` });
    } else {
      parent.explicit!.add(key.json);
    }
    setOwnField(map, key.json, done.value);
  };

  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      if (begun) break;
      begun = true;
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      const frame = stack.pop();
      if (!frame) break;
      // A sequence grown by push keeps spare capacity; a copy holds exactly its items (lint keeps every object).
      const value = frame.kind === 'seq' ? (frame.value as unknown[]).slice() : frame.value;
      const done: Done = { value, kind: frame.kind, alias: false, depth: frame.depth, size: frame.size, offset: frame.offset };
      if (frame.anchor !== undefined) anchors.set(frame.anchor, done);
      finish(done);
      if (stack.length === 0 && root) break;
      continue;
    }
    const offset = nodeStart(event);
    if (start < 0) start = offset;
    const parent = stack[stack.length - 1];
    parent?.itemStarts?.push(offset);
    if (event.type === EVENT_ID.ALIAS) {
      if (++aliases > limits.maxAliases) throw new DecodeError(offset, `more than ${limits.maxAliases} aliases in one document`);
      const name = text.slice(event.anchorStart, event.anchorEnd);
      const target = anchors.get(name);
      if (!target) throw new DecodeError(offset, `unknown anchor '${name}' referenced`);
      finish({ ...target, alias: true, merge: false, offset });
      continue;
    }
    const anchor = event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined;
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const isMap = event.type === EVENT_ID.MAPPING;
      const frame: Frame = {
        kind: isMap ? 'map' : 'seq',
        value: isMap ? {} : [],
        anchor,
        offset,
        depth: 0,
        size: 1,
        ...(isMap ? { explicit: new Set<string>() } : {}),
      };
      if (!isMap && stack.length === 1 && parent?.kind === 'map' && parent.key?.json === 'items') frame.itemStarts = itemStarts = [];
      if (parent?.kind === 'map' && !parent.key) {
        throw new DecodeError(offset, `invalid map key: a ${isMap ? 'mapping' : 'sequence'} cannot be a key`);
      }
      stack.push(frame);
      continue;
    }
    const { scalar, merge } = scalarOf(event, text);
    if (scalar.kind === 'float' && !Number.isFinite(scalar.value)) {
      suspicious ??= { offset, message: `${text.slice(event.valueStart, event.valueEnd)} has no JSON form (kubectl: "json: unsupported value"); use a finite number or quote it` };
    }
    const done: Done = { value: valueOf(scalar), kind: 'scalar', scalar, alias: false, depth: 0, size: 1, offset, merge };
    if (anchor !== undefined) anchors.set(anchor, done);
    finish(done);
    if (stack.length === 0) break;
  }
  if (suspicious && root) {
    const refusal = firstRefusal(root.value, refusedMaps);
    const culprit = refusal === true ? suspicious : refusal;
    if (culprit) throw new DecodeError(culprit.offset, culprit.message);
  }
  return { value: root?.value ?? undefined, start: Math.max(start, 0), itemStarts, warnings };
}

function keyOf(done: Done): NonNullable<Frame['key']> {
  if (done.kind !== 'scalar') {
    throw new DecodeError(done.offset, `invalid map key: a ${done.kind === 'map' ? 'mapping' : 'sequence'} cannot be a key`);
  }
  const scalar = done.scalar!;
  return { json: jsonKeyOf(scalar), merge: done.merge === true, offset: done.offset };
}

function scalarOf(event: ScalarEvent, text: string): { scalar: GoScalar; merge: boolean } {
  const raw = getScalarValue(text, event);
  const tag = event.tagStart >= 0 ? expandTag(text.slice(event.tagStart, event.tagEnd)) : '';
  if (raw === '<<' && (tag === MERGE_TAG || (tag === '' && event.style === SCALAR_STYLE.PLAIN))) return { scalar: { kind: 'str', value: '<<' }, merge: true };
  try {
    return { scalar: resolveScalar(raw, tag, event.style === SCALAR_STYLE.PLAIN), merge: false };
  } catch (err) {
    if (err instanceof ScalarError) throw new DecodeError(nodeStart(event), err.message);
    throw err;
  }
}

function valueOf(scalar: GoScalar): unknown {
  switch (scalar.kind) {
    case 'null': return null;
    case 'str': return ownCopy(scalar.value);
    default: return scalar.value;
  }
}

/** Applies a `<<` value: a mapping, or a written-out sequence of mappings where earlier ones win. */
function mergeInto(target: Record<string, unknown>, done: Done, refused: WeakMap<object, { offset: number; message: string }>): void {
  const want = () => new DecodeError(done.offset, 'map merge requires map or sequence of maps as the value');
  const sources: unknown[] = done.kind === 'map' ? [done.value] : done.kind === 'seq' && !done.alias ? [...(done.value as unknown[])].reverse() : [];
  // An alias to a sequence is not a list of merges to go-yaml; only a written-out sequence is.
  if (sources.length === 0 && (done.kind !== 'seq' || done.alias)) throw want();
  for (const source of sources) {
    if (source === null || typeof source !== 'object' || Array.isArray(source)) throw want();
    for (const key of Object.keys(source)) setOwnField(target, key, (source as Record<string, unknown>)[key]);
    const bad = refused.get(source);
    if (bad) refused.set(target, bad);
  }
}


/** `true` when a non-finite number survives, the refusal of a surviving map, or undefined. */
function firstRefusal(value: unknown, refused: WeakMap<object, Located>): true | Located | undefined {
  const seen = new Set<object>();
  const todo: unknown[] = [value];
  while (todo.length) {
    const v = todo.pop();
    if (typeof v === 'number' && !Number.isFinite(v)) return true;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const bad = refused.get(v);
    if (bad) return bad;
    for (const child of Object.values(v)) todo.push(child);
  }
  return undefined;
}

/** Where a node starts, its tag or anchor included (quoted scalars from their opening quote). */
export function nodeStart(event: Exclude<Event, { type: 1 | 6 }>): number {
  const own = event.type === EVENT_ID.SCALAR
    ? event.valueStart - (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED ? 1 : 0)
    : event.type === EVENT_ID.ALIAS ? event.anchorStart - 1 : event.start;
  let start = own;
  if (event.type !== EVENT_ID.ALIAS) {
    if (event.anchorStart >= 0) start = Math.min(start, event.anchorStart - 1);
    if (event.tagStart >= 0) start = Math.min(start, event.tagStart);
  }
  return Math.max(start, 0);
}
