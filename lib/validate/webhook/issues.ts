import { ISTIO_WEBHOOK_CODES } from './codes';
import { KubeObject } from '../../core/kube-object';
import { CodeInfo } from '../code-info';
import { Finding, findingOf } from '../finding';

/**
 * Collects the findings of one object's webhook checks. Every rule here is one of Istio's own
 * validation functions, which `istioctl analyze` reports as IST0106 (error) or IST0133
 * (warning), so those are the codes; the rule group only says where the rule sits.
 */
export class Issues {
  readonly findings: Finding[] = [];
  constructor(private readonly object: KubeObject) {}

  /** A problem Istio rejects the object for. */
  error(_group: CodeInfo, path: string, message: string): void {
    this.findings.push(findingOf(this.object, 'error', ISTIO_WEBHOOK_CODES.ERROR, message, path));
  }

  /** Something Istio accepts with a warning. */
  warn(_group: CodeInfo, path: string, message: string): void {
    this.findings.push(findingOf(this.object, 'warning', ISTIO_WEBHOOK_CODES.WARNING, message, path));
  }
}

/** The value as a plain object, or undefined (rules treat odd shapes as absent). */
export function obj(value: unknown): Record<string, any> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, any>) : undefined;
}

/** The value as a list, or an empty list. */
export function list(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}
