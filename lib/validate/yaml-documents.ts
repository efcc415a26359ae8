import { Event, EVENT_ID, parseEvents } from 'js-yaml';
import { SourcedObject } from './engine';
import { decodeCommonDocuments } from './yaml/common-documents';
import { DecodedDocument, decodeDocument, DecodeError, nodeStart } from './yaml/decode-document';
import { readReindented } from './yaml/flow-indentation';
import { applyEdits, flowRepairs, flowScalarFixes, lineBreakDifference } from './yaml/flow-scalars';
import { fieldOffsets } from './yaml/locate-fields';
import { ownCopy } from './yaml/own-copy';
import { RecentlyUsed } from './yaml/recently-used';
import { DocumentChunk, splitDocuments } from './yaml/split-documents';

/** The objects of a multi-document YAML text, or why it cannot be read. */
export interface ParsedDocuments {
  readonly sources: SourcedObject[];
  /** `file:line:column: message` for each syntax problem; non-empty means the input is unusable. */
  readonly problems: string[];
  /** `file:line:column: message` for what kubectl accepts but is probably a mistake (duplicated keys). */
  readonly warnings: string[];
}

/** Aliases beyond this many in one document are refused outright. */
export const MAX_ALIASES_PER_DOCUMENT = 1000;

/** Collections nested deeper than this are refused (real manifests stay far below). */
export const MAX_NESTING_DEPTH = 256;

/**
 * A few aliases can still multiply a document exponentially ("billion laughs"): the values that
 * aliases expand to may not outnumber the document's characters (or this floor, for tiny inputs).
 */
export const MIN_EXPANSION_LIMIT = 100_000;

/**
 * One document (between `---` lines) larger than this is refused before it is parsed: the API
 * server takes no request over 3 MiB, and parsing a huge document costs far more memory than
 * its size.
 */
export const MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

/** Options of `parseYamlDocuments`. */
export interface ParseYamlOptions {
  /**
   * The line `text` starts on, when it is a part of a longer stream (cut at a line start).
   * @default 1
   */
  readonly firstLine?: number;
  /**
   * How the text is kept for locating findings later: given the text, returns a way to get it
   * back (a stream keeps it compressed, or reads it again from its file), or `undefined` when it
   * cannot be had any more (the file changed): findings then carry the object's line only.
   * @default - the text itself
   */
  readonly keepText?: (text: string) => () => string | undefined;
}

/** A way to get a text back for locating findings, or `undefined` when it cannot be had any more. */
type KeptText = () => string | undefined;

/** Keeps the text as it is. */
const keepAsIs = (text: string) => () => text;

/**
 * Parses multi-document YAML the way kubectl reads it (see lib/validate/yaml/): documents cut at
 * `---` lines, each decoded with go-yaml's YAML 1.1 rules into JSON values, empty documents
 * skipped, `kind: List` expanded into its items. Problems (never thrown) carry file:line:column;
 * each object carries the line it starts on and can locate the fields of a finding.
 */
export function parseYamlDocuments(text: string, file: string, options: ParseYamlOptions = {}): ParsedDocuments {
  return readDocuments(text, file, options, true);
}

/**
 * @internal parseYamlDocuments without the one-pass reading of common documents: the general
 * reading that one must agree with everywhere it is taken.
 */
export function parseYamlDocumentsGenerally(text: string, file: string, options: ParseYamlOptions = {}): ParsedDocuments {
  return readDocuments(text, file, options, false);
}

