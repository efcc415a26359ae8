import { CEL_LIMITS, estimateCelCost } from './cel-cost';
import { nativeRule, RuleResult } from './cel-native';
import { toCel } from './cel-value';
import { formatPath, PathSegment } from '../path';

/** A CEL rule that failed at a place in the object. */
export interface CelViolation {
  readonly path: string;
  readonly message: string;
  /** Refused for its cost rather than its result. */
  readonly cost?: boolean;
}

/** One `x-kubernetes-validations` entry. */
interface Rule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly reason?: string;
  readonly fieldPath?: string;
}

/** A compiled rule, given the value at its place (as JSON) and the schema node there. */
type Program = (value: unknown, schema: Record<string, any>) => RuleResult;
/** A rule through CEL, given the value as CEL sees it. */
type CelProgram = (self: unknown) => RuleResult;

const programs = new Map<string, Program | null>();

/** A rule ready to run: its program and what to report. */
interface PreparedRule {
  readonly rule: string;
  readonly program: Program;
  readonly message: string;
  readonly messageExpression?: string;
  readonly reason?: string;
  readonly fieldPath?: string;
}

/**
 * What the walk needs of one schema node, built once per node: its rules (prepared on the first
 * visit, so CEL loads only for rules that meet a value) and only those children whose subtree
 * holds rules, so rule-free parts of an object are never walked.
 */
interface NodePlan {
  readonly schema: Record<string, any>;
  rules?: readonly PreparedRule[];
  readonly properties: ReadonlyMap<string, NodePlan>;
  readonly additional?: NodePlan;
  readonly items?: NodePlan;
  /** `properties` as a list, for finding the few present without listing every key of the value. */
  readonly propertyList: readonly (readonly [string, NodePlan])[];
}

const plans = new WeakMap<object, NodePlan | null>();

/** Runs every `x-kubernetes-validations` rule of the schema at its place in the value. */
export function checkCelRules(schema: Record<string, any>, value: unknown): CelViolation[] {
  const violations: CelViolation[] = [];
  const plan = planOf(schema);
  if (!plan) return violations;
  const budget = { remaining: CEL_LIMITS.perObject };
  try {
    walk(plan, value, [], violations, budget);
  } catch (err) {
    if (!(err instanceof BudgetExhausted)) throw err;
    violations.push({ path: err.path, cost: true, message: `validation failed due to running out of cost budget, no further validation rules will be run (the API server allows an estimated ${CEL_LIMITS.perObject} per object)` });
  }
  return violations;
}

class BudgetExhausted extends Error {
  constructor(readonly path: string) {
    super('CEL cost budget exhausted');
  }
}

/** The plan of a schema node; undefined when no rule lives at or below it. */
function planOf(schema: unknown): NodePlan | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  const known = plans.get(schema);
  if (known !== undefined) return known ?? undefined;
  plans.set(schema, null); // guards against self-referencing schemas
  const node = schema as Record<string, any>;
  const properties = new Map<string, NodePlan>();
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const plan = planOf(child);
    if (plan) properties.set(key, plan);
  }
  const additional = typeof node.additionalProperties === 'object' ? planOf(node.additionalProperties) : undefined;
  const items = planOf(node.items);
  const hasOwnRules = Array.isArray(node['x-kubernetes-validations']);
  const needed = hasOwnRules || properties.size > 0 || additional !== undefined || items !== undefined;
  const plan: NodePlan | undefined = needed ? { schema: node, properties, additional, items, propertyList: [...properties] } : undefined;
  plans.set(schema, plan ?? null);
  return plan;
}

function prepareRules(schema: Record<string, any>): PreparedRule[] {
  const prepared: PreparedRule[] = [];
  for (const rule of (schema['x-kubernetes-validations'] ?? []) as Rule[]) {
    // A rule reading oldSelf is a transition rule: the API server skips it when an object is created.
    if (typeof rule?.rule !== 'string' || rule.rule.includes('oldSelf')) continue;
    const program = programFor(rule.rule);
    if (!program) continue;
    const messageExpression = typeof rule.messageExpression === 'string' ? rule.messageExpression : undefined;
    prepared.push({ rule: rule.rule, program, message: rule.message ?? `failed rule: ${rule.rule}`, messageExpression, reason: rule.reason, fieldPath: rule.fieldPath });
  }
  return prepared;
}

const hasOwn = (o: unknown, key: string) => o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, key);

/** `path` is the segments down to `value`, shared and restored on the way back (formatted only when needed). */
function walk(plan: NodePlan, value: unknown, path: PathSegment[], out: CelViolation[], budget: { remaining: number }): void {
  if (value === undefined) return;
  plan.rules ??= prepareRules(plan.schema);
  for (const rule of plan.rules) {
    // Cost is estimated before evaluating, so hostile input is refused without being evaluated.
    const cost = estimateCelCost(rule.rule, value);
    if (cost > CEL_LIMITS.perCall) {
      out.push({ path: formatPath(path), cost: true, message: `call cost exceeds limit for rule: ${rule.rule} (estimated ${cost}, the API server allows ${CEL_LIMITS.perCall} per evaluation); make this list or string smaller` });
      continue;
    }
    budget.remaining -= cost;
    if (budget.remaining < 0) throw new BudgetExhausted(formatPath(path));
    const result = rule.program(value, plan.schema);
    if (result.unsupported || result.ok) continue;
    const at = formatPath(path);
    const message = reasonPrefix(rule.reason) + messageOf(rule, value, plan.schema);
    out.push({ path: rule.fieldPath ? at + rule.fieldPath : at, message: result.error ? `${message} (${result.error})` : message });
  }
  if (Array.isArray(value)) {
    if (!plan.items) return;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(plan.items, value[i], path, out, budget);
      path.pop();
    }
    return;
  }
  if (value === null || typeof value !== 'object' || (plan.properties.size === 0 && !plan.additional)) return;
  if (!plan.additional) {
    // Only fields with rules below them are walked: when at most one is present, it is found
    // without listing every key of the value (the order of one walk is the order of the keys).
    const present = onlyPresent(plan.propertyList, value as Record<string, unknown>);
    if (present === undefined) return;
    if (present !== MANY) {
      const [key, child] = present;
      path.push(key);
      walk(child, (value as Record<string, unknown>)[key], path, out, budget);
      path.pop();
      return;
    }
  }
  const declared = plan.schema.properties;
  for (const key of Object.keys(value)) {
    // A declared field is checked by its own schema; any other by additionalProperties.
    const child = hasOwn(declared, key) ? plan.properties.get(key) : plan.additional;
    if (!child) continue;
    path.push(key);
    walk(child, (value as Record<string, unknown>)[key], path, out, budget);
    path.pop();
  }
}

