import { runAnalyzers } from './runner';
import { AnalyzerSelection } from './selection';
import { KubeObject } from '../../core/kube-object';
import { Finding } from '../finding';
import { ValidateOptions } from '../options';

export { ANALYZER_CODES, IST, IGR } from './messages';
export type { MessageType } from './messages';
export type { Analyzer, AnalysisContext } from './analyzer';
export { ANALYZER_CATALOG } from './catalog';
export type { AnalyzerEntry } from './catalog';
export { AnalyzerSelection, analyzerNames, POD_SECURITY_ANALYZER, webhookAnalyzerName } from './selection';

/**
 * Cross-object checks over every object read, as `istioctl analyze` runs them on files (Istio's
 * IST codes and levels), plus our gRPC checks (IGR3xxx).
 */
export function analyzeObjects(objects: readonly KubeObject[], options: ValidateOptions = {}): Finding[] {
  return runAnalyzers(AnalyzerSelection.of(options.analyzers).analyzers(), objects, options);
}
