import { Event, EVENT_ID, SCALAR_STYLE } from 'js-yaml';

/** A change to the text that makes the YAML 1.2 reader see what go-yaml sees. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/** Where the text cannot mean to kubectl what it means to a YAML 1.2 reader, and kubectl refuses it. */
export interface FlowProblem {
  readonly offset: number;
  readonly message: string;
}

const FLOW_END = new Set([',', ']', '}']);

/**
 * go-yaml scans plain scalars inside `[...]`/`{...}` differently from YAML 1.2: a `:` not
 * followed by a space stays in the scalar (`[001:db8::]` is one string), a `?` ends it, and a
 * scalar cannot start with `:`; a leading `?` is the key indicator even without a space. Finds
 * the plain scalars where that changes the result: the edits that make the two agree (quoting
 * the scalar, or spacing the `?`), or the problem kubectl would refuse.
 */
export function flowScalarFixes(events: readonly Event[], text: string): { edits: TextEdit[]; problem?: FlowProblem } {
  const edits: TextEdit[] = [];
  const flow: boolean[] = [];
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.POP) {
      if (event.type === EVENT_ID.POP) flow.pop();
      continue;
    }
    const other = scannerDifference(event, text);
    if (other) return { edits, problem: other };
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      flow.push(event.style === 2 || flow[flow.length - 1] === true);
      continue;
    }
    if (event.type !== EVENT_ID.SCALAR || event.style !== SCALAR_STYLE.PLAIN || flow[flow.length - 1] !== true) continue;
    const { valueStart: start, valueEnd: end } = event;
    if (end <= start) continue;
    const raw = text.slice(start, end);
    if (raw.startsWith(':')) {
      return { edits, problem: { offset: start, message: `kubectl cannot read a plain value starting with ":" inside [...] or {...}: quote ${quoteClip(raw)}` } };
    }
    if (raw.startsWith('?')) {
      edits.push({ start, end: start + 1, replacement: '? ' });
      continue;
    }
    if (raw.includes('?')) {
      return { edits, problem: { offset: start + raw.indexOf('?'), message: `kubectl ends a plain value at "?" inside [...] or {...} and cannot read the rest: quote ${quoteClip(raw)}` } };
    }
    if (text[end] === ':') {
      const next = text[end + 1];
      if (next !== undefined && FLOW_END.has(next)) {
        edits.push({ start, end: end + 1, replacement: JSON.stringify(plainText(text.slice(start, end + 1))) });
      } else if (next === '[' || next === '{') {
        return { edits, problem: { offset: end, message: `kubectl reads ${quoteClip(raw + ':')} as a value followed by "${next}" with no comma, and refuses it: add a space after ":"` } };
      }
    }
  }
  return { edits };
}

const NAME = /^[A-Za-z0-9_-]+$/;

/** Other places where go-yaml's scanner reads the text differently, and kubectl refuses or misreads it. */
function scannerDifference(event: Exclude<Event, { type: 1 | 6 }>, text: string): FlowProblem | undefined {
  const anchor = event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined;
  if (anchor !== undefined && !NAME.test(anchor)) {
    return { offset: event.anchorStart, message: `kubectl reads anchor and alias names as letters, digits, "-" and "_" only, so it does not read ${quoteClip(anchor)} as written; rename it` };
  }
  if (event.type === EVENT_ID.ALIAS) return undefined;
  // go-yaml wants a space or line break after a tag (and takes `,`, `[` and `]` into it).
  if (event.tagStart >= 0 && event.tagEnd < text.length && !/\s/.test(text[event.tagEnd])) {
    return { offset: event.tagStart, message: `kubectl needs a space after the tag ${text.slice(event.tagStart, event.tagEnd)} (it reads "${text[event.tagEnd]}" as part of the tag or refuses it); add one` };
  }
  if (event.type === EVENT_ID.MAPPING && event.style === 1) {
    // Usually only indentation, `- ` or `? ` precede it on its line: checked without slicing.
    let i = event.start - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '-' || text[i] === '?')) i--;
    const lineStart = text.lastIndexOf('\n', event.start - 1) + 1;
    if (i >= lineStart && text[i] !== '\n' && !/^[\s?-]*(?:[&!]\S*\s+)*$/.test(text.slice(lineStart, event.start))) {
      return { offset: event.start, message: 'kubectl refuses a mapping that starts on the line of its key ("mapping values are not allowed in this context"); start it on the next line' };
    }
  }
  if (event.type === EVENT_ID.SCALAR && event.style === SCALAR_STYLE.DOUBLE_QUOTED) {
    const bad = /\\\\|\\([^0abtnvfre "'\\N_LPxuU\t\r\n])/g;
    for (let m = bad.exec(text.slice(event.valueStart, event.valueEnd)); m; m = bad.exec(text.slice(event.valueStart, event.valueEnd))) {
      if (m[1] !== undefined) return { offset: event.valueStart + m.index, message: `kubectl does not know the escape "\\${m[1]}" in a double-quoted string; write the character itself` };
    }
  }
  return undefined;
}

/** Line breaks to go-yaml (YAML 1.1) but ordinary characters to a YAML 1.2 reader. */
const YAML11_BREAKS = /[\u0085\u2028\u2029]/;

/** Refuses text that go-yaml would cut into lines where a YAML 1.2 reader does not. */
export function lineBreakDifference(text: string): FlowProblem | undefined {
  const m = YAML11_BREAKS.exec(text);
  if (!m) return undefined;
  return { offset: m.index, message: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is a line break to kubectl (YAML 1.1) but not to YAML 1.2 readers; write it as an escape (\\N, \\L, \\P) in a double-quoted string` };
}

/**
 * Edits for text the YAML 1.2 reader refused but go-yaml reads, inside [...] and {...}: a plain
 * value ending in ":" before `,`, `]` or `}` (`{k: 001:db8::}`), a lone `-` entry, and a tab after
 * a comma. Tried only after a refusal, and kept only if the edited text then reads.
 */
export function flowRepairs(text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const candidates = /(?<=[[{,]\s*|[[{,]\s*[^\s,[\]{}#'"&*!|>%@`][^,[\]{}#]*?:\s+)([^\s,[\]{}#'"&*!|>%@`][^\s,[\]{}#]*:|-)(?=[,\]}])|,\t/g;
  for (let m = candidates.exec(text); m; m = candidates.exec(text)) {
    if (m[0] === ',\t') edits.push({ start: m.index, end: m.index + 2, replacement: ', ' });
    else edits.push({ start: m.index, end: m.index + m[0].length, replacement: JSON.stringify(m[0]) });
  }
  return edits;
}

/** A multi-line plain scalar folds its line breaks into spaces. */
function plainText(raw: string): string {
  return raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0).join(' ');
}

function quoteClip(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 37)}...` : raw);
}

/** Applies edits (sorted, non-overlapping) and returns a way back from new offsets to old ones. */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; original: (offset: number) => number } {
  if (edits.length === 0) return { text, original: (o) => o };
  const parts: string[] = [];
  const marks: { at: number; delta: number }[] = [];
  let last = 0;
  let delta = 0;
  for (const edit of edits) {
    parts.push(text.slice(last, edit.start), edit.replacement);
    delta += edit.replacement.length - (edit.end - edit.start);
    marks.push({ at: edit.start + delta + (edit.end - edit.start), delta });
    last = edit.end;
  }
  parts.push(text.slice(last));
  return {
    text: parts.join(''),
    original: (offset) => {
      let d = 0;
      for (const m of marks) if (offset >= m.at) d = m.delta;
      return Math.max(0, offset - d);
    },
  };
}
