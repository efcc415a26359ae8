/**
 * `node validate-ajv.js OBJECTS.json`: plain ajv over the Istio objects with the same CRD schemas
 * (compiled untimed; no CEL rules, no webhook or cross-object checks), in-process timing.
 */
import { readFileSync } from 'fs';
import Ajv, { ValidateFunction } from 'ajv';
import { crdVersionsOf } from '../../lib/validate/schema/crd-bundle';
import { ISTIO_CRD_SCHEMAS } from '../../lib/validate/schemas/istio-crds.generated';
import { istioObjects } from '../harness/istio-objects';
import { printTimed } from '../harness/timed';

const objects = istioObjects(JSON.parse(readFileSync(process.argv[2], 'utf8')));
// Kubernetes' extensions (x-kubernetes-*) are unknown keywords to ajv; formats are not checked.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validators = new Map<string, ValidateFunction>();
for (const crd of crdVersionsOf(ISTIO_CRD_SCHEMAS)) validators.set(`${crd.group}/${crd.version}|${crd.kind}`, ajv.compile(crd.schema));
printTimed(() => {
  let invalid = 0;
  for (const o of objects) if (!validators.get(`${o.apiVersion}|${o.kind}`)?.(o)) invalid++;
  if (invalid) throw new Error(`plain ajv refused ${invalid} objects`);
  return objects.length;
});
