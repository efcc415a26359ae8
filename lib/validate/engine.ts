import { analyzeObjects, AnalyzerSelection, POD_SECURITY_ANALYZER, webhookAnalyzerName } from './analyzer';
import { ENGINE_CODES } from './codes';
import { describeResource, Finding, findingOf, resourceRefOf } from './finding';
import { DEFAULT_VIEW, ValidateOptions } from './options';
import { checkPodSecurity } from './pod-security';
import { checkSchema } from './schema';
import { refKey, sourcesOf } from './source-keys';
import type { Sourced } from './source-keys';
import { checkWebhook } from './webhook';
import { parentPath } from './yaml/locate-fields';
import { KubeObject } from '../core/kube-object';
import { pushAll } from '../core/push-all';

/** A parsed document and where it came from (lint sets `file` and `line`). */
export interface SourcedObject {
  readonly object: unknown;
  readonly file?: string;
  readonly line?: number;
  /**
   * Where a field of the object is written, by finding path (`spec.http[0].retries.retryOn`);
   * `undefined` when that exact path is not written out in the source.
   */
  readonly locate?: (path: string) => { readonly line: number; readonly column: number } | undefined;
}

/**
 * Runs every check on a set of objects: schema and CEL (the API server), the admission webhook,
 * then cross-object analysis. The analyzers see every object read, rejected ones included, as
 * `istioctl analyze` does (`view: 'cluster'` keeps only what the cluster would store). Never
 * throws on input: a check that fails on odd input becomes an IGR0003 finding (an unknown
 * `options.analyzers` name is an IstioGrpcError).
 */
export function validateSources(sources: readonly SourcedObject[], options: ValidateOptions = {}): Finding[] {
  const view = options.view ?? DEFAULT_VIEW;
  const selection = AnalyzerSelection.of(options.analyzers);
  const findings: Finding[] = [];
  const analyzed: Sourced[] = [];
  const stored: Sourced[] = [];
  const seen = new Map<string, SourcedObject>();
  const podSecurity = selection.includes(POD_SECURITY_ANALYZER);
  for (const source of sources) {
    const object = source.object;
    if (!isKubeObject(object)) {
      findings.push(locate(findingOf(object, 'error', ENGINE_CODES.NOT_AN_OBJECT.code, notAnObjectMessage(object)), source));
      continue;
    }
    const key = identityOf(object);
    const earlier = seen.get(key);
    if (earlier) {
      const where = earlier.file ? ` (first defined in ${earlier.file}${earlier.line ? `:${earlier.line}` : ''})` : '';
      findings.push(locate(findingOf(object, 'error', ENGINE_CODES.DUPLICATE_OBJECT.code,
        `${describeResource(resourceRefOf(object))} is defined twice${where}; the second would replace the first. Give each object a unique name.`), source));
      continue;
    }
    seen.set(key, source);
    const sourced: Sourced = { object, source };
    analyzed.push(sourced);
    // Pod Security admission judges the pod template whatever else the API server would refuse.
    if (podSecurity) pushLocated(findings, guarded(object, 'pod security', checkPodSecurity), source);
    const schema = guarded(object, 'schema', checkSchema);
    pushLocated(findings, schema, source);
    // The API server would not store it, so the webhook never sees it.
    if (hasError(schema)) continue;
    const webhook = guarded(object, 'webhook', checkWebhook);
    // Not reported when deselected, but still decides what the cluster would store.
    if (webhook.length > 0 && selection.includes(webhookAnalyzerName(object.kind))) pushLocated(findings, webhook, source);
    if (hasError(webhook)) continue;
    stored.push(sourced);
  }
  pushAll(findings, analyze(view === 'cluster' ? stored : analyzed, stored, options));
  return findings;
}

/**
 * Cross-object analysis, each finding located at its object's source. Should the analysis fail
 * as a whole on a malformed object, it runs again over the objects the cluster would store, so
 * one odd object cannot hide the findings on the others.
 */

