import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { errorsOf, formatFinding, validateObjects } from './validate/engine';
import { Finding } from './validate/finding';

const validatedRoots = new WeakSet<IConstruct>();

/** What one synthesis (one synchronous run) already resolved and validated, per app. */
interface SynthPass {
  readonly manifests: Map<ApiObject, unknown>;
  errors?: string[];
}
const passes = new WeakMap<IConstruct, SynthPass>();

/**
 * Makes the app holding `scope` run the validation engine over all of its objects when it is
 * synthesized: once per app however many of our constructs and charts it holds (cross-object
 * checks need the whole set, e.g. an ingress in one chart routing to a service in another). Error
 * findings fail synth, each naming the construct path of the object, the field and the fix.
 */
export function validateOnSynth(scope: IConstruct): void {
  const root = scope.node.root;
  if (validatedRoots.has(root)) return;
  validatedRoots.add(root);
  root.node.addValidation({ validate: () => validateApp(root) });
}

function validateApp(root: IConstruct): string[] {
  // cdk8s validates the whole app again for every chart it writes; within one synthesis nothing
  // changes, so the resolved objects and the findings are computed once.
  const pass = currentPass(root);
  if (pass.errors) return pass.errors;
  // chart.toJson() would validate again (and recurse), so read the objects directly.
  const apiObjects = root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
  const manifests = apiObjects.map((o) => o.toJson());
  apiObjects.forEach((o, i) => {
    pass.manifests.set(o, manifests[i]);
    serveFromPass(root, o);
  });
  // A chart rarely holds the workloads its policies select: judge pod selection only where it does.
  const errors = errorsOf(validateObjects(manifests, { workloads: 'partial' }));
  const paths = errors.length ? new Map(apiObjects.map((o) => [[o.kind, o.metadata.namespace ?? Chart.of(o).namespace ?? '', o.name].join('|'), o.node.path])) : undefined;
  pass.errors = errors.map((f) => `[${paths?.get(keyOf(f)) ?? root.node.path}] ${formatFinding(f)}`);
  return pass.errors;
}

/** The pass of the synthesis running now; it ends when the synchronous run does. */
function currentPass(root: IConstruct): SynthPass {
  let pass = passes.get(root);
  if (!pass) {
    pass = { manifests: new Map() };
    passes.set(root, pass);
    queueMicrotask(() => passes.delete(root));
  }
  return pass;
}

/**
 * Resolving an object (toJson) is the most expensive step of synthesis, and synthesis resolves
 * every object again after validating: during the same pass, toJson() returns what was validated
 * (so the YAML is exactly what passed); afterwards the object serializes normally again.
 */
function serveFromPass(root: IConstruct, object: ApiObject): void {
  const own = object as unknown as { toJson?: () => unknown };
  own.toJson = () => {
    const pass = passes.get(root);
    if (pass?.manifests.has(object)) return pass.manifests.get(object);
    delete own.toJson;
    return object.toJson();
  };
}

function keyOf(f: Finding): string {
  return [f.resource.kind, f.resource.namespace ?? '', f.resource.name].join('|');
}
