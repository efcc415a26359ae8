import { CodeInfo } from '../code-info';

/** Codes of the analyzer checks. */
export const ANALYZER_CODES = {} satisfies Record<string, CodeInfo>;
