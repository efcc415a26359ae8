import { InvalidArgumentError } from 'commander';

/** One `--suppress CODE=RESOURCE` value. */
export interface Suppression {
  /** Finding code, possibly with `*` wildcards (`IST0101`, `IGR3*`, `*`). */
  readonly code: string;
  /** `Kind name.namespace` (`Kind name` for cluster-scoped objects), possibly with `*` wildcards. */
  readonly resource: string;
}

/** Longer values are refused: a real suppression is a code and an object name. */
export const MAX_SUPPRESSION_LENGTH = 1024;
/** More suppressions than this are refused, so matching stays cheap. */
export const MAX_SUPPRESSIONS = 1000;

const CODE_PATTERN = /^[A-Z0-9*]+$/;
const EXAMPLE = '"IST0101=VirtualService reviews.default"';

/**
 * Reads one `--suppress` value with `istioctl analyze`'s syntax: `CODE=Kind name.namespace`,
 * `*` matching any run of characters in the resource (and, unlike istioctl, in the code too).
 * Used as a commander argument parser: `previous` is what earlier `--suppress` flags gave.
 */
export function parseSuppression(value: string, previous: readonly Suppression[] = []): Suppression[] {
  if (previous.length >= MAX_SUPPRESSIONS) throw new InvalidArgumentError(`At most ${MAX_SUPPRESSIONS} suppressions are accepted.`);
  if (value.length > MAX_SUPPRESSION_LENGTH) throw new InvalidArgumentError(`Longer than ${MAX_SUPPRESSION_LENGTH} characters; use CODE=Kind name.namespace, e.g. ${EXAMPLE}.`);
  const parts = value.split('=');
  if (parts.length !== 2) throw new InvalidArgumentError(`Use exactly one "=" between code and resource, e.g. ${EXAMPLE}.`);
  const code = parts[0].trim().toUpperCase();
  const resource = parts[1].trim();
  if (!CODE_PATTERN.test(code)) throw new InvalidArgumentError(`The code must be letters, digits or *, e.g. ${EXAMPLE}.`);
  if (!resource) throw new InvalidArgumentError(`Name the resource after "=" (Kind name.namespace, or * for every object), e.g. ${EXAMPLE}.`);
  return [...previous, { code, resource }];
}
