import { gatewayApiIndex } from './index';
import { keyOf, refOf } from './refs';
import { GATEWAY_API_GROUP } from '../../../core/gateway-api-group';
import { Analyzer } from '../analyzer';
import { IGR } from '../messages';
import { listOf, namespaceOf, objOf, specOf } from '../objects';

/**
 * IGR3209: a Gateway listener's certificateRef to a Secret in another namespace without a
 * ReferenceGrant there (the listener gets no certificate); IGR3210: a Secret the input does not
 * hold, with workloads 'complete' only (charts and stacks often get their Secrets from elsewhere,
 * as the Istio Gateway Secret check treats them).
 */
export const certificateRefAnalyzer: Analyzer = {
  name: 'gatewayapi.CertificateRefAnalyzer',
  inputs: ['Gateway', 'Secret', 'ReferenceGrant'],
  analyze(ctx) {
    const index = gatewayApiIndex(ctx.index);
    for (const gateway of index.gateways.values()) {
      const ns = namespaceOf(gateway);
      listOf(specOf(gateway).listeners).forEach((l, i) => {
        listOf(objOf(objOf(l).tls).certificateRefs).forEach((raw, j) => {
          const ref = refOf(raw, gateway, '', 'Secret');
          if (ref.group !== '' || ref.kind !== 'Secret') return;
          const path = `spec.listeners[${i}].tls.certificateRefs[${j}]`;
          const name = keyOf(ref.namespace, ref.name);
          if (ref.namespace !== ns && !index.granted(GATEWAY_API_GROUP, 'Gateway', ns, ref)) {
            ctx.report(IGR.GATEWAY_API_REFERENCE_NOT_GRANTED, gateway,
              `certificate Secret ${name} is in another namespace and no ReferenceGrant in ${ref.namespace} lets Gateways of ${ns} refer to it, so the listener has no certificate; add a ReferenceGrant in ${ref.namespace} (from: Gateway in ${ns}, to: Secret)`,
              `${path}.namespace`);
          }
          if (ctx.workloadsComplete && !ctx.index.secrets.has(name)) {
            ctx.report(IGR.GATEWAY_API_CERTIFICATE_NOT_FOUND, gateway,
              `certificate Secret ${name} is not in the input, so the listener cannot serve TLS; create the TLS Secret in ${ref.namespace}`, `${path}.name`);
          }
        });
      });
    }
  },
};
