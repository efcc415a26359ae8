import Ajv from 'ajv';

/**
 * The one ajv configuration for CRD schemas, shared by run-time compilation and the precompiled
 * validators (which must be generated with exactly these options). Unoptimized code and no
 * built-in messages (ours are written from the error parameters) roughly halve compile time.
 */
export function newCrdAjv(source = false): Ajv {
  return new Ajv({ allErrors: true, strict: false, verbose: true, validateFormats: false, messages: false, code: { optimize: false, source } });
}

/** The kinds our constructs emit: their served v1 schemas are precompiled into the package. */
export const PRECOMPILED_KINDS: readonly string[] = [
  'networking.istio.io/v1/VirtualService',
  'networking.istio.io/v1/DestinationRule',
  'networking.istio.io/v1/Gateway',
  'security.istio.io/v1/PeerAuthentication',
  'security.istio.io/v1/AuthorizationPolicy',
  'telemetry.istio.io/v1/Telemetry',
];
