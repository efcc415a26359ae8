import { IngressModel } from './resolve-ingress';
import * as certManager from '../../../imports/cert-manager.io';
import { MeshServiceModel } from '../mesh-service-model';
import { objectMeta } from '../render/labels';

/**
 * The cert-manager Certificate that writes the credential Secret where the gateway reads it, for
 * either routing API (a Certificate works the same for an Istio and a Gateway API Gateway).
 */
export function renderIngressCertificate(service: MeshServiceModel, ingress: IngressModel): certManager.CertificateProps | undefined {
  if (!ingress.certificate) return undefined;
  return {
    metadata: objectMeta(ingress.tls.credentialName, ingress.tls.credentialNamespace, service.name),
    spec: {
      secretName: ingress.tls.credentialName,
      dnsNames: [...ingress.hosts],
      issuerRef: { name: ingress.certificate.issuerName, kind: ingress.certificate.issuerKind, group: 'cert-manager.io' },
      privateKey: {
        algorithm: certManager.CertificateSpecPrivateKeyAlgorithm.ECDSA,
        size: 256,
        rotationPolicy: certManager.CertificateSpecPrivateKeyRotationPolicy.ALWAYS,
      },
    },
  };
}
