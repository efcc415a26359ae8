import { IConstruct } from 'constructs';
import { appFindings } from './chart-validation';
import { KubeObject } from './core/kube-object';
import { renderRunbooks, RenderedRunbook } from './troubleshoot/runbook';
import * as engine from './validate/engine';
import { Finding } from './validate/finding';

/**
 * The validation engine from code: the same checks `istio-grpc lint` and synth run (CRD schema
 * with CEL, Istio's admission webhook, `istioctl analyze` and our gRPC checks). The functions
 * `validateObjects`, `errorsOf` and `formatFinding` are exported too; this class carries them for
 * jsii languages, which have no free functions.
 *
 * @example
 * const findings = Validation.validateObjects(Testing.synth(chart));
 * for (const f of Validation.errorsOf(findings)) console.error(Validation.formatFinding(f));
 */
export class Validation {
  /** Every finding for objects in manifest (JSON) form, e.g. `Testing.synth(chart)` or parsed YAML. */
  public static validateObjects(objects: any[]): Finding[] {
    return engine.validateObjects(objects);
  }

  /** The error-level findings (the ones that fail synth and make `lint` exit 1). */
  public static errorsOf(findings: Finding[]): Finding[] {
    return engine.errorsOf(findings);
  }

  /** One line: `error IST0101 VirtualService ns/name spec.http[0]...: message`. */
  public static formatFinding(finding: Finding): string {
    return engine.formatFinding(finding);
  }

  /**
   * What synthesizing the app holding `scope` reports: the engine's findings over all of its
   * objects plus the constructs' own warnings (e.g. IGR4001 headless Service), errors first.
   * Warnings print on stderr at synth; this returns them to code.
   */
  public static findingsOf(scope: IConstruct): Finding[] {
    return appFindings(scope).map((f) => f.finding);
  }

  private constructor() {}
}

/**
 * Markdown runbooks for gRPC services (`istio-grpc runbook` from code). `renderRunbooks` is
 * exported too; this class carries it for jsii languages.
 *
 * @example
 * for (const r of Runbooks.render(Testing.synth(chart))) fs.writeFileSync(r.fileName, r.markdown);
 */
export class Runbooks {
  /** One runbook per gRPC Service among `objects` (manifests in JSON form). */
  public static render(objects: any[]): RenderedRunbook[] {
    return renderRunbooks(objects as KubeObject[]);
  }

  private constructor() {}
}
