import { connectionPoolOf, outlierDetectionOf } from './destination-rule';
import { loadBalancerOf } from './load-balancer';
import * as istio from '../../../../imports/networking.istio.io';
import { SubsetPolicyModel } from '../../resolve-subset-policy';

/** `subsets[].trafficPolicy`, when the subset sets any policy field. */
export function subsetTrafficPolicyOf(policy: SubsetPolicyModel | undefined): Pick<istio.DestinationRuleSpecSubsets, 'trafficPolicy'> {
  if (!policy) return {};
  const trafficPolicy = {
    ...loadBalancerOf(policy),
    ...connectionPoolOf(policy.connectionPool),
    ...outlierDetectionOf(policy.outlierDetection),
  };
  // The subset and top-level policy types are generated separately from one schema, so they match field for field.
  return { trafficPolicy: trafficPolicy as unknown as istio.DestinationRuleSpecSubsetsTrafficPolicy };
}
