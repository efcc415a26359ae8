import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { errorsOf, formatFinding, validateObjects } from './validate/engine';
import { Finding } from './validate/finding';

const validatedCharts = new WeakSet<Chart>();

/**
 * Makes the chart holding `scope` run the validation engine over all of its objects when it is
 * synthesized, once per chart however many of our constructs it holds (cross-object checks need
 * the whole set, and one pass keeps synth linear). Error findings fail synth, each naming the
 * construct path of the object, the field and the fix.
 */
export function validateChartOnSynth(scope: IConstruct): void {
  const chart = Chart.of(scope);
  if (validatedCharts.has(chart)) return;
  validatedCharts.add(chart);
  chart.node.addValidation({
    validate: () => {
      // chart.toJson() would validate again (and recurse), so read the objects directly.
      const objects = chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject).map((o) => o.toJson());
      const errors = errorsOf(validateObjects(objects));
      if (!errors.length) return [];
      const paths = apiObjectPaths(chart);
      return errors.map((f) => `[${paths.get(keyOf(f)) ?? chart.node.path}] ${formatFinding(f)}`);
    },
  });
}

function apiObjectPaths(chart: Chart): Map<string, string> {
  const paths = new Map<string, string>();
  for (const child of chart.node.findAll()) {
    if (child instanceof ApiObject) {
      const ns = child.metadata.namespace ?? chart.namespace ?? '';
      paths.set([child.kind, ns, child.name].join('|'), child.node.path);
    }
  }
  return paths;
}

function keyOf(f: Finding): string {
  return [f.resource.kind, f.resource.namespace ?? '', f.resource.name].join('|');
}
