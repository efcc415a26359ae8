/**
 * The analyzers as they were before label indexes: each selection scans every workload or
 * Service. Kept only as the oracle of test/analyzer-label-index-differential.test.ts.
 */
import { authorizationPoliciesAnalyzer } from './authorization-policies';
import { gatewayCertificateAnalyzer } from './certificate';
import { conflictingGatewayAnalyzer } from './conflicting-gateway';
import { ingressGatewayPortAnalyzer } from './ingress-gateway-port';
import { serviceAssociationAnalyzer } from './services';
import { podNotSelectedAnalyzer } from './subset';
import { KubeObject } from '../../../lib/core/kube-object';
import { Analyzer } from '../../../lib/validate/analyzer/analyzer';
import { defaultIngressObjects } from '../../../lib/validate/analyzer/default-ingress';
import { resolveMeshConfig } from '../../../lib/validate/analyzer/mesh-config';
import { MeshIndex, Workload } from '../../../lib/validate/analyzer/mesh-index';
import { labelsMatch } from '../../../lib/validate/analyzer/objects';
import { Finding, findingOf } from '../../../lib/validate/finding';

/** Scanning versions of the analyzers that now use label indexes, by analyzer name. */
export const SCANNING_ANALYZERS: ReadonlyMap<string, Analyzer> = new Map([
  authorizationPoliciesAnalyzer, gatewayCertificateAnalyzer, conflictingGatewayAnalyzer,
  ingressGatewayPortAnalyzer, serviceAssociationAnalyzer, podNotSelectedAnalyzer,
].map((a) => [a.name, a]));

/** MeshIndex whose selection filters every workload, as it did before its label index. */
export class ScanningMeshIndex extends MeshIndex {
  override selected(selector: Readonly<Record<string, unknown>>, namespace?: string): Workload[] {
    return this.workloads.filter((w) => (namespace === undefined || w.namespace === namespace) && labelsMatch(selector, w.labels));
  }
}

/** Runs analyzers over one index kind, as the runner does (every finding, in order). */
export function runOver(analyzers: readonly Analyzer[], objects: readonly KubeObject[], scanning: boolean): Finding[] {
  const mesh = resolveMeshConfig(objects);
  const assumed = defaultIngressObjects(mesh, objects);
  const index = scanning ? new ScanningMeshIndex(objects, assumed) : new MeshIndex(objects, assumed);
  const out: Finding[] = [];
  for (const analyzer of analyzers) {
    analyzer.analyze({
      index,
      mesh,
      workloadsComplete: true,
      report: (message, object, text, path, level) => out.push(findingOf(object, level ?? message.level, message.code, text, path)),
    });
  }
  return out;
}
