import { constructFromEvents, CORE_SCHEMA, Event, EVENT_ID, mergeTag, parseEvents } from 'js-yaml';
import { SourcedObject } from './engine';

/** The objects of a multi-document YAML text, or why it cannot be read. */
export interface ParsedDocuments {
  readonly sources: SourcedObject[];
  /** `file:line:column: message` for each syntax problem; non-empty means the input is unusable. */
  readonly problems: string[];
}

/** Aliases beyond this many in one document are refused outright. */
export const MAX_ALIASES_PER_DOCUMENT = 1000;

/** Collections nested deeper than this are refused (real manifests stay far below). */
export const MAX_NESTING_DEPTH = 256;

/**
 * A few aliases can still multiply a document exponentially ("billion laughs"): the values that
 * aliases expand to may not outnumber the input's characters (or this floor, for tiny inputs).
 */
export const MIN_EXPANSION_LIMIT = 100_000;

// kubectl (go-yaml) understands `<<` merge keys, so lint does too.
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/**
 * Parses multi-document YAML the way kubectl reads it: empty documents skipped, `kind: List`
 * expanded into its items, duplicate keys and alias bombs reported as problems (never thrown).
 * Each object carries the line it starts on.
 */
export function parseYamlDocuments(text: string, file: string): ParsedDocuments {
  const lines = lineStarts(text);
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: MAX_NESTING_DEPTH });
    documents = constructFromEvents(events, { source: text, filename: file, schema: SCHEMA, maxAliases: MAX_ALIASES_PER_DOCUMENT });
  } catch (err) {
    return { sources: [], problems: [problemOf(err, file)] };
  }
  const expansionLimit = Math.max(MIN_EXPANSION_LIMIT, text.length);
  if (expandedSize(documents, expansionLimit) > expansionLimit) {
    return { sources: [], problems: [`${file}: aliases expand the input to more than ${expansionLimit} values (an alias bomb); write the values out instead`] };
  }
  const positions = documentPositions(events, text);
  const sources: SourcedObject[] = [];
  documents.forEach((value, i) => {
    if (value === null || value === undefined) return;
    const position = positions[i];
    const line = lineOf(lines, position?.start ?? 0);
    if (isList(value)) {
      // Each item gets its own line, so findings point at the item rather than the List.
      value.items.forEach((item, j) => {
        const start = position?.items[j];
        sources.push({ object: item, file, line: start === undefined ? line : lineOf(lines, start) });
      });
    } else {
      sources.push({ object: value, file, line });
    }
  });
  return { sources, problems: [] };
}

/** Where a document starts, and where each entry of its top-level `items` sequence starts. */
interface DocumentPosition {
  readonly start: number;
  readonly items: number[];
}

/** Walks the event stream once: document starts and, for List-like documents, item starts. */
function documentPositions(events: readonly Event[], text: string): DocumentPosition[] {
  const positions: DocumentPosition[] = [];
  let current: { start: number; items: number[] } | undefined;
  let depth = 0;
  // Inside the root mapping, keys and values alternate; remember whether the last key was `items`.
  let rootEntry = 0;
  let afterItemsKey = false;
  let itemsDepth = -1;
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      current = { start: -1, items: [] };
      positions.push(current);
      depth = 0;
      rootEntry = 0;
      afterItemsKey = false;
      itemsDepth = -1;
      continue;
    }
    if (!current) continue;
    if (event.type === EVENT_ID.POP) {
      if (depth === itemsDepth) itemsDepth = -1;
      depth--;
      if (depth === 1) rootEntry++;
      continue;
    }
    const start = startOf(event);
    if (current.start < 0 && start >= 0) current.start = start;
    if (depth === itemsDepth && start >= 0) current.items.push(start);
    if (depth === 1) {
      const isKey = rootEntry % 2 === 0;
      if (isKey) {
        afterItemsKey = event.type === EVENT_ID.SCALAR && text.slice(event.valueStart, event.valueEnd) === 'items';
      } else if (afterItemsKey && event.type === EVENT_ID.SEQUENCE) {
        itemsDepth = depth + 1;
      }
    }
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      depth++;
    } else if (depth === 1) {
      rootEntry++;
    }
  }
  return positions.map((p) => ({ start: Math.max(p.start, 0), items: p.items }));
}

function startOf(event: Event): number {
  switch (event.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.start;
    case EVENT_ID.SCALAR:
      return event.anchorStart >= 0 ? event.anchorStart : event.valueStart;
    case EVENT_ID.ALIAS:
      return event.anchorStart;
    default:
      return -1;
  }
}

/** How many values the documents hold once aliases are expanded, counting shared values once per use. */
function expandedSize(value: unknown, limit: number): number {
  const sizes = new Map<object, number>();
  const sizeOf = (v: unknown): number => {
    if (v === null || typeof v !== 'object') return 1;
    const known = sizes.get(v);
    if (known !== undefined) return known;
    let total = 1;
    for (const child of Object.values(v)) {
      total += sizeOf(child);
      if (total > limit) break;
    }
    sizes.set(v, total);
    return total;
  };
  return sizeOf(value);
}

function problemOf(err: unknown, file: string): string {
  const e = err as { reason?: string; mark?: { line: number; column: number }; message?: string };
  if (err instanceof RangeError) return `${file}: nesting too deep to read`;
  const reason = e.reason ?? firstLine(e.message ?? String(err));
  return e.mark ? `${file}:${e.mark.line + 1}:${e.mark.column + 1}: ${reason}` : `${file}: ${reason}`;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of an offset, by binary search over line starts. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function isList(value: unknown): value is { items: unknown[] } {
  const o = value as Record<string, unknown>;
  return typeof o === 'object' && !Array.isArray(o) && typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
