import { CodeInfo } from '../code-info';

/** Findings of the schema stage: what the API server would refuse before Istio sees the object. */
export const SCHEMA_CODES = {
  UNKNOWN_API_GROUP: { code: 'IGR1001', severity: 'error', title: 'apiVersion names an API group that does not exist (a near miss of an Istio or Gateway API group)' },
  UNSERVED_VERSION: { code: 'IGR1002', severity: 'error', title: 'the API group does not serve this version of the kind' },
  UNKNOWN_KIND: { code: 'IGR1003', severity: 'error', title: 'the API group has no such kind' },
  SCHEMA_VIOLATION: { code: 'IGR1004', severity: 'error', title: 'a field breaks the CRD OpenAPI schema (type, enum, range, length, pattern, format, required, exclusive fields), defaults applied' },
  UNKNOWN_FIELD: { code: 'IGR1005', severity: 'error', title: 'a field the CRD schema does not define (kubectl --validate=strict refuses it)' },
  CEL_RULE: { code: 'IGR1006', severity: 'error', title: 'an x-kubernetes-validations CEL rule of the CRD fails' },
  INVALID_METADATA: { code: 'IGR1007', severity: 'error', title: 'metadata name, namespace, labels or annotations the API server refuses' },
  LIST_TYPE: { code: 'IGR1009', severity: 'error', title: 'a list repeats an item its x-kubernetes-list-type forbids repeating (list-map keys, set values)' },
  CEL_COST: { code: 'IGR1010', severity: 'error', title: 'CEL rules would cost more than the API server allows to evaluate on this object' },
  INVALID_CORE_OBJECT: { code: 'IGR1008', severity: 'error', title: 'a core Kubernetes object (Service, Deployment, Pod, ...) the API server refuses' },
} satisfies Record<string, CodeInfo>;
