import Ajv from 'ajv';
import { _ } from 'ajv/dist/compile/codegen';
import { K8S_FORMATS } from './k8s-formats';

/**
 * The one ajv configuration for CRD schemas, shared by run-time compilation and the precompiled
 * validators. No built-in messages: ours are written from the error parameters. `source` is for
 * the generated modules: ES exports, and ajv's optimized code, which costs compile time once at
 * build time; compiled at run time (the fallback) the code stays unoptimized, which roughly
 * halves compile time. The generated modules read the formats from k8s-formats.ts (they live in
 * lib/validate/schemas/validators/).
 */
export function newCrdAjv(source = false): Ajv {
  const code = { optimize: source ? 1 : false, source, esm: source, ...(source ? { formats: _`require("../../schema/k8s-formats").K8S_FORMATS` } : {}) };
  // Shared subschemas stay functions of their own in the generated code (see shared-subschemas.ts).
  return new Ajv({ allErrors: true, strict: false, verbose: true, formats: K8S_FORMATS, messages: false, inlineRefs: !source, code });
}
