import { Event, EVENT_ID, getScalarValue, SCALAR_STYLE, ScalarEvent } from 'js-yaml';
import { DecodedDocument, DecodeLimits, nodeStart } from './decode-document';
import { GoScalar, jsonKeyOf, resolveScalar } from './go-scalars';
import { ownCopy } from './own-copy';
import { DocumentChunk } from './split-documents';
import { setOwnField } from '../../core/own-field';

/** A document read on the fast path, and the chunk of its group it was read from. */
export interface CommonRead {
  /** Index of the chunk in the group. */
  readonly chunk: number;
  /** Offsets in the whole file. */
  readonly document: DecodedDocument;
}

/**
 * Deeper documents go the general way, which knows the nesting limit and its message (real
 * manifests stay far below).
 */
const MAX_COMMON_DEPTH = 128;

/** An open collection: a mapping (with the key waiting for its value) or a sequence. */
class Open {
  /** map: the JSON key waiting for its value. */
  key: string | undefined = undefined;
  /** map: where that key starts. */
  keyOffset = 0;
  /** seq: item starts to record (the root `items` of a List). */
  itemStarts: number[] | undefined = undefined;

  constructor(
    readonly map: Record<string, unknown> | undefined,
    readonly seq: unknown[] | undefined,
    /** Inside `[...]` or `{...}`, where go-yaml scans plain scalars its own way. */
    readonly flow: boolean,
  ) {}
}

/**
 * Decodes the parsed documents of a group of chunks (`text` is the group's text, starting at
 * `base` in the file) in one pass over the events, for the common document only: no anchors,
 * aliases, tags, merge keys, flow collections, escapes in double quotes, directives, collections
 * as keys, keys without a JSON form, non-finite numbers, mappings starting on their key's line,
 * or two documents in one chunk. These are where go-yaml and the YAML 1.2 reader may disagree or
 * where kubectl refuses, and what flowScalarFixes and decodeDocument look for; without them
 * both give what this gives. Returns undefined as soon as one of them shows up: the caller then
 * reads the group the general way.
 */
export function decodeCommonDocuments(
  events: readonly Event[], text: string, base: number, group: readonly DocumentChunk[], limitsOf: (chunk: DocumentChunk) => DecodeLimits,
): CommonRead[] | undefined {
  const reads: CommonRead[] = [];
  let next = 0;
  let lastChunk = -1;
  let i = 0;
  while (i < events.length) {
    const event = events[i++];
    if (event.type !== EVENT_ID.DOCUMENT || event.directives.length) return undefined;
    const first = events[i];
    if (first === undefined) break;
    if (first.type === EVENT_ID.POP) {
      i++;
      continue;
    }
    if (first.type === EVENT_ID.DOCUMENT) continue;
    // The document's chunk is the one its content starts in, as readGroup finds it.
    const at = base + nodeStart(first);
    while (next < group.length && group[next].offset + group[next].text.length <= at) next++;
    if (next >= group.length || next <= lastChunk) return undefined;
    lastChunk = next;
    const decoded = decodeOne(events, i, text, base, limitsOf(group[next]).maxValues);
    if (!decoded) return undefined;
    i = decoded.end;
    // The document's own end; anything else after its root is for the general reading.
    if (events[i]?.type !== EVENT_ID.POP) return undefined;
    i++;
    reads.push({ chunk: next, document: decoded.document });
  }
  return reads;
}

