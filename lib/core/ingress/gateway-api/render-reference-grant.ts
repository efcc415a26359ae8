import * as gatewayapi from '../../../../imports/gateway.networking.k8s.io';
import { GATEWAY_API_GROUP } from '../../gateway-api-group';
import { MeshServiceModel } from '../../mesh-service-model';
import { objectMeta } from '../../render/labels';
import { IngressTlsMode } from '../ingress-props';
import { IngressModel } from '../resolve-ingress';

/**
 * When the credential Secret lives outside the Gateway's namespace, the ReferenceGrant in the
 * Secret's namespace that lets Gateways of the gateway namespace read exactly that Secret (and
 * the client CA for MUTUAL); none otherwise, so no namespace is opened that needs not be.
 */
export function renderReferenceGrant(service: MeshServiceModel, ingress: IngressModel): gatewayapi.ReferenceGrantProps | undefined {
  if (ingress.tls.credentialNamespace === ingress.gatewayNamespace) return undefined;
  const clientCa = ingress.tls.mode === IngressTlsMode.MUTUAL ? ingress.tls.clientCaCredentialName : undefined;
  const secrets = [ingress.tls.credentialName, ...(clientCa ? [clientCa] : [])];
  return {
    metadata: objectMeta(`${ingress.gatewayName}-tls-from-${ingress.gatewayNamespace}`, ingress.tls.credentialNamespace, service.name),
    spec: {
      from: [{ group: GATEWAY_API_GROUP, kind: 'Gateway', namespace: ingress.gatewayNamespace }],
      to: secrets.map((name) => ({ group: '', kind: 'Secret', name })),
    },
  };
}
