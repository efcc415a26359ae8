import * as istio from '../../../../imports/networking.istio.io';
import { TrafficPolicyModel } from '../../mesh-service-model';

/** The parts of a traffic policy the load balancer renders from. */
export type LoadBalancerModel = Pick<TrafficPolicyModel, 'loadBalancer' | 'consistentHash' | 'localityLbSetting' | 'warmup'>;

/** `trafficPolicy.loadBalancer`: simple or consistentHash, locality settings and warmup; nothing when none is set. */
export function loadBalancerOf(tp: LoadBalancerModel): Pick<istio.DestinationRuleSpecTrafficPolicy, 'loadBalancer'> {
  const hash = tp.consistentHash;
  const locality = tp.localityLbSetting;
  const loadBalancer: istio.DestinationRuleSpecTrafficPolicyLoadBalancer = {
    ...(tp.loadBalancer ? { simple: tp.loadBalancer as istio.DestinationRuleSpecTrafficPolicyLoadBalancerSimple } : {}),
    ...(hash ? {
      consistentHash: {
        ...hash,
        ...(hash.httpCookie ? { httpCookie: { ...hash.httpCookie } } : {}),
      },
    } : {}),
    ...(locality ? {
      localityLbSetting: {
        ...(locality.enabled !== undefined ? { enabled: locality.enabled } : {}),
        ...(locality.distribute ? { distribute: locality.distribute.map((d) => ({ from: d.from, to: { ...d.to } })) } : {}),
        ...(locality.failover ? { failover: locality.failover.map((f) => ({ ...f })) } : {}),
        ...(locality.failoverPriority ? { failoverPriority: [...locality.failoverPriority] } : {}),
      },
    } : {}),
    ...(tp.warmup ? { warmup: { ...tp.warmup } } : {}),
  };
  return Object.keys(loadBalancer).length ? { loadBalancer } : {};
}

/** `trafficPolicy.retryBudget`, when set. */
export function retryBudgetOf(tp: Pick<TrafficPolicyModel, 'retryBudget'>): Pick<istio.DestinationRuleSpecTrafficPolicy, 'retryBudget'> {
  return tp.retryBudget ? { retryBudget: { ...tp.retryBudget } } : {};
}