/** The root node starting at `events[from]`, decoded; `end` is the index after its last event. */
function decodeOne(
  events: readonly Event[], from: number, text: string, base: number, maxValues: number,
): { document: DecodedDocument; end: number } | undefined {
  const stack: Open[] = [];
  const warnings: { offset: number; message: string }[] = [];
  let itemStarts: number[] = [];
  let nodes = 0;
  let start = -1;
  let root: unknown;
  let i = from;
  for (; i < events.length;) {
    const event = events[i++];
    let value: unknown;
    if (event.type === EVENT_ID.POP) {
      const open = stack.pop();
      if (!open) return undefined;
      // A sequence grown by push keeps spare capacity; a copy holds exactly its items (lint keeps every object).
      value = open.seq ? open.seq.slice() : open.map;
    } else {
      if (event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.ALIAS) return undefined;
      if (event.anchorStart >= 0 || event.tagStart >= 0) return undefined;
      if (++nodes > maxValues) return undefined;
      const offset = event.type === EVENT_ID.SCALAR ? scalarStart(event) : Math.max(event.start, 0);
      if (start < 0) start = offset;
      const parent = stack[stack.length - 1];
      parent?.itemStarts?.push(base + offset);
      if (event.type !== EVENT_ID.SCALAR) {
        const isMap = event.type === EVENT_ID.MAPPING;
        if (stack.length >= MAX_COMMON_DEPTH) return undefined;
        if (parent?.map && parent.key === undefined) return undefined;
        if (isMap && event.style === 1 && startsAfterContent(text, event.start)) return undefined;
        const flow = event.style === 2 || parent?.flow === true;
        const open = isMap ? new Open({}, undefined, flow) : new Open(undefined, [], flow);
        if (!isMap && stack.length === 1 && parent.map && parent.key === 'items') open.itemStarts = itemStarts = [];
        stack.push(open);
        continue;
      }
      const plain = event.style === SCALAR_STYLE.PLAIN;
      if (plain ? parent?.flow && !plainInFlowAgrees(text, event.valueStart, event.valueEnd) : hasEscape(event, text)) return undefined;
      // Most scalars are strings: they are told apart without resolving (nor allocating) a GoScalar.
      const raw = getScalarValue(text, event);
      let str: string | undefined;
      let scalar: GoScalar | undefined;
      if (!plain || isWordStart(raw.charCodeAt(0))) {
        str = raw;
      } else {
        if (raw === '<<') return undefined;
        scalar = resolveScalar(raw, '', true);
        if (scalar.kind === 'str') str = scalar.value;
        else if (scalar.kind === 'float' && !Number.isFinite(scalar.value)) return undefined;
      }
      if (parent?.map && parent.key === undefined) {
        const key = str ?? jsonKeyOf(scalar!);
        if (typeof key !== 'string') return undefined;
        parent.key = key;
        parent.keyOffset = offset;
        continue;
      }
      value = str !== undefined ? ownCopy(str) : scalar!.kind === 'null' ? null : (scalar as { value: unknown }).value;
    }
    const parent = stack[stack.length - 1];
    if (!parent) {
      root = value;
      break;
    }
    if (parent.seq) {
      parent.seq.push(value);
      continue;
    }
    const map = parent.map!;
    const key = parent.key!;
    parent.key = undefined;
    // No merges here, so the keys a mapping holds are the keys written in it.
    if (Object.prototype.hasOwnProperty.call(map, key)) {
      warnings.push({ offset: base + parent.keyOffset, message: `duplicated mapping key ${JSON.stringify(key)}: kubectl keeps the last value and drops the others` });
    }
    setOwnField(map, key, value);
  }
  if (stack.length) return undefined;
  return { document: { value: root, start: base + Math.max(start, 0), itemStarts, warnings }, end: i };
}

/** First characters of the plain scalars that can only be strings (no YAML 1.1 spelling starts with them). */
function isWordStart(c: number): boolean {
  const lower = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  // NaN (an empty scalar) is no letter either.
  if (!(lower >= 0x61 && lower <= 0x7a)) return false;
  // y(es), n(o, ull), t(rue), f(alse), o(n, ff) in either case.
  return lower !== 0x79 && lower !== 0x6e && lower !== 0x74 && lower !== 0x66 && lower !== 0x6f;
}

/** nodeStart of a scalar with neither anchor nor tag: quoted ones from their opening quote. */
function scalarStart(event: ScalarEvent): number {
  const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
  return Math.max(quoted ? event.valueStart - 1 : event.valueStart, 0);
}

/** Whether a double-quoted scalar holds an escape (flowScalarFixes checks which ones go-yaml knows). */
function hasEscape(event: ScalarEvent, text: string): boolean {
  if (event.style !== SCALAR_STYLE.DOUBLE_QUOTED) return false;
  for (let k = event.valueStart; k < event.valueEnd; k++) if (text.charCodeAt(k) === 0x5c /* \ */) return true;
  return false;
}

/**
 * Whether go-yaml scans a plain scalar inside `[...]` or `{...}` as the YAML 1.2 reader did: no
 * `?` in it, no `:` at its start, and no `:` right after it unless a space or line break follows
 * (flowScalarFixes has the details).
 */
function plainInFlowAgrees(text: string, start: number, end: number): boolean {
  if (end <= start) return true;
  if (text.charCodeAt(start) === 0x3a /* : */) return false;
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === 0x3f /* ? */) return false;
  return text.charCodeAt(end) !== 0x3a || !FLOW_PUNCTUATION.has(text.charAt(end + 1));
}

/** After a `:` that ends a plain scalar in flow, what makes go-yaml read it differently. */
const FLOW_PUNCTUATION = new Set([',', ']', '}', '[', '{']);

/**
 * Whether something other than indentation, `- ` or `? ` precedes a block mapping on its line
 * (go-yaml refuses some of those, and flowScalarFixes tells which).
 */
function startsAfterContent(text: string, start: number): boolean {
  let i = start - 1;
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x2d || c === 0x3f; c = text.charCodeAt(i)) i--;
  return i >= 0 && text.charCodeAt(i) !== 0x0a;
}
