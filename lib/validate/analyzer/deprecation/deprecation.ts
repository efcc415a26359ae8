import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, objOf, specOf } from '../objects';

/** IST0002: fields Istio has deprecated. */
export const deprecationAnalyzer: Analyzer = {
  name: 'deprecation.FieldAnalyzer',
  inputs: ['VirtualService', 'Sidecar'],
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) checkVirtualService(vs, report);
  },
};

function checkVirtualService(vs: KubeObject, report: AnalysisContext['report']): void {
  listOf(specOf(vs).http).forEach((rule, i) => {
    if (objOf(objOf(objOf(rule).fault).delay).percent !== undefined) {
      report(IST.Deprecated, vs, 'fault.delay.percent is deprecated; use fault.delay.percentage.value', `spec.http[${i}].fault.delay.percent`);
    }
    if (objOf(rule).mirrorPercent !== undefined) {
      report(IST.Deprecated, vs, 'mirrorPercent is deprecated; use mirrorPercentage.value', `spec.http[${i}].mirrorPercent`);
    }
  });
}

