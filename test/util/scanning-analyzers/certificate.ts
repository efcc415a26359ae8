import { Analyzer } from '../../../lib/validate/analyzer/analyzer';
import { IST } from '../../../lib/validate/analyzer/messages';
import { listOf, nameOf, objOf, specOf, stringLabels } from '../../../lib/validate/analyzer/objects';

/**
 * IST0138: two Gateways whose workloads may be the same (the one's selector is a subset of the
 * other's, or empty) with servers using the same certificate: clients reusing one HTTP/2
 * connection for both hosts get 404s.
 */
export const gatewayCertificateAnalyzer: Analyzer = {
  name: 'gateway.CertificateAnalyzer',
  inputs: ['Gateway'],
  analyze({ index, report }) {
    const gateways = [...index.gateways.values()];
    for (const gw of gateways) {
      const selector = stringLabels(specOf(gw).selector);
      for (const other of gateways) {
        if (other === gw || !selectorSubset(selector, stringLabels(specOf(other).selector))) continue;
        listOf(specOf(gw).servers).forEach((server, i) => {
          const tls = objOf(server).tls;
          if (tls === undefined || tls === null) return;
          const shared = listOf(specOf(other).servers)
            .some((s) => objOf(s).tls !== undefined && objOf(s).tls !== null && sameCertificate(objOf(tls), objOf(objOf(s).tls)));
          if (!shared) return;
          report(IST.GatewayDuplicateCertificate, gw,
            `gateway ${nameOf(other)} uses the same certificate; clients reusing one HTTP/2 connection for both hosts get 404s; merge the servers or use one certificate each`, `spec.servers[${i}].tls`);
        });
      }
    }
  },
};

/** Every key of `x` is in `y` with the same value (an empty `x` selects every gateway). */
function selectorSubset(x: Record<string, string>, y: Record<string, string>): boolean {
  return Object.entries(x).every(([k, v]) => y[k] === v);
}

function sameCertificate(a: Record<string, any>, b: Record<string, any>): boolean {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  if (str(a.credentialName) && str(b.credentialName)) return a.credentialName === b.credentialName;
  if (str(a.credentialName) || str(b.credentialName)) return false;
  return str(a.serverCertificate) !== '' && a.serverCertificate === b.serverCertificate
    && str(a.privateKey) !== '' && a.privateKey === b.privateKey;
}