function readDocuments(text: string, file: string, options: ParseYamlOptions, common: boolean): ParsedDocuments {
  const lineShift = (options.firstLine ?? 1) - 1;
  // Every object keeps a locator that reaches `where`: it is made apart from this function, whose
  // closures share one context holding the text, so the objects keep only what `kept` holds.
  const kept = (options.keepText ?? keepAsIs)(text);
  const positions = textPositions(text, kept, lineShift);
  const where = positions.where;
  const problemAt = (offset: number, message: string) => {
    // While reading, the text itself is at hand: a place is always found.
    const at = where(offset)!;
    return `${file}:${at.line}:${at.column}: ${message}`;
  };
  const lineAt = forwardLines(text, lineShift, where);
  const split = splitDocuments(text);
  if (split.problem) return { sources: [], problems: [problemAt(split.problem.offset, split.problem.message)], warnings: [] };
  const sources: SourcedObject[] = [];
  const warnings: string[] = [];
  const oversized = split.chunks.find((c) => c.text.length > MAX_DOCUMENT_CHARS);
  if (oversized) {
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    return { sources: [], problems: [problemAt(oversized.offset, `a document of ${mib(oversized.text.length)} MiB is larger than the ${mib(MAX_DOCUMENT_CHARS)} MiB lint reads (the API server refuses requests over 3 MiB); split it`)], warnings: [] };
  }
  for (const read of readChunks(text, split.chunks, kept, common)) {
    if ('problem' in read) return { sources: [], problems: [problemAt(read.problem.offset, read.problem.message)], warnings: [] };
    const { document, reparse } = read;
    for (const w of document.warnings) warnings.push(problemAt(w.offset, w.message));
    const value = document.value;
    if (value === null || value === undefined) continue;
    const locator = locatorsOf(reparse, where);
    if (isList(value)) {
      // Each item gets its own line, so findings point at the item rather than the List.
      value.items.forEach((item, j) => {
        const start = document.itemStarts[j] ?? document.start;
        sources.push({ object: item, file, line: lineAt(start), locate: locator(`items[${j}].`) });
      });
    } else {
      sources.push({ object: value, file, line: lineAt(document.start), locate: locator('') });
    }
  }
  positions.forgetLines();
  return { sources, problems: [], warnings };
}

/**
 * Line and column of an offset: in the text itself while it is read, then in the kept text. Line
 * starts are found on first use and dropped once the text is read (`forgetLines`); a finding
 * located later finds them again (a few are kept, see recentLineStarts), so the objects kept for
 * analysis hold neither the text nor an array as long as it.
 */
function textPositions(text: string, kept: KeptText, lineShift: number) {
  let reading: string | undefined = text;
  let lines: number[] | undefined;
  const key = {};
  return {
    where(offset: number): { line: number; column: number } | undefined {
      const starts = reading !== undefined ? (lines ??= lineStarts(reading)) : recentLineStarts.get(key, () => {
        const again = kept();
        return again === undefined ? undefined : lineStarts(again);
      });
      if (!starts) return undefined;
      const line = lineOf(starts, offset);
      return { line: line + lineShift, column: offset - starts[line - 1] + 1 };
    },
    forgetLines(): void {
      lines = undefined;
      reading = undefined;
    },
  };
}

/** Line starts of texts whose findings were located lately (an array per text would grow with the input). */
const recentLineStarts = new RecentlyUsed<object, number[] | undefined>(16);

/** Field offsets of documents whose findings were located lately (each map's keys point into its text). */
const recentOffsets = new RecentlyUsed<() => Map<string, number>, Map<string, number>>(64);

/**
 * The line of an offset, for offsets met in order (objects come in the order they are written):
 * each one's line is counted on from the last one's, without the line starts of the whole text.
 */
function forwardLines(text: string, lineShift: number, where: (offset: number) => { line: number } | undefined): (offset: number) => number {
  let counted = 0;
  let countedLine = 1;
  return (offset) => {
    if (offset < counted) return where(offset)!.line;
    for (let i = text.indexOf('\n', counted); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) countedLine++;
    counted = offset;
    return countedLine + lineShift;
  };
}

/**
 * The locators of one document's objects, by path prefix. Made outside the reading loop so that
 * each object keeps only what locating needs, not the decoded document (lint keeps every object).
 */
function locatorsOf(reparse: () => Map<string, number>, where: (offset: number) => { line: number; column: number } | undefined) {
  // Field offsets are computed only when a finding asks, and kept while findings still ask.
  return (prefix: string) => (path: string) => {
    const offset = recentOffsets.get(reparse, reparse).get(prefix + path);
    return offset === undefined ? undefined : where(offset);
  };
}

/**
 * Documents read together in one parser call: the parser's setup costs more than a small document,
 * while a larger group's events outlive the young generation (64 KiB: 25% less CPU than 256 KiB on
 * a 10,000-service mesh).
 */
const GROUP_CHARS = 64 * 1024;

/**
 * Reads chunks in groups: one parser call over consecutive chunks when its documents map one to
 * one onto them and need no go-yaml adjustment; chunk by chunk otherwise.
 */
