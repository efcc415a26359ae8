import { ErrorObject, ValidateFunction } from 'ajv';
import { describeAjvError } from './ajv-messages';
import { newCrdAjv, PRECOMPILED_KINDS } from './ajv-setup';
import { CrdVersion } from './crd-catalog';
import { rootJsonSchema } from './structural-to-json-schema';
import { ISTIO_VALIDATORS_JS } from '../schemas/istio-validators.generated';

/** One schema violation: where, what, and whether it is an unknown field. */
export interface SchemaViolation {
  readonly path: string;
  readonly message: string;
  readonly unknownField: boolean;
}

let ajv: ReturnType<typeof newCrdAjv> | undefined;
let precompiled: Record<string, ValidateFunction> | undefined;
const compiled = new Map<CrdVersion, ValidateFunction>();

/**
 * The validator of a CRD version: precompiled for the kinds the constructs emit (loading the
 * generated module costs milliseconds; compiling costs half a second), compiled once otherwise.
 */
function validatorFor(crd: CrdVersion): ValidateFunction {
  let validate = compiled.get(crd);
  if (validate) return validate;
  const key = `${crd.group}/${crd.version}/${crd.kind}`;
  if (PRECOMPILED_KINDS.includes(key)) {
    precompiled ??= loadPrecompiled();
    validate = precompiled[key];
  }
  if (!validate) {
    ajv ??= newCrdAjv();
    validate = ajv.compile(rootJsonSchema(crd.schema));
  }
  compiled.set(crd, validate);
  return validate;
}

/** Instantiates the generated standalone module (CommonJS text) with this package's `require`. */
function loadPrecompiled(): Record<string, ValidateFunction> {
  const module = { exports: {} as Record<string, ValidateFunction> };
  new Function('require', 'module', 'exports', ISTIO_VALIDATORS_JS)(require, module, module.exports);
  return module.exports;
}

/** Validates an object against its CRD version's OpenAPI schema. */
export function checkOpenApi(crd: CrdVersion, object: unknown): SchemaViolation[] {
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
