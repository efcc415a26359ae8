import ucs2length from 'ajv/dist/runtime/ucs2length';
import { K8S_FORMATS } from './k8s-formats';
import { nodeToJsonSchema, rootJsonSchema } from './structural-to-json-schema';

/**
 * What ajv would say of a value against a CRD's JSON Schema (as rootJsonSchema makes it), decided
 * without ajv's generated code: VALID and INVALID are what ajv says; UNSURE where this walk does
 * not judge (a value JSON cannot hold, a keyword it does not know). Loading and first running a
 * generated validator costs milliseconds per kind, most of a small lint or synth; a walk over the
 * already parsed schema needs neither, and ajv is asked only when the answer is not VALID.
 */
export type Verdict = typeof INVALID | typeof VALID | typeof UNSURE;
export const INVALID = 0;
export const VALID = 1;
export const UNSURE = 2;

/* eslint-disable no-bitwise */
/** The JSON types of a value, as bits, so a schema's `type` list is one mask. */
const OBJECT = 1, ARRAY = 2, STRING = 4, NUMBER = 8, INTEGER = 16, BOOLEAN = 32, NULL = 64;
const TYPE_BITS: Readonly<Record<string, number>> = {
  object: OBJECT, array: ARRAY, string: STRING, number: NUMBER, integer: INTEGER, boolean: BOOLEAN, null: NULL,
};

/** The keywords judged here; `default` and `description` do not constrain a value. */
const KNOWN_KEYWORDS = new Set([
  'type', 'properties', 'additionalProperties', 'required', 'items', 'enum', 'pattern', 'format', 'minLength', 'maxLength',
  'minimum', 'maximum', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'oneOf', 'anyOf', 'allOf', 'not', 'default', 'description',
]);

type Schema = Readonly<Record<string, any>>;

/** One schema node, read once: what each keyword asks, in the form the walk uses. */
interface Plan {
  /** A keyword or form this walk does not judge: every value is UNSURE here. */
  readonly unsure: boolean;
  readonly types: number;
  readonly properties?: ReadonlyMap<string, Schema>;
  readonly required?: readonly string[];
  /** false: no other field; a schema: what other fields hold; undefined: anything. */
  readonly additional?: false | Schema;
  readonly items?: Schema;
  readonly enumValues?: ReadonlySet<unknown>;
  readonly pattern?: RegExp;
  readonly format?: (value: string) => boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly not?: Schema;
}

const UNSURE_PLAN: Plan = { unsure: true, types: 0 };
const plans = new WeakMap<Schema, Plan>();
const patterns = new Map<string, RegExp | undefined>();

/**
 * A subschema of the structural schema not yet converted: converting a CRD's whole schema costs
 * more than checking a few objects, most of whose fields are absent.
 */
class DeferredSchema {
  constructor(readonly node: Record<string, any>, readonly structural: boolean) {}
}

const defer = (node: Record<string, any>, structural: boolean) => new DeferredSchema(node, structural);

/** rootJsonSchema of a CRD's structural schema, each subschema converted when a value first reaches it. */
export function deferredRootJsonSchema(crdRoot: Record<string, any>): Schema {
  return rootJsonSchema(crdRoot, defer);
}

/** ajv's verdict on `value` against `schema` (rootJsonSchema's form, or deferredRootJsonSchema's), or UNSURE. */
export function schemaVerdict(schema: Schema, value: unknown): Verdict {
  let plan = plans.get(schema);
  if (!plan) plans.set(schema, plan = planOf(schema));
  if (plan.unsure) return UNSURE;
  let bits: number;
  switch (typeof value) {
    case 'string': bits = STRING; break;
    case 'boolean': bits = BOOLEAN; break;
    case 'number':
      // ajv's integer check lets Infinity through and its number check does not; JSON has neither.
      if (!Number.isFinite(value)) return UNSURE;
      bits = Number.isInteger(value) ? NUMBER | INTEGER : NUMBER;
      break;
    case 'object':
      if (value === null) bits = NULL;
      else if (Array.isArray(value)) bits = ARRAY;
      else if (isPlainObject(value)) bits = OBJECT;
      else return UNSURE;
      break;
    default:
      return UNSURE;
  }
  if (plan.types !== 0 && (plan.types & bits) === 0) return INVALID;
  if (plan.enumValues && !plan.enumValues.has(value)) return INVALID;
  let verdict: Verdict = VALID;
  if (bits === OBJECT) verdict = objectVerdict(plan, value as Record<string, unknown>);
  else if (bits === ARRAY) verdict = arrayVerdict(plan, value as readonly unknown[]);
  else if (bits === STRING) verdict = stringVerdict(plan, value as string);
  else if (bits & NUMBER) verdict = numberVerdict(plan, value as number);
  if (verdict === INVALID) return verdict;
  return and(verdict, combinatorVerdict(plan, value));
}

