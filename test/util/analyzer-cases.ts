import { KubeObject } from '../../lib/core/kube-object';
import { AnalyzerSelection } from '../../lib/validate/analyzer';
import { runAnalyzers } from '../../lib/validate/analyzer/runner';
import { ValidateOptions } from '../../lib/validate/options';
import { parseYamlDocuments } from '../../lib/validate/yaml-documents';

/** The objects of a YAML stream (which must parse cleanly). */
export function objectsOf(yaml: string): KubeObject[] {
  const parsed = parseYamlDocuments(yaml, 'case.yaml');
  if (parsed.problems.length > 0) throw new Error(`case does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.sources.map((s) => s.object as KubeObject);
}

/** `severity code Kind namespace/name path` of what the named analyzers find, sorted. */
export function findingsOf(analyzers: readonly string[], yaml: string, options: ValidateOptions = {}): string[] {
  return runAnalyzers(AnalyzerSelection.of(analyzers).analyzers(), objectsOf(yaml), options)
    .map((f) => `${f.severity} ${f.code} ${f.resource.kind} ${f.resource.namespace ?? ''}/${f.resource.name} ${f.path ?? ''}`)
    .sort();
}