function* readChunks(text: string, chunks: readonly DocumentChunk[], kept: KeptText, common: boolean): Generator<ChunkRead> {
  for (let i = 0; i < chunks.length;) {
    let j = i + 1;
    while (j < chunks.length && chunks[j].offset + chunks[j].text.length - chunks[i].offset <= GROUP_CHARS) j++;
    const group = chunks.slice(i, j);
    const together = group.length > 1 ? readGroup(text, group, kept, common) : undefined;
    if (together) yield* together;
    else for (const chunk of group) yield readChunk(chunk, kept, common);
    i = j;
  }
}

/**
 * One parser call over consecutive chunks, read in one pass over the events when they hold only
 * common documents (see decodeCommonDocuments), else by cutting the events into documents;
 * undefined when the chunks must be read one by one.
 */
function readGroup(text: string, group: readonly DocumentChunk[], kept: KeptText, common: boolean): ChunkRead[] | undefined {
  const base = group[0].offset;
  const last = group[group.length - 1];
  const source = text.slice(base, last.offset + last.text.length);
  if (lineBreakDifference(source)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(source, { maxDepth: MAX_NESTING_DEPTH });
  } catch {
    return undefined;
  }
  const reads = common ? readCommon(events, source, group, kept) : undefined;
  if (reads) return reads;
  // Cut the events into documents, and find each one's chunk by where its content starts.
  const documents: { events: Event[]; chunk: number }[] = [];
  let current: Event[] | undefined;
  let next = 0;
  let lastChunk = -1;
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      if (event.directives.length) return undefined;
      current = [event];
      documents.push({ events: current, chunk: -1 });
      continue;
    }
    current?.push(event);
    const doc = documents[documents.length - 1];
    if (doc && doc.chunk < 0 && event.type !== EVENT_ID.POP) {
      const at = base + nodeStart(event);
      while (next < group.length && group[next].offset + group[next].text.length <= at) next++;
      // Two documents in one chunk (after a `...`): kubectl reads only the first, so go slowly.
      if (next >= group.length || next <= lastChunk) return undefined;
      doc.chunk = lastChunk = next;
    }
  }
  const general: ChunkRead[] = [];
  for (const doc of documents) {
    if (doc.chunk < 0) continue;
    const fixes = flowScalarFixes(doc.events, source);
    if (fixes.problem || fixes.edits.length) return undefined;
    const chunk = group[doc.chunk];
    try {
      const document = decodeDocument(doc.events, source, limitsFor(chunk.text));
      const at = (o: number) => base + o;
      general.push({ document: shifted(document, at), reparse: reparseChunk(kept, chunk) });
    } catch {
      return undefined;
    }
  }
  return general;
}

/** The documents of a parsed group read in one pass, or undefined when one is not a common document. */
function readCommon(events: readonly Event[], source: string, group: readonly DocumentChunk[], kept: KeptText): ChunkRead[] | undefined {
  const reads = decodeCommonDocuments(events, source, group[0].offset, group, (chunk) => limitsFor(chunk.text));
  return reads?.map(({ chunk, document }) => ({ document, reparse: reparseChunk(kept, group[chunk]) }));
}

/** The document with its offsets moved from its parsed text into the whole file. */
function shifted(document: DecodedDocument, at: (offset: number) => number): DecodedDocument {
  return {
    ...document,
    start: at(document.start),
    itemStarts: document.itemStarts.map(at),
    warnings: document.warnings.map((w) => ({ offset: at(w.offset), message: w.message })),
  };
}

function limitsFor(text: string) {
  return { maxAliases: MAX_ALIASES_PER_DOCUMENT, maxValues: Math.max(MIN_EXPANSION_LIMIT, text.length), maxDepth: MAX_NESTING_DEPTH };
}

/** Field offsets of the kept text from `start` to `end`, found again when a finding asks. */
function reparseKept(kept: KeptText, start: number, end: number): () => Map<string, number> {
  return () => {
    const text = kept();
    return text === undefined ? new Map() : offsetsIn(text.slice(start, end), (o) => start + o);
  };
}

/** Field offsets of a chunk, found again in the kept text when a finding asks. */
function reparseChunk(kept: KeptText, chunk: DocumentChunk): () => Map<string, number> {
  return reparseKept(kept, chunk.offset, chunk.offset + chunk.text.length);
}

