import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, nameOf, objOf, specOf, stringLabels } from '../objects';

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
    // Certificates of each gateway's TLS servers, and gateways by certificate: a gateway is
    // compared only with those sharing one of its certificates, in input order.
    const serverKeys = gateways.map((gw) => listOf(specOf(gw).servers).map((s) => {
      const tls = objOf(s).tls;
      return tls === undefined || tls === null ? undefined : certificateKey(objOf(tls));
    }));
    const keySets = serverKeys.map((keys) => new Set(keys.filter((k): k is string => k !== undefined)));
    const byKey = new Map<string, number[]>();
    keySets.forEach((keys, at) => {
      for (const key of keys) {
        const list = byKey.get(key);
        if (list) list.push(at);
        else byKey.set(key, [at]);
      }
    });
    gateways.forEach((gw, at) => {
      const selector = stringLabels(specOf(gw).selector);
      const candidates = new Set<number>();
      for (const key of keySets[at]) for (const other of byKey.get(key)!) candidates.add(other);
      for (const o of [...candidates].sort((a, b) => a - b)) {
        const other = gateways[o];
        if (other === gw || !selectorSubset(selector, stringLabels(specOf(other).selector))) continue;
        serverKeys[at].forEach((key, i) => {
          if (key === undefined || !keySets[o].has(key)) return;
          report(IST.GatewayDuplicateCertificate, gw,
            `gateway ${nameOf(other)} uses the same certificate; clients reusing one HTTP/2 connection for both hosts get 404s; merge the servers or use one certificate each`, `spec.servers[${i}].tls`);
        });
      }
    });
  },
};

/** Every key of `x` is in `y` with the same value (an empty `x` selects every gateway). */
function selectorSubset(x: Record<string, string>, y: Record<string, string>): boolean {
  return Object.entries(x).every(([k, v]) => y[k] === v);
}

/**
 * What makes two TLS settings the same certificate: the same credentialName, or (neither having
 * one) the same serverCertificate and privateKey files; `undefined` when it can match none.
 */
function certificateKey(tls: Record<string, any>): string | undefined {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  if (str(tls.credentialName)) return `credential:${tls.credentialName}`;
  if (str(tls.serverCertificate) && str(tls.privateKey)) return `files:${JSON.stringify([tls.serverCertificate, tls.privateKey])}`;
  return undefined;
}
