import { credentialProblem } from './credential';
import { reportNoGatewayPod } from './no-gateway-pod';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, nameOf, objOf, specOf } from '../objects';

/**
 * IST0101: a gateway selector with no pods, a gateway TLS credential with no Secret in the
 * namespace of the gateway pods;
 * IST0161: a credential Secret without a usable certificate (keys missing or empty, not X.509,
 * expired or not yet valid).
 */
export const gatewaySecretAnalyzer: Analyzer = {
  name: 'gateway.SecretAnalyzer',
  inputs: ['Gateway', 'Pod', 'Secret'],
  analyze({ index, report, workloadsComplete }) {
    const now = new Date();
    for (const gw of index.gateways.values()) {
      const spec = specOf(gw);
      const workloads = index.gatewayWorkloads(objOf(spec.selector));
      if (workloads.length === 0) {
        reportNoGatewayPod(report, gw, objOf(spec.selector));
        continue;
      }
      // As istioctl on files, a Secret missing for Istio's default ingress gateway is reported. Charts
      // and Pulumi stacks (partial workloads) rarely hold it (it is created out of band): there, it is
      // reported only for gateway pods the input holds. A Secret that is there is checked either way.
      const assumedOnly = !workloadsComplete && workloads.every((w) => w.assumed);
      const ns = (workloads.find((w) => !w.assumed) ?? workloads[0]).namespace;
      listOf(spec.servers).forEach((s, i) => {
        const tls = objOf(objOf(s).tls);
        const credentials = [tls.credentialName, ...listOf(tls.credentialNames)].filter((c): c is string => typeof c === 'string' && c !== '');
        for (const credential of credentials) {
          const key = credential.includes('/') ? credential : `${ns}/${credential}`;
          const path = `spec.servers[${i}].tls.credentialName`;
          if (!index.secrets.has(key)) {
            if (assumedOnly) continue;
            report(IST.ReferencedResourceNotFound, gw, `credentialName ${credential} has no Secret in ${ns}, the namespace of the gateway pods; create the TLS Secret there`, path);
            continue;
          }
          // A Secret that cert-manager will write cannot be judged from the manifests.
          const secret = index.secretObjects.get(key);
          const problem = secret ? credentialProblem(secret, now) : undefined;
          if (problem) report(IST.InvalidGatewayCredential, gw, `credential Secret ${key} of Gateway ${nameOf(gw)} cannot serve TLS: ${problem}`, path);
        }
      });
    }
  },
};
