import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { describeAjvError } from './ajv-messages';
import { CrdVersion } from './crd-catalog';
import { deferredRootJsonSchema, schemaVerdict, VALID } from './schema-verdict';
import { rootJsonSchema } from './structural-to-json-schema';
import { CRD_VALIDATORS } from '../schemas/crd-validators.generated';

/** One schema violation: where, what, and whether it is an unknown field. */
export interface SchemaViolation {
  readonly path: string;
  readonly message: string;
  readonly unknownField: boolean;
}

let ajv: Ajv | undefined;
const compiled = new Map<CrdVersion, ValidateFunction>();

/**
 * How many objects of one CRD version the schema walk judges before the generated validator
 * takes over. Loading and first running a generated module costs about as much as walking a few
 * hundred objects, and once loaded it is three to four times faster than the walk: a small app
 * or lint (tens of objects per kind) never loads it, a mesh of thousands does, early.
 */
export const SCHEMA_WALK_LIMIT = 64;

/** Per CRD version, the schema the walk reads (converted as values reach its parts) and how many objects it judged. */
const walks = new Map<CrdVersion, { readonly schema: Record<string, any>; judged: number }>();

/** Whether the walk finds `object` valid, while this CRD version is within the walk's share of objects. */
function walkFindsValid(crd: CrdVersion, object: unknown): boolean {
  let walk = walks.get(crd);
  if (!walk) walks.set(crd, walk = { schema: deferredRootJsonSchema(crd.schema), judged: 0 });
  // Once the generated validator is loaded (an object the walk did not pass), it judges the rest.
  if (walk.judged >= SCHEMA_WALK_LIMIT || compiled.has(crd)) return false;
  walk.judged++;
  return schemaVerdict(walk.schema, object) === VALID;
}

/**
 * The validator of a CRD version: every pinned CRD version is precompiled into its own module,
 * loaded the first time an object of that kind is checked. ajv's compiler (slow to load, half a
 * second per schema) is only the fallback for a schema that has no generated module.
 */
function validatorFor(crd: CrdVersion): ValidateFunction {
  let validate = compiled.get(crd);
  if (validate) return validate;
  const load = CRD_VALIDATORS[`${crd.group}/${crd.version}/${crd.kind}`];
  if (load) {
    validate = load();
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ajv ??= (require('./ajv-setup') as typeof import('./ajv-setup')).newCrdAjv();
    validate = ajv.compile(rootJsonSchema(crd.schema));
  }
  compiled.set(crd, validate);
  return validate;
}

/**
 * Validates an object against its CRD version's OpenAPI schema. What the schema walk finds valid
 * is what ajv would pass; ajv (the generated validator) judges the rest and words the errors.
 */
export function checkOpenApi(crd: CrdVersion, object: unknown): SchemaViolation[] {
  if (walkFindsValid(crd, object)) return [];
  const validate = validatorFor(crd);
  if (validate(object)) return [];
  return relevantErrors(validate.errors ?? []).map(describeAjvError);
}

/**
 * Errors inside a `oneOf`/`anyOf`/`not` branch only explain why that branch failed; the error on
 * the combinator itself says what matters, so the branch errors are dropped.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (/\/(oneOf|anyOf|not)\//.test(e.schemaPath)) return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