function analyze(objects: readonly Sourced[], fallback: readonly Sourced[], options: ValidateOptions): Finding[] {
  let analysis: Finding[];
  try {
    analysis = analyzeObjects(objects.map((s) => s.object), options);
  } catch (err) {
    const failed = checkFailed(err);
    if (objects === fallback) return [failed];
    return [failed, ...analyze(fallback, fallback, options)];
  }
  if (analysis.length === 0) return analysis;
  const bySource = sourcesOf(objects, new Set(analysis.map((f) => refKey(f.resource))));
  return analysis.map((finding) => {
    const source = bySource.get(refKey(finding.resource));
    return source ? locate(finding, source) : finding;
  });
}

/** Runs every check on objects in manifest (JSON) form. */
export function validateObjects(objects: readonly unknown[], options: ValidateOptions = {}): Finding[] {
  return validateSources(objects.map((object) => ({ object })), options);
}

/** The error-level findings. */
export function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

/** `error IST0101 VirtualService ns/name spec.http[0]...: message` */
export function formatFinding(finding: Finding): string {
  const at = finding.path ? ` ${finding.path}` : '';
  return `${finding.severity} ${finding.code} ${describeResource(finding.resource)}${at}: ${finding.message}`;
}

function isKubeObject(value: unknown): value is KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const o = value as Record<string, any>;
  const meta = o.metadata;
  return typeof o.apiVersion === 'string' && o.apiVersion.length > 0
    && typeof o.kind === 'string' && o.kind.length > 0
    && meta !== null && typeof meta === 'object' && !Array.isArray(meta)
    && typeof meta.name === 'string' && meta.name.length > 0;
}

function notAnObjectMessage(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `expected a mapping with apiVersion, kind and metadata.name, got ${Array.isArray(value) ? 'a list' : value === null ? 'an empty document' : `a ${typeof value}`}`;
  }
  const o = value as Record<string, any>;
  const missing = [
    typeof o.apiVersion === 'string' && o.apiVersion ? undefined : 'apiVersion',
    typeof o.kind === 'string' && o.kind ? undefined : 'kind',
    typeof o.metadata?.name === 'string' && o.metadata.name ? undefined : 'metadata.name',
  ].filter((x): x is string => x !== undefined);
  return `missing or not a non-empty string: ${missing.join(', ')}. Every Kubernetes object needs apiVersion, kind and metadata.name`;
}

/** `group|kind|namespace|name`: two objects of one identity are one object to the API server. */
function identityOf(object: KubeObject): string {
  const slash = object.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
  return `${group}|${object.kind}|${object.metadata.namespace ?? ''}|${object.metadata.name}`;
}

/** Appends the findings located at their source (nothing allocated for none). */
function pushLocated(target: Finding[], found: readonly Finding[], source: SourcedObject): void {
  for (const finding of found) target.push(locate(finding, source));
}

function hasError(found: readonly Finding[]): boolean {
  for (const finding of found) if (finding.severity === 'error') return true;
  return false;
}

/** Adds where the finding is: its field (or the nearest written ancestor), else the document start. */
function locate(finding: Finding, source: SourcedObject): Finding {
  let at: { line: number; column: number } | undefined;
  if (source.locate && finding.path) {
    for (let path: string | undefined = finding.path; path && !at; path = parentPath(path)) at = source.locate(path);
  }
  const line = at?.line ?? source.line;
  return {
    ...finding,
    ...(source.file !== undefined ? { file: source.file } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(at ? { column: at.column } : {}),
  };
}

/** Runs one stage's checks; a stage that throws on odd input becomes one IGR0003 finding. */
function guarded(object: KubeObject, stage: string, run: (object: KubeObject) => Finding[]): Finding[] {
  try {
    return run(object);
  } catch (err) {
    return [findingOf(object, 'error', ENGINE_CODES.CHECK_FAILED.code, `the ${stage} checks could not complete on this object (${(err as Error)?.message ?? String(err)}); it is probably malformed`)];
  }
}

function checkFailed(err: unknown): Finding {
  return {
    severity: 'error',
    code: ENGINE_CODES.CHECK_FAILED.code,
    message: `cross-object analysis could not complete (${(err as Error)?.message ?? String(err)})`,
    resource: { apiVersion: '', kind: '', name: '' },
  };
}
