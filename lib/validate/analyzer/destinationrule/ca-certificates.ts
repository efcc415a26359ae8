import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, objOf, specOf } from '../objects';

/** IST0128/IST0129: client TLS (SIMPLE, MUTUAL) that does not verify the server certificate. */
export const caCertificateAnalyzer: Analyzer = {
  name: 'destinationrule.CaCertificateAnalyzer',
  inputs: ['DestinationRule'],
  analyze({ index, report }) {
    for (const dr of index.of('DestinationRule')) {
      const spec = specOf(dr);
      const selected = spec.workloadSelector !== undefined;
      const unverified = (tls: Record<string, any>) => (tls.mode === 'SIMPLE' || tls.mode === 'MUTUAL') && !tls.caCertificates && !(tls.credentialName && selected);
      const policy = objOf(spec.trafficPolicy);
      const tls = objOf(policy.tls);
      if (unverified(tls)) {
        report(IST.NoServerCertificateVerificationDestinationLevel, dr,
          `TLS ${String(tls.mode)} without caCertificates does not verify the server's certificate; set caCertificates`, 'spec.trafficPolicy.tls');
      }
      listOf(policy.portLevelSettings).forEach((p, i) => {
        const portTls = objOf(objOf(p).tls);
        if (!unverified(portTls)) return;
        report(IST.NoServerCertificateVerificationPortLevel, dr,
          `TLS ${String(portTls.mode)} on port ${String(objOf(objOf(p).port).number)} without caCertificates does not verify the server's certificate; set caCertificates`,
          `spec.trafficPolicy.portLevelSettings[${i}].tls`);
      });
    }
  },
};
