import { AnalysisController } from './analysis-props';
import { CanaryModel } from './resolve-canary';
import { PropChecker } from '../checks';
import { RoutingApi } from '../mesh-mode';
import { MeshServiceModel } from '../mesh-service-model';
import { subsetServiceName } from '../render/gateway-api/backend-refs';
import { checkRuleCount } from '../resolve-gateway-api';

/**
 * What a canary cannot do on routingApi GATEWAY_API. Flagger's Gateway API provider drives
 * HTTPRoutes only (GRPCRoute support is an open request), so its analysis would judge a canary it
 * cannot move; Argo Rollouts' Gateway API plugin moves GRPCRoute backend weights, so it stays.
 */
export function checkGatewayApiCanary(check: PropChecker, service: MeshServiceModel, canary: CanaryModel): void {
  if (service.mode.routingApi !== RoutingApi.GATEWAY_API) return;
  if (canary.analysis?.controllers.includes(AnalysisController.FLAGGER)) {
    check.fail('analysis.controllers', AnalysisController.FLAGGER, 'Flagger\'s Gateway API provider manages HTTPRoutes, not GRPCRoutes, so a Flagger Canary cannot move this service\'s weights',
      `use AnalysisController.ARGO_ROLLOUTS (its Gateway API plugin moves GRPCRoute weights), or set routingApi: RoutingApi.${RoutingApi.ISTIO} on the service (Flagger's Istio provider)`);
  }
  canary.subsets.forEach((s, i) => {
    const name = subsetServiceName(service.name, s.name);
    if (name.length > 63) {
      const [field, value] = i < 2 ? ['service', service.name] : [`additionalSubsets[${i - 2}].name`, s.name];
      check.fail(field, value, `the per-subset Service ${name} would be longer than the 63 characters a Service name may have`, 'use a shorter service or subset name');
    }
  });
  checkRuleCount(check, 'headerRoutes', service.routes.length, canary.headerRoutes.length);
}
