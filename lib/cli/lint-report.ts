import { escapeControlChars, MAX_MESSAGE_CHARS, printable } from '../core/printable';
import { describeResource, Finding, Severity } from '../validate/finding';

/** Counts of a lint run. */
export interface LintSummary {
  readonly objects: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Counts findings by severity. */
export function summarize(objects: number, findings: readonly Finding[]): LintSummary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { objects, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

/** `{"findings": [...], "summary": {...}}` */
export function renderLintJson(findings: readonly Finding[], summary: LintSummary): string {
  return JSON.stringify({ findings, summary }, null, 2) + '\n';
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';

/**
 * One line per finding, grouped under the file it came from; ANSI colors when `color`. Text from
 * the input (file, kind, name, path, message) has its control characters escaped.
 */
export function renderLintText(findings: readonly Finding[], summary: LintSummary, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.file ?? '';
    byFile.set(key, [...(byFile.get(key) ?? []), f]);
  }
  const lines: string[] = [];
  for (const [file, group] of byFile) {
    lines.push(paint(BOLD, escapeControlChars(file) || '(objects)'));
    for (const f of group) {
      const where = f.line !== undefined ? `${f.line}`.padStart(5) + '  ' : '';
      const at = f.path ? ` ${escapeControlChars(f.path)}` : '';
      lines.push(`  ${where}${paint(COLORS[f.severity], f.severity.padEnd(7))} ${printable(f.code)}  ${printable(describeResource(f.resource), MAX_MESSAGE_CHARS)}${at}: ${escapeControlChars(f.message)}`);
    }
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(summary.objects, 'object')}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}`);
  return lines.join('\n') + '\n';
}
