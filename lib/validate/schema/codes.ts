import { CodeInfo } from '../code-info';

/** Codes of the schema checks. */
export const SCHEMA_CODES = {} satisfies Record<string, CodeInfo>;