function and(a: Verdict, b: Verdict): Verdict {
  if (a === INVALID || b === INVALID) return INVALID;
  return a === UNSURE || b === UNSURE ? UNSURE : VALID;
}

/** Prototypes found to be another realm's Object.prototype (a vm context's, a test runner's structuredClone). */
const foreignObjectPrototypes = new WeakSet<object>();

/**
 * A JSON object: ajv reads fields with `in` and for..in, which agree with its own keys only when
 * nothing above it in the prototype chain holds fields (Object.prototype, of any realm, or none).
 */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === Object.prototype || proto === null || foreignObjectPrototypes.has(proto)) return true;
  if (Object.getPrototypeOf(proto) !== null || Object.prototype.toString.call(value) !== '[object Object]') return false;
  // eslint-disable-next-line guard-for-in, no-unreachable-loop
  for (const _ in proto) return false;
  foreignObjectPrototypes.add(proto);
  return true;
}

function objectVerdict(plan: Plan, value: Record<string, unknown>): Verdict {
  if (plan.required) {
    for (const field of plan.required) if (value[field] === undefined) return INVALID;
  }
  if (plan.minProperties !== undefined || plan.maxProperties !== undefined) {
    const count = Object.keys(value).length;
    if (count < (plan.minProperties ?? 0) || count > (plan.maxProperties ?? Infinity)) return INVALID;
  }
  let verdict: Verdict = VALID;
  // for..in as ajv's additionalProperties loop (own keys, for a plain object).
  for (const key in value) {
    const field = value[key];
    const declared = plan.properties?.get(key);
    let found: Verdict;
    if (declared) {
      if (field === undefined) continue;
      found = schemaVerdict(declared, field);
    } else if (plan.additional === false) {
      return INVALID;
    } else if (plan.additional) {
      found = schemaVerdict(plan.additional, field);
    } else {
      continue;
    }
    if (found === INVALID) return found;
    if (found === UNSURE) verdict = found;
  }
  return verdict;
}

function arrayVerdict(plan: Plan, value: readonly unknown[]): Verdict {
  if (value.length < (plan.minItems ?? 0) || value.length > (plan.maxItems ?? Infinity)) return INVALID;
  if (!plan.items) return VALID;
  let verdict: Verdict = VALID;
  for (let i = 0; i < value.length; i++) {
    const found = schemaVerdict(plan.items, value[i]);
    if (found === INVALID) return found;
    if (found === UNSURE) verdict = found;
  }
  return verdict;
}

function stringVerdict(plan: Plan, value: string): Verdict {
  if (plan.minLength !== undefined || plan.maxLength !== undefined) {
    // ajv counts code points, not UTF-16 units.
    const length = ucs2length(value);
    if (length < (plan.minLength ?? 0) || length > (plan.maxLength ?? Infinity)) return INVALID;
  }
  if (plan.pattern && !plan.pattern.test(value)) return INVALID;
  if (plan.format && !plan.format(value)) return INVALID;
  return VALID;
}

function numberVerdict(plan: Plan, value: number): Verdict {
  if (plan.minimum !== undefined && value < plan.minimum) return INVALID;
  if (plan.maximum !== undefined && value > plan.maximum) return INVALID;
  return VALID;
}

function combinatorVerdict(plan: Plan, value: unknown): Verdict {
  let verdict: Verdict = VALID;
  if (plan.allOf) {
    for (const branch of plan.allOf) {
      verdict = and(verdict, schemaVerdict(branch, value));
      if (verdict === INVALID) return verdict;
    }
  }
  if (plan.anyOf) {
    let any: Verdict = INVALID;
    for (const branch of plan.anyOf) {
      const found = schemaVerdict(branch, value);
      if (found === VALID) { any = found; break; }
      if (found === UNSURE) any = found;
    }
    verdict = and(verdict, any);
    if (verdict === INVALID) return verdict;
  }
  if (plan.oneOf) {
    let valid = 0;
    let unsure = false;
    for (const branch of plan.oneOf) {
      const found = schemaVerdict(branch, value);
      if (found === VALID) valid++;
      else if (found === UNSURE) unsure = true;
    }
    // Two branches that hold fail oneOf whatever the unsure ones would say.
    const one = valid > 1 ? INVALID : unsure ? UNSURE : valid === 1 ? VALID : INVALID;
    verdict = and(verdict, one);
    if (verdict === INVALID) return verdict;
  }
  if (plan.not) {
    const found = schemaVerdict(plan.not, value);
    verdict = and(verdict, found === UNSURE ? found : found === VALID ? INVALID : VALID);
  }
  return verdict;
}

