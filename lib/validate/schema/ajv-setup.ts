import Ajv from 'ajv';

/**
 * The one ajv configuration for CRD schemas, shared by run-time compilation and the precompiled
 * validators. No built-in messages: ours are written from the error parameters. `source` is for
 * the generated modules: ES exports, and ajv's optimized code, which costs compile time once at
 * build time; compiled at run time (the fallback) the code stays unoptimized, which roughly
 * halves compile time.
 */
export function newCrdAjv(source = false): Ajv {
  const code = { optimize: source ? 1 : false, source, esm: source };
  // Shared subschemas stay functions of their own in the generated code (see shared-subschemas.ts).
  return new Ajv({ allErrors: true, strict: false, verbose: true, validateFormats: false, messages: false, inlineRefs: !source, code });
}
