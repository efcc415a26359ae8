import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { describeAjvError } from './ajv-messages';
import { CrdVersion } from './crd-catalog';
import { rootJsonSchema } from './structural-to-json-schema';

/** One schema violation: where, what, and whether it is an unknown field. */
export interface SchemaViolation {
  readonly path: string;
  readonly message: string;
  readonly unknownField: boolean;
}

// Compiling the large Istio schemas dominates a synth's first validation: unoptimized code and no
// built-in messages (ours are written from the error parameters) roughly halve that cost.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateFormats: false, messages: false, code: { optimize: false } });
const compiled = new Map<CrdVersion, ValidateFunction>();

/** Validates an object against its CRD version's OpenAPI schema (compiled once per version). */
export function checkOpenApi(crd: CrdVersion, object: unknown): SchemaViolation[] {
  let validate = compiled.get(crd);
  if (!validate) {
    validate = ajv.compile(rootJsonSchema(crd.schema));
    compiled.set(crd, validate);
  }
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
