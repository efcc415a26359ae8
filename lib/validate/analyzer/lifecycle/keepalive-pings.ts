import { pingsTooFrequent } from '../../../core/connection-lifecycle-rules';
import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { IGR } from '../messages';
import { listOf, namespaceOf, objOf, specOf } from '../objects';
import { millisOf, serverLimitsOf, trafficPoliciesOf } from './lifecycle-inputs';

/**
 * IGR3104: HTTP/2 pings from the sidecars more frequent than the gRPC server permits (its
 * declared permitKeepaliveTime, else gRPC's default of 5 minutes).
 */
export const keepalivePingsAnalyzer: Analyzer = {
  name: 'lifecycle.KeepalivePingsAnalyzer',
  inputs: ['DestinationRule', 'Service'],
  analyze({ index, report }) {
    for (const dr of index.of('DestinationRule')) {
      const service = index.service(String(specOf(dr).host ?? ''), namespaceOf(dr));
      // gRPC servers enforce a ping policy; other servers (or an unknown host) may not.
      const server = serverLimitsOf(service);
      if (!service || (!server && !servesGrpc(service))) continue;
      for (const [policy, path] of trafficPoliciesOf(dr)) {
        const interval = millisOf(objOf(objOf(objOf(policy.connectionPool).http).http2KeepAlive).interval);
        if (interval === undefined) continue;
        const problem = pingsTooFrequent(interval, server?.permitKeepaliveTime);
        if (problem) report(IGR.KEEPALIVE_PINGS_TOO_FREQUENT, dr, `${problem}; raise the interval, or allow more frequent pings on the server and declare it`, `${path}.connectionPool.http.http2KeepAlive.interval`);
      }
    }
  },
};

/** A Service with a port Istio reads as gRPC (name `grpc`/`grpc-*` or appProtocol grpc). */
function servesGrpc(service: KubeObject): boolean {
  return listOf(specOf(service).ports).map(objOf).some((p) => p.appProtocol === 'grpc' || (p.appProtocol === undefined && /^grpc($|-)/.test(String(p.name ?? ''))));
}
