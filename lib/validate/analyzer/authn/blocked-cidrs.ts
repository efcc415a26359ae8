import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, nameOf, objOf, specOf, stringLabels } from '../objects';

/** How many RequestAuthentication names a message lists before it says "and N more". */
const MAX_LISTED = 5;

/** IST0175: RequestAuthentications exist while istiod may fetch JWKS from any address (BLOCKED_CIDRS_IN_JWKS_URIS unset). */
export const blockedCidrsAnalyzer: Analyzer = {
  name: 'authn.BlockedCIDRsAnalyzer',
  inputs: ['RequestAuthentication', 'Deployment'],
  analyze({ index, report }) {
    const names = index.of('RequestAuthentication').map(nameOf);
    if (names.length === 0) return;
    const listed = names.length <= MAX_LISTED ? names.join(', ') : `${names.slice(0, MAX_LISTED).join(', ')}, and ${names.length - MAX_LISTED} more`;
    for (const d of index.of('Deployment')) {
      if (!d.apiVersion.startsWith('apps/') || stringLabels(d.metadata.labels).app !== 'istiod') continue;
      const containers = listOf(objOf(objOf(specOf(d).template).spec).containers).map(objOf);
      const configured = containers.some((c) => listOf(c.env).some((e) => objOf(e).name === 'BLOCKED_CIDRS_IN_JWKS_URIS' && typeof objOf(e).value === 'string' && objOf(e).value !== ''));
      if (configured) continue;
      report(IST.JwksUriFetchUnrestricted, d,
        `${names.length} RequestAuthentication(s) (${listed}) make istiod fetch JWKS URIs, and BLOCKED_CIDRS_IN_JWKS_URIS is not set, so any address can be fetched; set it to the networks to refuse`,
        'spec.template.spec.containers');
    }
  },
};
