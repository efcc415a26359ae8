import { CEL_LIMITS, estimateCelCost } from './cel-cost';
import { nativeRule, RuleProgram } from './cel-native';
import { childPath } from '../path';

/** A CEL rule that failed at a place in the object. */
export interface CelViolation {
  readonly path: string;
  readonly message: string;
  /** Refused for its cost rather than its result. */
  readonly cost?: boolean;
}

interface Rule {
  readonly rule: string;
  readonly message?: string;
  readonly fieldPath?: string;
}

type Program = RuleProgram;

const programs = new Map<string, Program | null>();
const hasRules = new WeakMap<object, boolean>();

/** Runs every `x-kubernetes-validations` rule of the schema at its place in the value. */
export function checkCelRules(schema: Record<string, any>, value: unknown): CelViolation[] {
  const violations: CelViolation[] = [];
  const budget = { remaining: CEL_LIMITS.perObject };
  try {
    walk(schema, value, '', violations, budget);
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

function walk(schema: Record<string, any>, value: unknown, path: string, out: CelViolation[], budget: { remaining: number }): void {
  if (value === undefined || !subtreeHasRules(schema)) return;
  for (const rule of (schema['x-kubernetes-validations'] ?? []) as Rule[]) {
    if (rule.rule.includes('oldSelf')) continue; // transition rules need the stored object
    const program = programFor(rule.rule);
    if (!program) continue;
    // Cost is estimated before evaluating, so hostile input is refused without being evaluated.
    const cost = estimateCelCost(rule.rule, value);
    if (cost > CEL_LIMITS.perCall) {
      out.push({ path, cost: true, message: `call cost exceeds limit for rule: ${rule.rule} (estimated ${cost}, the API server allows ${CEL_LIMITS.perCall} per evaluation); make this list or string smaller` });
      continue;
    }
    budget.remaining -= cost;
    if (budget.remaining < 0) throw new BudgetExhausted(path);
    const result = program(toCel(value, schema));
    if (result.unsupported || result.ok) continue;
    const message = rule.message ?? `failed rule: ${rule.rule}`;
    out.push({ path: rule.fieldPath ? path + rule.fieldPath : path, message: result.error ? `${message} (${result.error})` : message });
  }
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => walk(schema.items, item, childPath(path, i), out, budget));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (childSchema) walk(childSchema, child, childPath(path, key), out, budget);
  }
}

/** Whether any rule lives at or below this schema node (cached, so rule-free subtrees are skipped). */
function subtreeHasRules(schema: Record<string, any>): boolean {
  const known = hasRules.get(schema);
  if (known !== undefined) return known;
  hasRules.set(schema, false); // guards against self-referencing schemas
  const children = [
    ...Object.values(schema.properties ?? {}),
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
    ...(schema.items ? [schema.items] : []),
  ] as Record<string, any>[];
  const result = Array.isArray(schema['x-kubernetes-validations']) || children.some(subtreeHasRules);
  hasRules.set(schema, result);
  return result;
}

/**
 * Compiles a rule once; null when CEL cannot parse it (then the rule is not checked). The common
 * rules run natively (cel-native.ts); a value they do not type like CEL goes to CEL after all.
 */
function programFor(rule: string): Program | null {
  if (programs.has(rule)) return programs.get(rule)!;
  const native = nativeRule(rule);
  let program: Program | null;
  if (native) {
    let cel: Program | null | undefined;
    program = (self) => {
      const result = native(self);
      if (!result.unsupported) return result;
      if (cel === undefined) cel = celProgram(rule);
      return cel ? cel(self) : result;
    };
  } else {
    program = celProgram(rule);
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
function celProgram(rule: string): Program | null {
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

/**
 * The value as CEL sees it: objects as maps, integers as CEL ints where the schema says integer
 * (JSON numbers are doubles otherwise), recursively.
 */
function toCel(value: unknown, schema: Record<string, any> | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    const integer = schema?.type === 'integer' || (schema?.type === undefined && Number.isInteger(value)) || schema?.['x-kubernetes-int-or-string'];
    return integer && Number.isInteger(value) ? BigInt(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => toCel(item, schema?.items));
  if (typeof value === 'object') {
    const map = new Map<string, unknown>();
    for (const [key, child] of Object.entries(value)) {
      const childSchema = schema?.properties?.[key] ?? (typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      map.set(key, toCel(child, childSchema));
    }
    return map;
  }
  return value;
}