const MANY = Symbol('many');
const isListed = (o: object, key: string) => Object.prototype.propertyIsEnumerable.call(o, key);

type Entry = readonly [string, NodePlan];

/** The one property of the list the value has (as Object.keys lists keys), none, or MANY. */
function onlyPresent(list: readonly Entry[], value: Record<string, unknown>): Entry | undefined | typeof MANY {
  let found: Entry | undefined;
  for (const entry of list) {
    if (!isListed(value, entry[0])) continue;
    if (found) return MANY;
    found = entry;
  }
  return found;
}

/** How the API server words a rule's `reason` (FieldValueInvalid, the default, adds nothing). */
function reasonPrefix(reason: string | undefined): string {
  switch (reason) {
    case 'FieldValueForbidden': return 'Forbidden: ';
    case 'FieldValueRequired': return 'Required value: ';
    case 'FieldValueDuplicate': return 'Duplicate value: ';
    default: return '';
  }
}

/** Longest message a messageExpression may give before the API server falls back to `message`. */
const MAX_MESSAGE_EXPRESSION_CHARS = 5000;

/**
 * A failed rule's message: its messageExpression's result when that is a usable string (one
 * line, not blank, bounded), else `message`, as the API server falls back.
 */
function messageOf(rule: PreparedRule, value: unknown, schema: Record<string, any>): string {
  if (!rule.messageExpression) return rule.message;
  const result = celExpression(rule.messageExpression)?.(toCel(value, schema));
  if (typeof result !== 'string' || result.trim() === '' || /[\r\n]/.test(result) || result.length > MAX_MESSAGE_EXPRESSION_CHARS) return rule.message;
  return result;
}

const expressions = new Map<string, ((self: unknown) => unknown) | null>();

/** A messageExpression through CEL: its value, or undefined when it fails; null when it does not parse. */
function celExpression(text: string): ((self: unknown) => unknown) | null {
  if (expressions.has(text)) return expressions.get(text)!;
  const { module, env } = celRuntime();
  let compiled: ((self: unknown) => unknown) | null;
  try {
    const run = module.plan(env, module.parse(text));
    compiled = (self) => {
      try {
        const result = run({ self } as never);
        return module.isCelError(result) ? undefined : result;
      } catch {
        return undefined;
      }
    };
  } catch {
    compiled = null;
  }
  expressions.set(text, compiled);
  return compiled;
}

/**
 * Compiles a rule once; null when CEL cannot parse it (then the rule is not checked). The common
 * rules run natively (cel-native.ts); a value they do not type like CEL goes to CEL after all.
 */
function programFor(rule: string): Program | null {
  if (programs.has(rule)) return programs.get(rule)!;
  const native = nativeRule(rule);
  let program: Program | null;
  let cel: CelProgram | null | undefined;
  const viaCel: Program = (value, schema) => {
    if (cel === undefined) cel = celProgram(rule);
    return cel ? cel(toCel(value, schema)) : { ok: true, unsupported: true };
  };
  if (native) {
    program = (value, schema) => {
      const result = native(value, schema);
      return result.unsupported ? viaCel(value, schema) : result;
    };
  } else {
    cel = celProgram(rule);
    program = cel ? viaCel : null;
  }
  programs.set(rule, program);
  return program;
}

type CelModule = typeof import('@bufbuild/cel');
let cel: { module: CelModule; env: ReturnType<CelModule['celEnv']> } | undefined;

/** The CEL interpreter and its environment, loaded on the first rule that needs it (it takes longer to load than a small lint). */
function celRuntime(): NonNullable<typeof cel> {
  if (!cel) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require('@bufbuild/cel') as CelModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { K8S_CEL_FUNCTIONS } = require('./cel-k8s-functions') as typeof import('./cel-k8s-functions');
    cel = { module, env: module.celEnv({ variables: { self: module.CelScalar.DYN }, funcs: K8S_CEL_FUNCTIONS }) };
  }
  return cel;
}

/** A rule through @bufbuild/cel; null when it does not parse. */
function celProgram(rule: string): CelProgram | null {
  const { module, env } = celRuntime();
  try {
    const run = module.plan(env, module.parse(rule));
    return (self) => {
      let result;
      try {
        result = run({ self } as never);
      } catch (err) {
        return { ok: false, error: (err as Error).message };
      }
      if (module.isCelError(result)) {
        const text = String((result as { message?: string }).message ?? result);
        // A function we do not implement: say nothing rather than guess.
        if (/unbound function|no such overload|undeclared reference/i.test(text)) return { ok: true, unsupported: true };
        return { ok: false, error: text };
      }
      return { ok: result === true };
    };
  } catch {
    return null;
  }
}
