import { checkDestinationRuleHosts, checkServerVerification } from './destination-rules';
import { checkGatewayConflicts, checkGatewayWorkloads } from './gateways';
import { checkHttp2Settings, checkRetriesOnNonIdempotentMethods, checkWeights } from './grpc-checks';
import { MeshIndex } from './mesh-index';
import { checkAuthorizationPolicy, checkTelemetries } from './policies';
import { checkServicePorts } from './service-ports';
import { checkDestinations, checkGatewayBindings } from './virtual-service-references';
import {
  checkConflictingMeshHosts, checkDeprecatedFields, checkIngressIgnoresSubsets, checkJwtClaimRouting,
  checkUnreachableRules, subsetPinningVirtualServices,
} from './virtual-service-rules';
import { KubeObject } from '../../core/kube-object';
import { Finding } from '../finding';

export { ANALYZER_CODES } from './codes';

/**
 * Cross-object checks over everything the API server would store, as `istioctl analyze` runs
 * them on files (Istio's IST codes and severities), plus our gRPC checks (IGR3xxx).
 */
export function analyzeObjects(objects: readonly KubeObject[]): Finding[] {
  const index = new MeshIndex(objects);
  const out: Finding[] = [];
  const pinned = subsetPinningVirtualServices(index);
  for (const vs of index.of('VirtualService')) {
    checkDestinations(index, vs, out);
    checkGatewayBindings(index, vs, out);
    checkUnreachableRules(vs, out);
    checkDeprecatedFields(vs, out);
    checkIngressIgnoresSubsets(pinned, vs, out);
    checkJwtClaimRouting(index, vs, out);
    checkWeights(vs, out);
    checkRetriesOnNonIdempotentMethods(vs, out);
  }
  checkConflictingMeshHosts(index, out);
  for (const dr of index.of('DestinationRule')) {
    checkDestinationRuleHosts(index, dr, out);
    checkServerVerification(dr, out);
    checkHttp2Settings(index, dr, out);
  }
  for (const gw of index.gateways.values()) checkGatewayWorkloads(index, gw, out);
  checkGatewayConflicts(index, out);
  for (const svc of index.of('Service')) if (svc.apiVersion === 'v1') checkServicePorts(svc, out);
  for (const ap of index.of('AuthorizationPolicy')) checkAuthorizationPolicy(index, ap, out);
  checkTelemetries(index, out);
  return out;
}
