import { InvalidArgumentError } from 'commander';
import { Severity } from '../validate/finding';

/** Severities from least to most severe, as `istioctl analyze` ranks its levels (Info < Warning < Error). */
export const SEVERITIES_BY_RANK: readonly Severity[] = ['info', 'warning', 'error'];

/** True when `severity` is `threshold` or worse. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES_BY_RANK.indexOf(severity) >= SEVERITIES_BY_RANK.indexOf(threshold);
}

/**
 * Reads `--failure-threshold`/`--output-threshold`: `error`, `warning` or `info`, in any case
 * (`istioctl analyze` accepts `Error`, `ERROR`, ...). Anything else is a usage error.
 */
export function parseSeverityThreshold(value: string): Severity {
  const level = value.trim().toLowerCase();
  const found = SEVERITIES_BY_RANK.find((s) => s === level);
  if (!found) throw new InvalidArgumentError(`Use one of ${[...SEVERITIES_BY_RANK].reverse().join(', ')}.`);
  return found;
}
