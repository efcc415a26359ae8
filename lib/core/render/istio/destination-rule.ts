import * as istio from '../../../../imports/networking.istio.io';
import { MeshServiceModel, meshObjectNames, TrafficPolicyModel } from '../../mesh-service-model';
import { objectMeta } from '../labels';
import { loadBalancerOf, retryBudgetOf } from './load-balancer';
import { subsetTrafficPolicyOf } from './subset-policy';
import { SubsetPolicyModel } from '../../resolve-subset-policy';

/** A named set of pods (by labels) that routes can target, e.g. one per version. */
export interface SubsetModel {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Policy fields this subset sets in place of the service's (Istio replaces each top-level field whole). */
  readonly trafficPolicy?: SubsetPolicyModel;
}

/**
 * The DestinationRule for the service host: the one place its traffic policy and subsets live
 * (Istio does not merge several DestinationRules for one host reliably).
 */
export function renderDestinationRule(model: MeshServiceModel, subsets: readonly SubsetModel[] = []): istio.DestinationRuleProps {
  return {
    metadata: destinationRuleMetadata(model),
    spec: {
      host: model.fqdn,
      trafficPolicy: serviceTrafficPolicy(model),
      ...(subsets.length ? {
        subsets: subsets.map((s) => ({ name: s.name, labels: { ...s.labels }, ...subsetTrafficPolicyOf(s.trafficPolicy) })),
      } : {}),
    },
  };
}

/** The `metadata` of the service host's DestinationRule (subsets do not change it). */
export function destinationRuleMetadata(model: MeshServiceModel) {
  return objectMeta(meshObjectNames(model).destinationRule, model.namespace, model.name);
}

/** The service's `trafficPolicy`: load balancer, pool, outlier detection, retry budget, TLS mode. */
export function serviceTrafficPolicy(model: MeshServiceModel): istio.DestinationRuleSpecTrafficPolicy {
  const tp = model.trafficPolicy;
  return {
    ...loadBalancerOf(tp),
    ...connectionPoolOf(tp.connectionPool),
    ...outlierDetectionOf(tp.outlierDetection),
    ...retryBudgetOf(tp),
    tls: { mode: tp.tlsMode as istio.DestinationRuleSpecTrafficPolicyTlsMode },
  };
}

/** `trafficPolicy.connectionPool`, when set. */
export function connectionPoolOf(pool: TrafficPolicyModel['connectionPool']): Pick<istio.DestinationRuleSpecTrafficPolicy, 'connectionPool'> {
  return {
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
  };
}

/** `trafficPolicy.outlierDetection`, when set. */
export function outlierDetectionOf(od: TrafficPolicyModel['outlierDetection']): Pick<istio.DestinationRuleSpecTrafficPolicy, 'outlierDetection'> {
  return {
    ...(od ? {
      outlierDetection: {
        consecutiveGatewayErrors: od.consecutiveGatewayErrors,
        consecutive5XxErrors: od.consecutive5xxErrors,
        interval: od.interval,
        baseEjectionTime: od.baseEjectionTime,
        maxEjectionPercent: od.maxEjectionPercent,
      },
    } : {}),
  };
}
