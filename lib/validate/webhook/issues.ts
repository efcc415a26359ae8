import { KubeObject } from '../../core/kube-object';
import { CodeInfo } from '../code-info';
import { Finding, findingOf } from '../finding';

/** Collects the findings of one object's webhook checks. */
export class Issues {
  readonly findings: Finding[] = [];
  constructor(private readonly object: KubeObject) {}

  /** A problem Istio rejects the object for. */
  error(code: CodeInfo, path: string, message: string): void {
    this.findings.push(findingOf(this.object, 'error', code.code, message, path));
  }

  /** Something Istio accepts with a warning. */
  warn(code: CodeInfo, path: string, message: string): void {
    this.findings.push(findingOf(this.object, 'warning', code.code, message, path));
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
