import * as gatewayapi from '../../../../imports/gateway.networking.k8s.io';
import { MeshServiceModel } from '../../mesh-service-model';
import { objectMeta } from '../../render/labels';
import { IngressModel } from '../resolve-ingress';
import { gatewayParentRefs } from './listeners';

/**
 * The HTTPRoute on the HTTP listeners that answers every request with a 301 to https. The port
 * is written only when HTTPS is not on 443, which a redirect to the https scheme implies.
 */
export function renderRedirectRoute(service: MeshServiceModel, ingress: IngressModel): gatewayapi.HttpRouteProps | undefined {
  if (!ingress.httpRedirect) return undefined;
  return {
    metadata: objectMeta(`${ingress.virtualServiceName}-redirect`, service.namespace, service.name),
    spec: {
      parentRefs: gatewayParentRefs(ingress, 'http'),
      hostnames: [...ingress.hosts],
      rules: [{
        name: 'https-redirect',
        filters: [{
          type: gatewayapi.HttpRouteSpecRulesFiltersType.REQUEST_REDIRECT,
          requestRedirect: {
            scheme: gatewayapi.HttpRouteSpecRulesFiltersRequestRedirectScheme.HTTPS,
            statusCode: gatewayapi.HttpRouteSpecRulesFiltersRequestRedirectStatusCode.VALUE_301,
            ...(ingress.port !== 443 ? { port: ingress.port } : {}),
          },
        }],
      }],
    },
  };
}
