import * as istio from '../../../imports/networking.istio.io';
import { MeshServiceModel, meshObjectNames } from '../mesh-service-model';
import { objectMeta } from './labels';

/** A named set of pods (by labels) that routes can target, e.g. one per version. */
export interface SubsetModel {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The DestinationRule for the service host: the one place its traffic policy and subsets live
 * (Istio does not merge several DestinationRules for one host reliably).
 */
export function renderDestinationRule(model: MeshServiceModel, subsets: readonly SubsetModel[] = []): istio.DestinationRuleProps {
  const tp = model.trafficPolicy;
  const pool = tp.connectionPool;
  const od = tp.outlierDetection;
  return {
    metadata: objectMeta(meshObjectNames(model).destinationRule, model.namespace, model.name),
    spec: {
      host: model.fqdn,
      trafficPolicy: {
        ...(tp.loadBalancer ? { loadBalancer: { simple: tp.loadBalancer as istio.DestinationRuleSpecTrafficPolicyLoadBalancerSimple } } : {}),
        ...(pool ? {
          connectionPool: {
            ...(pool.tcp ? { tcp: { ...pool.tcp, ...(pool.tcp.tcpKeepalive ? { tcpKeepalive: { ...pool.tcp.tcpKeepalive } } : {}) } } : {}),
            ...(pool.http ? {
              http: {
                ...pool.http,
                ...(pool.http.http2KeepAlive ? { http2KeepAlive: { ...pool.http.http2KeepAlive } } : {}),
                h2UpgradePolicy: pool.http.h2UpgradePolicy as istio.DestinationRuleSpecTrafficPolicyConnectionPoolHttpH2UpgradePolicy | undefined,
              },
            } : {}),
          },
        } : {}),
        ...(od ? {
          outlierDetection: {
            consecutiveGatewayErrors: od.consecutiveGatewayErrors,
            consecutive5XxErrors: od.consecutive5xxErrors,
            interval: od.interval,
            baseEjectionTime: od.baseEjectionTime,
            maxEjectionPercent: od.maxEjectionPercent,
          },
        } : {}),
        tls: { mode: tp.tlsMode as istio.DestinationRuleSpecTrafficPolicyTlsMode },
      },
      ...(subsets.length ? { subsets: subsets.map((s) => ({ name: s.name, labels: { ...s.labels } })) } : {}),
    },
  };
}
