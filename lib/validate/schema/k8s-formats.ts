import { isIpv4Format, isIpv6Format } from './ip-address';

/**
 * The OpenAPI string formats the pinned CRDs use, for ajv. The API server checks `ipv4` and
 * `ipv6` (the Gateway API's addresses); the numeric formats only describe a type the schema
 * already states. `date-time` sits only in status conditions, which manifests do not write, and
 * `byte` (base64) is not checked here.
 */
export const K8S_FORMATS = {
  'ipv4': isIpv4Format,
  'ipv6': isIpv6Format,
  'int32': true,
  'int64': true,
  'double': true,
  'date-time': true,
  'byte': true,
} as const;
