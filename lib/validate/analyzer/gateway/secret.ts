import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, objOf, specOf } from '../objects';

/** IST0101: a gateway TLS credential with no Secret in the namespace of the gateway pods. */
export const gatewaySecretAnalyzer: Analyzer = {
  name: 'gateway.SecretAnalyzer',
  inputs: ['Gateway', 'Pod', 'Secret'],
  analyze({ index, report }) {
    for (const gw of index.gateways.values()) {
      const spec = specOf(gw);
      // Secrets of Istio's default ingress gateway are rarely in the manifests (they are created out
      // of band), so only gateways whose pods the input holds are judged (istioctl would judge both).
      const workloads = index.gatewayWorkloads(objOf(spec.selector)).filter((w) => !w.assumed);
      if (workloads.length === 0) continue;
      const namespaces = [...new Set(workloads.map((w) => w.namespace))];
      listOf(spec.servers).forEach((s, i) => {
        const tls = objOf(objOf(s).tls);
        const credentials = [tls.credentialName, ...listOf(tls.credentialNames)].filter((c): c is string => typeof c === 'string' && c !== '');
        for (const credential of credentials) {
          for (const ns of namespaces) {
            if (index.secrets.has(`${ns}/${credential}`) || index.secrets.has(`${ns}/${credential}-cacert`)) continue;
            report(IST.ReferencedResourceNotFound, gw,
              `credentialName ${credential} has no Secret in ${ns}, the namespace of the gateway pods; create the TLS Secret there`, `spec.servers[${i}].tls.credentialName`);
          }
        }
      });
    }
  },
};
