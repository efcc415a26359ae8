/**
 * Rewrites the `toJson_*` converters that `cdk8s import` generates so that they drop undefined
 * fields with one loop instead of a spread per field:
 *
 *   Object.entries(x).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {})
 *
 * becomes `definedEntries(x)`, a function appended to the module, and its variant for maps of
 * quantities (`[i[0]]: i[1]?.value`) becomes `definedValues(x)`. Same keys, order and values; the
 * spread copied the object once per field and gave each result a hidden class of its own.
 * Run by `npm run import` after the imports are generated; running it again changes nothing.
 *
 * Usage: tsx scripts/fast-converters.ts <imports/*.ts...>
 */
import { readFileSync, writeFileSync } from 'fs';

/** The generated idiom, around the expression whose defined entries it keeps. */
const IDIOM = /Object\.entries\(((?:[\w.]|\(\w+\))+)\)\.reduce\(\(r, i\) => \(i\[1\] === undefined\) \? r : \(\{ \.\.\.r, \[i\[0\]\]: i\[1\] \}\), \{\}\)/g;

/** The variant over maps of quantities or int-or-strings, which keeps each one's `.value`. */
const VALUES_IDIOM = /Object\.entries\(((?:[\w.]|\(\w+\))+)\)\.reduce\(\(r, i\) => \(i\[1\] === undefined\) \? r : \(\{ \.\.\.r, \[i\[0\]\]: i\[1\]\?\.value \}\), \{\}\)/g;

/** Appended to each rewritten module (not exported: the modules' exports are public API). */
export const DEFINED_ENTRIES_SOURCE = `
/**
 * The own enumerable fields of \`obj\` whose value is not undefined, in their order (the
 * converters' filter, in one loop). Added by scripts/fast-converters.ts.
 */
function definedEntries(obj: Record<string, any>): Record<string, any> {
  const result: Record<string, any> = {};
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (value === undefined) continue;
    // An assignment to __proto__ would set the prototype; the spread defined a field.
    if (key === '__proto__') Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    else result[key] = value;
  }
  return result;
}
`;

/** Appended to a module where the quantity-map variant was rewritten. */
export const DEFINED_VALUES_SOURCE = `
/**
 * The \`.value\` of each own enumerable field of \`obj\` that is not undefined, in their order
 * (the converters' filter over maps of quantities, in one loop). Added by scripts/fast-converters.ts.
 */
function definedValues(obj: Record<string, any>): Record<string, any> {
  const result: Record<string, any> = {};
  for (const key of Object.keys(obj)) {
    const field = obj[key];
    if (field === undefined) continue;
    const value = field?.value;
    if (key === '__proto__') Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    else result[key] = value;
  }
  return result;
}
`;

/** The module's source with the idioms rewritten and their helpers appended (once each). */
export function fastConverters(source: string): string {
  let rewritten = source.replace(IDIOM, (_, expr: string) => `definedEntries(${expr})`).replace(VALUES_IDIOM, (_, expr: string) => `definedValues(${expr})`);
  if (rewritten.includes('definedEntries(') && !rewritten.includes('function definedEntries(')) rewritten = `${rewritten.trimEnd()}\n${DEFINED_ENTRIES_SOURCE}`;
  if (rewritten.includes('definedValues(') && !rewritten.includes('function definedValues(')) rewritten = `${rewritten.trimEnd()}\n${DEFINED_VALUES_SOURCE}`;
  return rewritten;
}

if (require.main === module) {
  for (const file of process.argv.slice(2)) writeFileSync(file, fastConverters(readFileSync(file, 'utf8')));
}