/** Field offsets of a text read after edits (go-yaml's readings made explicit), kept as it is. */
function reparseEdited(edited: string, at: (o: number) => number): () => Map<string, number> {
  return () => offsetsIn(edited, at);
}

function offsetsIn(text: string, at: (o: number) => number): Map<string, number> {
  const found = fieldOffsets(parseEvents(text, { maxDepth: MAX_NESTING_DEPTH }), text);
  // Paths are pieced together from substrings of the text: own copies let the text go.
  const offsets = new Map<string, number>();
  for (const [path, o] of found) offsets.set(ownCopy(path), at(o));
  return offsets;
}

/** Offsets in a read document are relative to the whole file. */
type ChunkRead =
  | { document: DecodedDocument; reparse: () => Map<string, number> }
  | { problem: { offset: number; message: string } };

function readChunk(chunk: DocumentChunk, kept: KeptText, common: boolean): ChunkRead {
  let text = chunk.text;
  let original = (o: number) => o;
  let events: Event[] = [];
  const breaks = lineBreakDifference(text);
  if (breaks) return { problem: { offset: chunk.offset + breaks.offset, message: breaks.message } };
  try {
    try {
      events = parseEvents(text, { maxDepth: MAX_NESTING_DEPTH });
    } catch (err) {
      const read = readAsGoYamlDoes(text, err);
      if (!read) throw err;
      ({ events, text, original } = read);
    }
    const reads = common && text === chunk.text ? readCommon(events, text, [chunk], kept) : undefined;
    // A chunk holding no document reads as nothing, as decodeDocument finds.
    if (reads) return reads[0] ?? { document: { value: undefined, start: chunk.offset, itemStarts: [], warnings: [] }, reparse: () => new Map() };
    // Re-read once with go-yaml's reading of plain scalars inside [...] and {...} made explicit.
    const fixes = flowScalarFixes(events, text);
    if (fixes.problem) return { problem: { offset: chunk.offset + fixes.problem.offset, message: fixes.problem.message } };
    if (fixes.edits.length) {
      const edited = applyEdits(text, fixes.edits);
      const before = original;
      text = edited.text;
      original = (o) => before(edited.original(o));
      events = parseEvents(text, { maxDepth: MAX_NESTING_DEPTH });
    }
    const document = decodeDocument(events, text, limitsFor(text));
    const at = movedBy(chunk.offset, original);
    return {
      document: shifted(document, at),
      reparse: text === chunk.text ? reparseKept(kept, chunk.offset, chunk.offset + chunk.text.length) : reparseEdited(text, at),
    };
  } catch (err) {
    if (err instanceof DecodeError) return { problem: { offset: chunk.offset + original(err.offset), message: err.message } };
    return { problem: problemOf(err, chunk.offset, original) };
  }
}

/** Offsets of a read text moved into the whole file; made apart from readChunk so that a kept locator does not hold its events. */
function movedBy(base: number, original: (o: number) => number): (o: number) => number {
  return (o) => base + original(o);
}

/**
 * A second reading of text the YAML 1.2 reader refused but go-yaml reads: lines at any indentation
 * inside [...], {...} and quoted scalars; then plain values and tabs in [...] and {...}.
 */
function readAsGoYamlDoes(text: string, err: unknown): { events: Event[]; text: string; original: (o: number) => number } | undefined {
  const parse = (t: string) => parseEvents(t, { maxDepth: MAX_NESTING_DEPTH });
  const reindented = readReindented(text, err, parse);
  if (reindented) return { events: reindented.result, text: reindented.text, original: reindented.original };
  const repairs = text.includes('[') || text.includes('{') ? flowRepairs(text) : [];
  if (repairs.length === 0) return undefined;
  const repaired = applyEdits(text, repairs);
  try {
    return { events: parse(repaired.text), ...repaired };
  } catch {
    return undefined;
  }
}

function problemOf(err: unknown, base: number, original: (o: number) => number): { offset: number; message: string } {
  if (err instanceof RangeError) return { offset: base, message: 'nesting too deep to read' };
  const e = err as { reason?: string; mark?: { position: number }; message?: string };
  const reason = e.reason ?? firstLine(e.message ?? String(err));
  return { offset: base + original(e.mark?.position ?? 0), message: reason };
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
