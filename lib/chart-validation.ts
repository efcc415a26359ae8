import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { objectJson } from './synth/object-json';
import { formatFinding, validateObjects } from './validate/engine';
import { Finding } from './validate/finding';
// Every analyzer loads with the library's validation: it may run late (a Pulumi output resolving
// after its program's modules are torn down) and must find them loaded. The CLI loads them on use.
import './validate/analyzer/all';

const validatedRoots = new WeakSet<IConstruct>();

/** A finding with the construct path of the object it is about. */
export interface LocatedFinding {
  readonly finding: Finding;
  readonly constructPath: string;
}

/** What one synthesis (one synchronous run) already resolved and validated, per app. */
interface SynthPass {
  readonly manifests: Map<ApiObject, unknown>;
  errors?: string[];
}
const passes = new WeakMap<IConstruct, SynthPass>();

/** Constructs' own warnings about their props, as findings; read when the app is validated. */
const propWarnings = new WeakMap<IConstruct, () => Finding[]>();

/** Registers the prop warnings of `construct`, reported with the engine's findings at synth. */
export function reportPropWarnings(construct: IConstruct, warnings: () => Finding[]): void {
  propWarnings.set(construct, warnings);
}

/**
 * Makes the app holding `scope` run the validation engine over all of its objects when it is
 * synthesized: once per app however many of our constructs and charts it holds (cross-object
 * checks need the whole set, e.g. an ingress in one chart routing to a service in another). Error
 * findings fail synth, each naming the construct path of the object, the field and the fix;
 * warnings (the engine's and the constructs' own) print on stderr, one line each.
 */
export function validateOnSynth(scope: IConstruct): void {
  const root = scope.node.root;
  if (validatedRoots.has(root)) return;
  validatedRoots.add(root);
  root.node.addValidation({ validate: () => validateApp(root) });
}

/**
 * Every finding for the app holding `scope`, errors first, each with its construct path. Computed
 * afresh: the app may still change before it is synthesized.
 */
export function appFindings(scope: IConstruct): LocatedFinding[] {
  return findingsOfApp(scope.node.root);
}

function validateApp(root: IConstruct): string[] {
  // cdk8s validates the whole app again for every chart it writes; within one synthesis nothing
  // changes, so the resolved objects and the findings are computed, and warnings printed, once.
  const pass = currentPass(root);
  if (pass.errors) return pass.errors;
  const findings = findingsOfApp(root, pass);
  for (const { finding, constructPath } of findings) {
    if (finding.severity === 'warning') process.stderr.write(`${locatedLine(finding, constructPath)}\n`);
  }
  pass.errors = findings.filter((f) => f.finding.severity === 'error').map((f) => locatedLine(f.finding, f.constructPath));
  return pass.errors;
}

/** The findings of the app; during a synthesis (`pass`), the objects validated are the ones written. */
function findingsOfApp(root: IConstruct, pass?: SynthPass): LocatedFinding[] {
  // chart.toJson() would validate again (and recurse), so read the objects directly; one walk
  // of the tree (tens of thousands of constructs in a large mesh) serves both lists.
  const constructs = root.node.findAll();
  const apiObjects = constructs.filter((c): c is ApiObject => c instanceof ApiObject);
  // As plain objects: the validators and the YAML writer read them with shared hidden classes.
  // An object still serving an earlier synthesis's JSON is read afresh, as any other.
  const manifests = apiObjects.map((o) => objectJson(stopServing(o)));
  if (pass) {
    apiObjects.forEach((o, i) => {
      pass.manifests.set(o, manifests[i]);
      serveFromPass(root, o);
    });
  }
  // A chart rarely holds the workloads its policies select: judge pod selection only where it does.
  const engineFindings = validateObjects(manifests, { workloads: 'partial' });
  const paths = engineFindings.length ? new Map(apiObjects.map((o) => [[o.kind, o.metadata.namespace ?? Chart.of(o).namespace ?? '', o.name].join('|'), o.node.path])) : undefined;
  const located = engineFindings.map((finding) => ({ finding, constructPath: paths?.get(keyOf(finding)) ?? root.node.path }));
  const own = constructs.flatMap((c) => (propWarnings.get(c)?.() ?? []).map((finding) => ({ finding, constructPath: c.node.path })));
  const rank = (f: LocatedFinding) => ['error', 'warning', 'info'].indexOf(f.finding.severity);
  return [...located, ...own].sort((a, b) => rank(a) - rank(b));
}

/** `[chart/users] warning IGR5001 Service shop/users: ...`, on one line whatever the message holds. */
function locatedLine(finding: Finding, constructPath: string): string {
  return `[${constructPath}] ${formatFinding(finding)}`.replace(/\s*\n\s*/g, ' ');
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
  const served = () => {
    const pass = passes.get(root);
    if (pass?.manifests.has(object)) return pass.manifests.get(object);
    stopServing(object);
    return object.toJson();
  };
  own.toJson = served;
  servers.set(object, served);
}

/** The toJson each object serves during a synthesis (its own property, set by serveFromPass). */
const servers = new WeakMap<ApiObject, () => unknown>();

/** `object` with its class's toJson() again, where serveFromPass had given it one of its own. */
function stopServing(object: ApiObject): ApiObject {
  const own = object as unknown as { toJson?: () => unknown };
  if (Object.prototype.hasOwnProperty.call(object, 'toJson') && own.toJson === servers.get(object)) delete own.toJson;
  servers.delete(object);
  return object;
}

function keyOf(f: Finding): string {
  return [f.resource.kind, f.resource.namespace ?? '', f.resource.name].join('|');
}
