/**
 * Text from manifests and logs shown to a person: control characters escaped, long values cut.
 * Every text output (lint, logs, flags, runbooks, error messages) goes through these, so an input
 * can neither drive the terminal (escape sequences, `\r` overwriting a line, fake `\n` lines, bidi
 * overrides reordering what is read) nor flood it with a 10 MB value. JSON outputs keep exact values.
 */

/** Values quoted in messages are cut to about this many characters. */
export const MAX_QUOTED_CHARS = 200;

/** Lines on stderr about an input (which name its path and may quote the parser's view of it) are cut to this. */
export const MAX_PROBLEM_CHARS = 1000;

/** Whole messages (which may quote a value inside a sentence) are cut to about this many characters. */
export const MAX_MESSAGE_CHARS = 600;

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * C0 controls, DEL, C1 controls, the bidi embeddings/overrides/isolates and marks, the line and
 * paragraph separators some terminals break on, and the BOM / zero-width no-break space.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Whether the text holds a character `escapeControlChars` would rewrite. */
export function hasControlChars(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/** `\n`, `\r`, `\t`, `\x1b`, `\u202e`: each unsafe character as the escape a programmer would write. */
export function escapeControlChars(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED_ESCAPES[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Escapes like `escapeControlChars` but keeps line feeds: for whole messages whose lines are ours (argument errors). */
export function escapeControlCharsKeepingLines(text: string): string {
  return text.split('\n').map(escapeControlChars).join('\n');
}

/**
 * Cuts text longer than `max` characters to its start and end around an ellipsis that gives the
 * original length: `aaaa… (10485760 characters) …zz`. Surrogate pairs are never split.
 */
export function truncateMiddle(text: string, max: number = MAX_QUOTED_CHARS): string {
  if (text.length <= max) return text;
  const keep = Math.max(2, max);
  let headEnd = Math.ceil((keep * 2) / 3);
  let tailStart = text.length - (keep - headEnd);
  if (isHighSurrogate(text.charCodeAt(headEnd - 1))) headEnd--;
  if (isLowSurrogate(text.charCodeAt(tailStart))) tailStart++;
  return `${text.slice(0, headEnd)}… (${text.length} characters) …${text.slice(tailStart)}`;
}

/** Text as it may be shown on a terminal or in Markdown: cut to `max`, then control characters escaped. */
export function printable(text: string, max: number = MAX_QUOTED_CHARS): string {
  return escapeControlChars(truncateMiddle(text, max));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
