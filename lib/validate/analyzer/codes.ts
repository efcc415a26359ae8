import { IST as MESSAGES } from './messages';
import { Severity } from '../finding';

export { ANALYZER_CODES } from './messages';

/**
 * Istio's analyzer codes this engine reports, with Istio's level, keyed by the message name in
 * constant case (`REFERENCED_RESOURCE_NOT_FOUND`); derived from the message table in messages.ts.
 */
export const IST: Readonly<Record<string, { readonly code: string; readonly severity: Severity }>> = Object.fromEntries(
  Object.values(MESSAGES).map((m) => [constantCase(m.name), { code: m.code, severity: m.level }]),
);

function constantCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toUpperCase();
}
