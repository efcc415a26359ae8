import type { k8s } from 'cdk8s-plus-28';
import * as istio from '../../../../imports/networking.istio.io';
import { MeshServiceModel } from '../../mesh-service-model';
import { SubsetModel, serviceTrafficPolicy } from '../istio/destination-rule';
import { subsetTrafficPolicyOf } from '../istio/subset-policy';
import { objectMeta } from '../labels';
import { renderService } from '../service';
import { subsetServiceName } from './backend-refs';

/**
 * One Service per canary subset (`<service>-<subset>`), selecting the service's pods that carry
 * the subset's labels, with the same port name and appProtocol so Istio still reads it as gRPC.
 * These are the backendRefs of the GRPCRoute; the main Service stays its parent.
 */
export function renderSubsetServices(model: MeshServiceModel, subsets: readonly SubsetModel[]): k8s.KubeServiceProps[] {
  return subsets.map((s) => {
    const main = renderService(model);
    return {
      metadata: objectMeta(subsetServiceName(model.name, s.name), model.namespace, model.name),
      spec: { ...main.spec, selector: { ...model.selector, ...s.labels } },
    };
  });
}

/**
 * A DestinationRule per per-subset Service. Istio turns a GRPCRoute backendRef into a route
 * destination whose host is that Service's host, with no subset
 * (pilot/pkg/config/kube/gateway/conversion.go, buildDestination), so the policy that applies is
 * the top-level trafficPolicy of the DestinationRule for that host: the service's policy with
 * the subset's own fields in place of the service's (as a subset's policy would be on Istio routing).
 */
export function renderSubsetDestinationRules(model: MeshServiceModel, subsets: readonly SubsetModel[]): istio.DestinationRuleProps[] {
  return subsets.map((s) => {
    const name = subsetServiceName(model.name, s.name);
    const own = subsetTrafficPolicyOf(s.trafficPolicy).trafficPolicy as istio.DestinationRuleSpecTrafficPolicy | undefined;
    return {
      metadata: objectMeta(name, model.namespace, model.name),
      spec: { host: `${name}.${model.namespace}.svc.cluster.local`, trafficPolicy: { ...serviceTrafficPolicy(model), ...own } },
    };
  });
}
