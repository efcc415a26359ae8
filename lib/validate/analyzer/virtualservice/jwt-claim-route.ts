import { gatewayKey, gatewaysOf } from './util';
import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { MeshIndex } from '../mesh-index';
import { IST } from '../messages';
import { listOf, namespaceOf, objOf, specOf } from '../objects';

/** IST0149: JWT-claim routing on a gateway whose workload no RequestAuthentication covers. */
export const jwtClaimRouteAnalyzer: Analyzer = {
  name: 'virtualservice.JWTClaimRouteAnalyzer',
  inputs: ['VirtualService', 'Gateway', 'RequestAuthentication', 'Pod'],
  analyze({ index, mesh, report }) {
    for (const vs of index.of('VirtualService')) checkVirtualService(index, vs, report, mesh.rootNamespace);
  },
};

function checkVirtualService(index: MeshIndex, vs: KubeObject, report: AnalysisContext['report'], rootNamespace: string): void {
  const usesClaims = listOf(specOf(vs).http).some((rule) => listOf(objOf(rule).match)
    .some((m) => Object.keys(objOf(objOf(m).headers)).some((h) => h.startsWith('@request.auth.claims'))));
  if (!usesClaims) return;
  const ns = namespaceOf(vs);
  gatewaysOf(vs).forEach((ref, i) => {
    if (ref === 'mesh') return;
    const gateway = index.gateways.get(gatewayKey(ref, ns));
    if (!gateway) return;
    const workloads = index.gatewayWorkloads(objOf(specOf(gateway).selector));
    const covered = workloads.some((w) => index.of('RequestAuthentication').some((ra) => {
      const raNs = namespaceOf(ra);
      const selector = objOf(objOf(specOf(ra).selector).matchLabels);
      const selects = Object.entries(selector).every(([k, v]) => w.labels[k] === v);
      return (raNs === rootNamespace && Object.keys(selector).length === 0) || (raNs === w.namespace && selects);
    }));
    if (!covered) {
      report(IST.JwtClaimBasedRoutingWithoutRequestAuthN, vs, `routes match on JWT claims, but no RequestAuthentication applies to the pods of gateway ${ref}, so the claims are never set; add one for the gateway workload`, `spec.gateways[${i}]`);
    }
  });
}

