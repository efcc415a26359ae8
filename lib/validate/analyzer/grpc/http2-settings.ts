import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { MeshIndex } from '../mesh-index';
import { IGR } from '../messages';
import { fqdn, listOf, namespaceOf, objOf, specOf } from '../objects';
import { isHttp2Port } from '../service/protocols';

/** IGR3003: HTTP/2 pool settings for a host whose Service has no port Istio treats as HTTP/2. */
export const http2SettingsAnalyzer: Analyzer = {
  name: 'grpc.Http2SettingsAnalyzer',
  inputs: ['DestinationRule', 'Service'],
  analyze({ index, report }) {
    for (const dr of index.of('DestinationRule')) checkHttp2Settings(index, dr, report);
  },
};

function checkHttp2Settings(index: MeshIndex, dr: KubeObject, report: AnalysisContext['report']): void {
  const spec = specOf(dr);
  const service = index.service(String(spec.host ?? ''), namespaceOf(dr));
  if (!service) return;
  const ports = listOf(specOf(service).ports).map(objOf);
  if (ports.length === 0 || ports.some(isHttp2Port)) return;
  const policies: [Record<string, any>, string][] = [[objOf(spec.trafficPolicy), 'spec.trafficPolicy'],
    ...listOf(spec.subsets).map((s, i) => [objOf(objOf(s).trafficPolicy), `spec.subsets[${i}].trafficPolicy`] as [Record<string, any>, string])];
  for (const [policy, path] of policies) {
    const http = objOf(objOf(policy.connectionPool).http);
    if (http.maxConcurrentStreams === undefined) continue;
    report(IGR.HTTP2_SETTINGS_ON_NON_HTTP2_PORT, dr, `maxConcurrentStreams only applies to HTTP/2, but no port of Service ${fqdn(String(spec.host), namespaceOf(dr))} is one Istio treats as HTTP/2; name the port grpc (or grpc-<suffix>) or set appProtocol: grpc`,
      `${path}.connectionPool.http.maxConcurrentStreams`);
  }
}