/** Reads one schema node; anything outside the forms above makes the node UNSURE. */
function planOf(schema: Schema): Plan {
  if (schema instanceof DeferredSchema) {
    const { node, structural } = schema;
    return isSchema(node) ? planOf(nodeToJsonSchema(node, structural, defer)) : UNSURE_PLAN;
  }
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return UNSURE_PLAN;
  for (const key of Object.keys(schema)) if (!KNOWN_KEYWORDS.has(key)) return UNSURE_PLAN;
  const types = typeMask(schema.type);
  if (types === undefined) return UNSURE_PLAN;
  const plan: { -readonly [K in keyof Plan]: Plan[K] } = { unsure: false, types };
  if (schema.properties !== undefined) {
    const properties = schemaMap(schema.properties);
    if (!properties) return UNSURE_PLAN;
    plan.properties = properties;
  }
  if (schema.additionalProperties === false) plan.additional = false;
  else if (isSchema(schema.additionalProperties)) plan.additional = schema.additionalProperties;
  else if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) return UNSURE_PLAN;
  if (schema.items !== undefined) {
    if (!isSchema(schema.items)) return UNSURE_PLAN;
    plan.items = schema.items;
  }
  if (schema.required !== undefined) {
    if (!Array.isArray(schema.required) || !schema.required.every((f: unknown) => typeof f === 'string')) return UNSURE_PLAN;
    plan.required = schema.required;
  }
  if (schema.enum !== undefined) {
    // Strings and numbers compare with ===; other enum values would need ajv's deep equality.
    if (!Array.isArray(schema.enum) || !schema.enum.every((v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) return UNSURE_PLAN;
    plan.enumValues = new Set(schema.enum);
  }
  if (schema.pattern !== undefined) {
    const pattern = typeof schema.pattern === 'string' ? patternOf(schema.pattern) : undefined;
    if (!pattern) return UNSURE_PLAN;
    plan.pattern = pattern;
  }
  if (schema.format !== undefined) {
    const format = (K8S_FORMATS as Readonly<Record<string, true | ((value: string) => boolean)>>)[schema.format];
    if (format === undefined || !Object.prototype.hasOwnProperty.call(K8S_FORMATS, schema.format)) return UNSURE_PLAN;
    if (format !== true) plan.format = format;
  }
  for (const limit of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const) {
    const bound = schema[limit];
    if (bound === undefined) continue;
    if (typeof bound !== 'number' || !Number.isFinite(bound)) return UNSURE_PLAN;
    plan[limit] = bound;
  }
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    const branches = schema[combinator];
    if (branches === undefined) continue;
    if (!Array.isArray(branches) || branches.length === 0 || !branches.every(isSchema)) return UNSURE_PLAN;
    plan[combinator] = branches;
  }
  if (schema.not !== undefined) {
    if (!isSchema(schema.not)) return UNSURE_PLAN;
    plan.not = schema.not;
  }
  return plan;
}

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function typeMask(type: unknown): number | undefined {
  if (type === undefined) return 0;
  const names = Array.isArray(type) ? type : [type];
  let mask = 0;
  for (const name of names) {
    const bit = typeof name === 'string' && Object.prototype.hasOwnProperty.call(TYPE_BITS, name) ? TYPE_BITS[name] : undefined;
    if (bit === undefined) return undefined;
    mask |= bit;
  }
  // An integer value carries the NUMBER bit too, so "number" admits it.
  return mask;
}

/**
 * The declared fields. ajv reads `data[field]`, which for a plain object also finds what
 * Object.prototype has: a schema declaring such a name (`constructor`) is not judged here.
 */
function schemaMap(properties: unknown): Map<string, Schema> | undefined {
  if (!isSchema(properties)) return undefined;
  const map = new Map<string, Schema>();
  for (const [name, child] of Object.entries(properties)) {
    if (!isSchema(child) || name in Object.prototype) return undefined;
    map.set(name, child);
  }
  return map;
}

/** ajv's RegExp for a pattern (unicode), made once per pattern; undefined if it does not compile. */
function patternOf(source: string): RegExp | undefined {
  if (!patterns.has(source)) {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(source, 'u');
    } catch {
      pattern = undefined;
    }
    patterns.set(source, pattern);
  }
  return patterns.get(source);
}
