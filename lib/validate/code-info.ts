import { Severity } from './finding';

/** One of our own finding codes (Istio's IST codes are used where `istioctl analyze` has the same check). */
export interface CodeInfo {
  /** Stable identifier, e.g. `IGR0001`. Never reused for a different check. */
  readonly code: string;
  /** Default severity of findings with this code. */
  readonly severity: Severity;
  /** One line: what the check catches. */
  readonly title: string;
}
