import type { CodeInfo } from '../validate/code-info';
import type { Finding, ResourceRef } from '../validate/finding';

/**
 * Codes of what the constructs accept but warn about (IGR5xxx: prop-level, beside the engine's
 * IGR0xxx-IGR4xxx). Each is reported at synth, on `warnings`, and by `Validation.findingsOf`.
 */
export const PROP_WARNING_CODES = {
  HEADLESS_SERVICE: { code: 'IGR5001', severity: 'warning', title: 'headless Service: Istio forwards each connection to the pod the client resolved, so calls are not balanced per request' },
  GATEWAY_API_MESH_DEFAULT_RETRIES: { code: 'IGR5002', severity: 'warning', title: 'Gateway API routing: calls of undeclared methods get the mesh default retry policy, which can repeat a call the server already ran' },
} satisfies Record<string, CodeInfo>;

/** A prop that is allowed but probably not what the user wants. */
export interface PropWarning {
  /** One of PROP_WARNING_CODES. */
  readonly code: string;
  /** The prop, dotted for nested values. */
  readonly field: string;
  readonly message: string;
}

/** The warning as a finding about the object it shows in, so it prints and filters like the engine's. */
export function propWarningFinding(warning: PropWarning, resource: ResourceRef): Finding {
  return { severity: 'warning', code: warning.code, message: `${warning.field}: ${warning.message}`, resource };
}
