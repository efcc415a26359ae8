import { withDefaults } from './apply-defaults';
import { checkCelRules } from './cel-rules';
import { SCHEMA_CODES } from './codes';
import { checkCoreObject } from './core-kinds';
import { lookupCrd } from './crd-catalog';
import { checkListTypes } from './list-types';
import { checkObjectMeta } from './object-meta';
import { checkOpenApi } from './openapi-check';
import { KubeObject } from '../../core/kube-object';
import { Finding, findingOf } from '../finding';

export { SCHEMA_CODES } from './codes';
export { isDns1123Label, isDns1123Subdomain } from './object-meta';

/**
 * What the Kubernetes API server checks before it stores an object: metadata, then the pinned
 * CRD's (Istio's or the Gateway API's) OpenAPI schema, strict about unknown fields, and its CEL
 * rules, both on the object with the schema's defaults applied; or the core kinds' rules.
 * Objects of other API groups (other CRDs) are not checked here.
 */
export function checkSchema(object: KubeObject): Finding[] {
  const findings: Finding[] = checkObjectMeta(object.kind, object.apiVersion, object.metadata as Record<string, any>)
    .map((v) => findingOf(object, 'error', SCHEMA_CODES.INVALID_METADATA.code, v.message, v.path));
  const lookup = lookupCrd(object.apiVersion, object.kind);
  if ('notIstio' in lookup) {
    for (const v of checkCoreObject(object.apiVersion, object.kind, object as Record<string, any>)) {
      findings.push(findingOf(object, 'error', SCHEMA_CODES.INVALID_CORE_OBJECT.code, v.message, v.path));
    }
    return findings;
  }
  if ('problem' in lookup) {
    const code = lookup.problem === 'group' ? SCHEMA_CODES.UNKNOWN_API_GROUP : lookup.problem === 'kind' ? SCHEMA_CODES.UNKNOWN_KIND : SCHEMA_CODES.UNSERVED_VERSION;
    findings.push(findingOf(object, 'error', code.code, lookup.message, lookup.problem === 'kind' ? 'kind' : 'apiVersion'));
    return findings;
  }
  // The API server defaults before it validates: the schema, list types and CEL see the stored form.
  const stored = withDefaults(lookup.found.schema, object);
  const violations = checkOpenApi(lookup.found, stored);
  for (const v of violations) {
    findings.push(findingOf(object, 'error', v.unknownField ? SCHEMA_CODES.UNKNOWN_FIELD.code : SCHEMA_CODES.SCHEMA_VIOLATION.code, v.message, v.path));
  }
  for (const v of checkListTypes(lookup.found.schema, stored)) findings.push(findingOf(object, 'error', SCHEMA_CODES.LIST_TYPE.code, v.message, v.path));
  // Like the API server, CEL rules run only on objects that pass the structural schema.
  if (violations.length === 0) {
    for (const v of checkCelRules(lookup.found.schema, stored)) findings.push(findingOf(object, 'error', v.cost ? SCHEMA_CODES.CEL_COST.code : SCHEMA_CODES.CEL_RULE.code, v.message, v.path));
  }
  return findings;
}
