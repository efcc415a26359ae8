import { applyEdits, TextEdit } from './flow-scalars';

/** How many lines one document may have re-indented before it is refused as written. */
export const MAX_REINDENTED_LINES = 64;

/** A reading of text after edits, with the way back to the offsets of the text as written. */
export interface Reindented<T> {
  readonly result: T;
  readonly text: string;
  readonly original: (offset: number) => number;
}

/**
 * go-yaml (as kubectl reads YAML) does not check indentation inside `[...]`, `{...}` and quoted
 * scalars, where a YAML 1.2 reader refuses a line indented less than its parent ("deficient
 * indentation"): a closing `]` at the key's column, a continuation line of a double-quoted value
 * at column 0. Leading spaces on such lines carry no meaning (they are folded away), so each line
 * the reader refuses gets spaces in front, one more than the deepest indentation above it, and
 * the text is read again. Returns undefined when the refusal is another one, or after
 * MAX_REINDENTED_LINES lines (a bounded effort on hostile input).
 */
export function readReindented<T>(text: string, firstError: unknown, read: (text: string) => T): Reindented<T> | undefined {
  const edits: TextEdit[] = [];
  const edited = new Set<number>();
  let current = { text, original: (o: number) => o };
  let error = firstError;
  // Built on the first refusal that is about indentation; other refusals cost nothing here.
  let deepestBefore: ((lineStart: number) => number) | undefined;
  for (let attempt = 0; attempt < MAX_REINDENTED_LINES; attempt++) {
    const at = deficientIndentationAt(error);
    if (at === undefined) return undefined;
    const lineStart = text.lastIndexOf('\n', current.original(at) - 1) + 1;
    // No progress: the line was already moved, so something else is wrong with it.
    if (edited.has(lineStart)) return undefined;
    edited.add(lineStart);
    const indent = leadingSpaces(text, lineStart);
    deepestBefore ??= deepestIndentsBefore(text);
    const wanted = deepestBefore(lineStart) + 1;
    if (wanted <= indent) return undefined;
    edits.push({ start: lineStart, end: lineStart, replacement: ' '.repeat(wanted - indent) });
    edits.sort((a, b) => a.start - b.start);
    current = applyEdits(text, edits);
    try {
      return { result: read(current.text), ...current };
    } catch (err) {
      error = err;
    }
  }
  return undefined;
}

/** Where js-yaml refused the text for deficient indentation, or undefined for other errors. */
function deficientIndentationAt(err: unknown): number | undefined {
  const e = err as { reason?: string; mark?: { position?: number } } | undefined;
  return e?.reason === 'deficient indentation' && typeof e.mark?.position === 'number' ? e.mark.position : undefined;
}

function leadingSpaces(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ') i++;
  return i - lineStart;
}

/**
 * For a line start, the deepest indentation of a non-blank line above it; computed once per text
 * (a refused document may be read up to MAX_REINDENTED_LINES times).
 */
function deepestIndentsBefore(text: string): (lineStart: number) => number {
  const starts: number[] = [];
  const deepest: number[] = [];
  let max = 0;
  for (let start = 0; start <= text.length;) {
    starts.push(start);
    deepest.push(max);
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    const indent = leadingSpaces(text, start);
    if (start + indent < stop && text[start + indent] !== '\r') max = Math.max(max, indent);
    if (end < 0) break;
    start = end + 1;
  }
  return (lineStart) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (starts[mid] <= lineStart) lo = mid;
      else hi = mid - 1;
    }
    return deepest[lo];
  };
}
