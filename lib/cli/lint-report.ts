import { escapeControlChars, MAX_MESSAGE_CHARS, printable } from '../core/printable';
import { describeResource, Finding, Severity } from '../validate/finding';

/** Counts of a lint run. */
export interface LintSummary {
  readonly objects: number;
  /** Findings at each severity, after `--suppress` and before `--output-threshold`. */
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Findings `--suppress` removed. */
  readonly suppressed: number;
  /** Findings counted above but not printed, being below `--output-threshold`. */
  readonly notShown: number;
}

/** How many findings the options kept out of the report. */
export interface LintOmissions {
  readonly suppressed: number;
  readonly notShown: number;
}

/** Counts findings by severity. */
export function summarize(objects: number, findings: readonly Finding[], omitted: LintOmissions = { suppressed: 0, notShown: 0 }): LintSummary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { objects, errors: count('error'), warnings: count('warning'), infos: count('info'), ...omitted };
}

/** `{"findings": [...], "summary": {...}}` */
export function renderLintJson(findings: readonly Finding[], summary: LintSummary): string {
  return JSON.stringify({ findings, summary }, null, 2) + '\n';
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const RESET = '\x1b[0m';

/**
 * One line per finding, `file:line:column  severity  code  Kind namespace/name path: message`
 * (the location editors and CI log viewers turn into a link), then a summary line; ANSI colors
 * when `color`. Findings print in the order given (lint sorts them by file and line).
 */
export function renderLintText(findings: readonly Finding[], summary: LintSummary, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const lines = findings.map((f) => {
    // Text from the input (file, kind, name, path, message) has its control characters escaped.
    const at = f.path ? ` ${escapeControlChars(f.path)}` : '';
    return `${escapeControlChars(locationOf(f))}  ${paint(COLORS[f.severity], f.severity.padEnd(7))} ${printable(f.code)}  ${printable(describeResource(f.resource), MAX_MESSAGE_CHARS)}${at}: ${escapeControlChars(f.message)}`;
  });
  lines.push(summaryLine(summary));
  return lines.join('\n') + '\n';
}

/** `file:line:column`, as much of it as is known; `(objects)` for findings without a file. */
export function locationOf(f: Finding): string {
  if (!f.file) return '(objects)';
  if (f.line === undefined) return f.file;
  return f.column === undefined ? `${f.file}:${f.line}` : `${f.file}:${f.line}:${f.column}`;
}

function summaryLine(summary: LintSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const suppressed = summary.suppressed ? `, ${summary.suppressed} suppressed` : '';
  const notShown = summary.notShown ? ` (${summary.notShown} below --output-threshold not shown)` : '';
  return `${plural(summary.objects, 'object')}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}${suppressed}${notShown}`;
}
