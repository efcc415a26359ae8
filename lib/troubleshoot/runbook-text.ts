import { printable } from '../core/printable';

/** Strings from the manifests longer than this are cut in runbooks (valid names are at most 253). */
export const MAX_RUNBOOK_TEXT_CHARS = 512;

/** Nesting beyond this in an object handed to `renderRunbooks` from code is not read. */
const MAX_DEPTH = 64;

/** Characters that would end a Markdown code span, split a table cell or open raw HTML. */
const MARKDOWN_ESCAPES: Readonly<Record<string, string>> = { '`': '\\x60', '|': '\\|', '<': '\\x3c', '>': '\\x3e' };

/**
 * A string from the manifests as runbook Markdown may show it: cut, control characters escaped,
 * and the characters Markdown gives meaning to inside code spans and tables escaped. Valid
 * Kubernetes names, labels and hosts hold none of these, so they come back unchanged.
 */
export function displayText(text: string): string {
  return printable(text, MAX_RUNBOOK_TEXT_CHARS).replace(/[`|<>]/g, (c) => MARKDOWN_ESCAPES[c]);
}

/**
 * A copy of a parsed manifest with every string (keys too) through `displayText`, so nothing
 * from the input reaches a runbook raw. Commands only ever use names that were first checked
 * to be valid Kubernetes names, which this leaves as they are.
 */
export function displaySafe<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return displayText(value) as unknown as T;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return undefined as unknown as T;
  if (Array.isArray(value)) return value.map((v) => displaySafe(v, depth + 1)) as unknown as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[displayText(k)] = displaySafe(v, depth + 1);
  return out as T;
}

/**
 * Text inside a quoted Mermaid label. Mermaid reads `#name;` and `#123;` as entity codes and a
 * `"` ends the label, so `#` and `"` (and `<`, `>`, `` ` ``) become entity codes; `<br/>` line
 * breaks are added by callers between escaped parts.
 */
export function mermaidLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/\\?\|/g, '#124;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
}

/** Escaped parts of a Mermaid label joined with line breaks. */
export function mermaidLines(...parts: readonly string[]): string {
  return parts.map(mermaidLabel).join('<br/>');
}
