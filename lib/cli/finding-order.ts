import { Finding } from '../validate/finding';

/**
 * Findings in the order every lint format prints them: by file, then line, then column, then
 * code. Findings without a file (objects given from code) come first, those without a line
 * before the lines of their file. Stable, and independent of the locale (plain code-unit order),
 * so CI logs and SARIF files diff cleanly between runs and machines.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** The order of {@link sortFindings}. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file ?? '', b.file ?? '')
    || (a.line ?? 0) - (b.line ?? 0)
    || (a.column ?? 0) - (b.column ?? 0)
    || compareText(a.code, b.code);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
