import * as gatewayapi from '../../../../imports/gateway.networking.k8s.io';
import { MeshServiceModel } from '../../mesh-service-model';
import { objectMeta } from '../../render/labels';
import { IngressTlsMode } from '../ingress-props';
import { IngressModel } from '../resolve-ingress';
import { allowedRoutes, listenerNames } from './listeners';

/**
 * A reference to a Secret next to the credential; `namespace` only when it is not the Gateway's
 * (the ReferenceGrant then allows it).
 */
function secretRef(ingress: IngressModel, name: string) {
  const crossNamespace = ingress.tls.credentialNamespace !== ingress.gatewayNamespace;
  return { group: '', kind: 'Secret', name, ...(crossNamespace ? { namespace: ingress.tls.credentialNamespace } : {}) };
}

/**
 * The Gateway (class `istio`: Istio deploys its proxy): per host an HTTPS listener terminating
 * TLS with the credential Secret, taking GRPCRoutes from the service's namespace; with
 * httpRedirect, an HTTP listener on 80 per host taking the redirect HTTPRoute. MUTUAL becomes
 * frontend validation against the client CA, which Istio turns into a MUTUAL server.
 */
export function renderGatewayApiGateway(service: MeshServiceModel, ingress: IngressModel): gatewayapi.GatewayProps {
  const https = listenerNames(ingress, 'https').map((name, i): gatewayapi.GatewaySpecListeners => ({
    name,
    hostname: ingress.hosts[i],
    port: ingress.port,
    protocol: 'HTTPS',
    tls: { mode: gatewayapi.GatewaySpecListenersTlsMode.TERMINATE, certificateRefs: [secretRef(ingress, ingress.tls.credentialName)] },
    allowedRoutes: allowedRoutes(service, ingress, 'GRPCRoute'),
  }));
  const http = ingress.httpRedirect ? listenerNames(ingress, 'http').map((name, i): gatewayapi.GatewaySpecListeners => ({
    name,
    hostname: ingress.hosts[i],
    port: 80,
    protocol: 'HTTP',
    allowedRoutes: allowedRoutes(service, ingress, 'HTTPRoute'),
  })) : [];
  const clientCa = ingress.tls.mode === IngressTlsMode.MUTUAL ? ingress.tls.clientCaCredentialName : undefined;
  return {
    metadata: objectMeta(ingress.gatewayName, ingress.gatewayNamespace, service.name),
    spec: {
      gatewayClassName: 'istio',
      listeners: [...https, ...http],
      ...(clientCa ? {
        tls: {
          frontend: {
            default: {
              validation: {
                caCertificateRefs: [secretRef(ingress, clientCa)],
                mode: gatewayapi.GatewaySpecTlsFrontendDefaultValidationMode.ALLOW_VALID_ONLY,
              },
            },
          },
        },
      } : {}),
    },
  };
}
