import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { errorsOf, formatFinding, validateObjects } from './validate/engine';
import { Finding } from './validate/finding';

const validatedRoots = new WeakSet<IConstruct>();

/**
 * Makes the app holding `scope` run the validation engine over all of its objects when it is
 * synthesized: once per app however many of our constructs and charts it holds (cross-object
 * checks need the whole set, e.g. an ingress in one chart routing to a service in another, and
 * one pass keeps synth linear). Error findings fail synth, each naming the construct path of the
 * object, the field and the fix.
 */
export function validateOnSynth(scope: IConstruct): void {
  const root = scope.node.root;
  if (validatedRoots.has(root)) return;
  validatedRoots.add(root);
  root.node.addValidation({
    validate: () => {
      // chart.toJson() would validate again (and recurse), so read the objects directly.
      const apiObjects = root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
      const errors = errorsOf(validateObjects(apiObjects.map((o) => o.toJson())));
      if (!errors.length) return [];
      const paths = new Map(apiObjects.map((o) => [[o.kind, o.metadata.namespace ?? Chart.of(o).namespace ?? '', o.name].join('|'), o.node.path]));
      return errors.map((f) => `[${paths.get(keyOf(f)) ?? root.node.path}] ${formatFinding(f)}`);
    },
  });
}

function keyOf(f: Finding): string {
  return [f.resource.kind, f.resource.namespace ?? '', f.resource.name].join('|');
}
