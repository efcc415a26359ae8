import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, objOf, specOf } from '../objects';

/** Istio's removed RBAC custom resource kinds (group rbac.istio.io). */
const REMOVED_RBAC_KINDS = new Set(['ClusterRbacConfig', 'RbacConfig', 'ServiceRole', 'ServiceRoleBinding']);

/** IST0002: fields Istio has deprecated or ignores, and CRDs of removed Istio kinds. */
export const deprecationAnalyzer: Analyzer = {
  name: 'deprecation.DeprecationAnalyzer',
  inputs: ['VirtualService', 'Sidecar', 'CustomResourceDefinition'],
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) {
      listOf(specOf(vs).http).forEach((rule, i) => {
        const percent = objOf(objOf(objOf(rule).fault).delay).percent;
        if (typeof percent === 'number' && percent > 0) {
          report(IST.Deprecated, vs, 'fault.delay.percent is deprecated; use fault.delay.percentage.value', `spec.http[${i}].fault.delay.percent`);
        }
        // Istio's analyzer leaves this one out, but the API marks it deprecated too.
        if (objOf(rule).mirrorPercent !== undefined) {
          report(IST.Deprecated, vs, 'mirrorPercent is deprecated; use mirrorPercentage.value', `spec.http[${i}].mirrorPercent`);
        }
      });
    }
    for (const sc of index.of('Sidecar')) {
      const policy = objOf(specOf(sc).outboundTrafficPolicy);
      if (policy.egressProxy !== undefined && policy.egressProxy !== null) {
        report(IST.Deprecated, sc, 'outboundTrafficPolicy.egressProxy is ignored by Istio; route egress through an egress gateway instead', 'spec.outboundTrafficPolicy.egressProxy');
      }
    }
    for (const crd of index.of('CustomResourceDefinition')) {
      const spec = specOf(crd);
      const kind = objOf(spec.names).kind;
      if (spec.group === 'rbac.istio.io' && typeof kind === 'string' && REMOVED_RBAC_KINDS.has(kind)) {
        report(IST.Deprecated, crd, `custom resource type rbac.istio.io ${kind} was removed from Istio; use AuthorizationPolicy`, 'spec.names.kind');
      }
    }
  },
};
