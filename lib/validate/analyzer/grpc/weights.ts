import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { IGR } from '../messages';
import { listOf, objOf, specOf } from '../objects';

/** IGR3001: weighted destinations whose weights do not add up to 100. */
export const routeWeightsAnalyzer: Analyzer = {
  name: 'grpc.RouteWeightsAnalyzer',
  inputs: ['VirtualService'],
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) checkWeights(vs, report);
  },
};

function checkWeights(vs: KubeObject, report: AnalysisContext['report']): void {
  listOf(specOf(vs).http).forEach((rule, i) => {
    const routes = listOf(objOf(rule).route);
    if (routes.length < 2 || !routes.some((r) => objOf(r).weight !== undefined)) return;
    const total = routes.reduce((sum, r) => sum + (typeof objOf(r).weight === 'number' ? r.weight : 0), 0);
    if (total === 100 || total === 0) return;
    report(IGR.WEIGHTS_NOT_100, vs, `the weights add up to ${total}, not 100; Istio scales them, so each destination's share is not the number written; make them add up to 100`, `spec.http[${i}].route`);
  });
}

