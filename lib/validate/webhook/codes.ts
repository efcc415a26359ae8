import { CodeInfo } from '../code-info';

/** Codes of the webhook checks. */
export const WEBHOOK_CODES = {} satisfies Record<string, CodeInfo>;
