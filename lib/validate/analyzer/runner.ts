import { Analyzer } from './analyzer';
import { AnalyzerEntry } from './catalog';
import { defaultIngressObjects } from './default-ingress';
import { resolveMeshConfig } from './mesh-config';
import { MeshIndex } from './mesh-index';
import { KubeObject } from '../../core/kube-object';
import { ENGINE_CODES } from '../codes';
import { Finding, findingOf } from '../finding';
import { ValidateOptions } from '../options';

/**
 * Runs each analyzer over the whole index, as `istioctl analyze` does, but none of whose input
 * kinds is in the index (it would have nothing to read), so its module need not even load. An
 * analyzer that throws (malformed input it did not expect) becomes one IGR0003 finding naming
 * it; the others still run.
 */
export function runAnalyzers(
  analyzers: readonly (Analyzer | AnalyzerEntry)[], objects: readonly KubeObject[], options: ValidateOptions = {},
): Finding[] {
  const mesh = resolveMeshConfig(objects, options.meshConfig);
  const index = new MeshIndex(objects, defaultIngressObjects(mesh, objects));
  const out: Finding[] = [];
  for (const entry of analyzers) {
    if (!readsAnyOf(entry.inputs, index)) continue;
    const found: Finding[] = [];
    try {
      const analyzer = 'analyze' in entry ? entry : entry.load();
      analyzer.analyze({
        index,
        mesh,
        workloadsComplete: options.workloads !== 'partial',
        report: (message, object, text, path, level) => found.push(findingOf(object, level ?? message.level, message.code, text, path)),
      });
      out.push(...found);
    } catch (err) {
      out.push(...found, {
        severity: 'error',
        code: ENGINE_CODES.CHECK_FAILED.code,
        message: `analyzer ${entry.name} could not complete (${(err as Error)?.message ?? String(err)}); its other findings may be missing`,
        resource: { apiVersion: '', kind: '', name: '' },
      });
    }
  }
  return dedupe(out);
}

/** Whether some input kind is in the index; an analyzer that declares none reads anything. */
function readsAnyOf(inputs: readonly string[], index: MeshIndex): boolean {
  return inputs.length === 0 || inputs.some((kind) => index.byKind.has(kind));
}

/**
 * One finding per code, object, field and text: Istio's analyzers sometimes report the same
 * problem twice (the port and secret analyzers both report a gateway selector with no pods), and
 * istioctl prints such duplicates once.
 */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const r = f.resource;
    const key = JSON.stringify([f.code, r.apiVersion, r.kind, r.namespace ?? '', r.name, f.path ?? '', f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
