/**
 * Writes lib/synth/converter-tables.generated.ts: for each `toJson_*` converter of imports/*.ts
 * (after scripts/fast-converters.ts and scripts/k8s-converters.ts), the fields it declares, in its
 * order, with their JSON name, property name, the kind of expression that converts each and the
 * converter of its children (lib/synth/converter-nodes.ts). lib/synth/converter-walk.ts reads
 * them to reuse the resolved JSON where a converter would copy it unchanged. A converter whose
 * body is not exactly one of the generated shapes gets no table: it always runs itself.
 *
 * Run by `npm run import`. Usage: tsx scripts/converter-tables.ts <output> <imports/*.ts...>
 */
import { readFileSync, writeFileSync } from 'fs';
import { basename } from 'path';
import { FieldKind, FieldRow } from '../lib/synth/converter-nodes';

const ID = '[A-Za-z_$][\\w$]*';
const Y = '(?:y|\\(y: any\\))';

/** The expressions `cdk8s import` generates (after fast-converters.ts), with the property read as `obj.P`. */
const EXPRESSIONS: readonly (readonly [FieldKind, RegExp])[] = [
  ['v', new RegExp(`^obj\\.(${ID})$`)],
  ['a', new RegExp(`^obj\\.(${ID})\\?\\.map\\(${Y} => y\\)$`)],
  ['t', new RegExp(`^toJson_(\\w+)\\(obj\\.(${ID})\\)$`)],
  ['T', new RegExp(`^obj\\.(${ID})\\?\\.map\\(${Y} => toJson_(\\w+)\\(y\\)\\)$`)],
  ['m', new RegExp(`^\\(\\(obj\\.(${ID})\\) === undefined\\) \\? undefined : \\(definedEntries\\(obj\\.(${ID})\\)\\)$`)],
  ['M', new RegExp(`^\\(\\(obj\\.(${ID})\\) === undefined\\) \\? undefined : \\(Object\\.entries\\(obj\\.(${ID})\\)\\.reduce\\(\\(r, i\\) => \\(i\\[1\\] === undefined\\) \\? r : \\(\\{ \\.\\.\\.r, \\[i\\[0\\]\\]: toJson_(\\w+)\\(i\\[1\\]\\) \\}\\), \\{\\}\\)\\)$`)],
  ['u', new RegExp(`^obj\\.(${ID})\\?\\.value$`)],
  ['x', new RegExp(`^obj\\.(${ID})\\?\\.toISOString\\(\\)$`)],
  ['x', new RegExp(`^\\(\\(obj\\.(${ID})\\) === undefined\\) \\? undefined : \\(definedValues\\(obj\\.(${ID})\\)\\)$`)],
];

/** The field of one `'json': expression` line, or undefined where the line is not a generated shape. */
function fieldRow(json: string, expression: string): FieldRow | undefined {
  for (const [kind, pattern] of EXPRESSIONS) {
    const match = pattern.exec(expression);
    if (!match) continue;
    // The property is read twice in some shapes (must be the same); the child is the \w+ group.
    const groups = match.slice(1);
    const child = kind === 't' ? groups.shift()! : kind === 'T' || kind === 'M' ? groups.pop()! : '';
    if (groups.some((g) => g !== groups[0])) return undefined;
    const property = groups[0];
    if (property !== json) return [json, kind, child, property];
    return child ? [json, kind, child] : [json, kind];
  }
  return undefined;
}

/** The function bodies, whitespace-trimmed line by line, that lead up to and follow the fields. */
const HEAD = ['if (obj === undefined) { return undefined; }', 'const result = {'];
const HEAD_K8S = ['if (obj === undefined) {', 'return undefined;', '}', 'const result = {'];
const TAIL = ['};', '// filter undefined values', 'return definedEntries(result);'];

/** The table of one converter body, or null where any part of it is not exactly a generated shape. */
export function tableOfBody(body: string): FieldRow[] | null {
  const lines = body.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const head = lines[0] === HEAD[0] ? HEAD : HEAD_K8S;
  if (!head.every((line, i) => lines[i] === line) || !TAIL.every((line, i) => lines[lines.length - TAIL.length + i] === line)) return null;
  const rows: FieldRow[] = [];
  const jsonNames = new Set<string>();
  const properties = new Set<string>();
  for (const line of lines.slice(head.length, lines.length - TAIL.length)) {
    const match = /^'([^'\\]*)': (.*),$/.exec(line);
    const row = match && fieldRow(match[1], match[2]);
    if (!row) return null;
    const property = row[3] ?? row[0];
    // A name read from Object.prototype, set as a prototype or declared twice: the converter runs itself.
    if (property in Object.prototype || row[0] in Object.prototype || jsonNames.has(row[0]) || properties.has(property)) return null;
    jsonNames.add(row[0]);
    properties.add(property);
    rows.push(row);
  }
  return rows;
}

/** The tables of every converter of a module's source, by converter name (without `toJson_`). */
export function converterTables(source: string): Record<string, FieldRow[] | null> {
  const tables: Record<string, FieldRow[] | null> = {};
  for (const match of source.matchAll(/^(?:export )?function toJson_(\w+)\(obj[^\n]*\{\n([\s\S]*?)\n\}$/gm)) tables[match[1]] = tableOfBody(match[2]);
  return tables;
}

/** The module's name in the tables: its file name without `.ts`. */
export function moduleName(file: string): string {
  return basename(file, '.ts');
}

/** The TypeScript module: each import's tables as one JSON text, parsed when first used. */
export function converterTablesModule(files: readonly { name: string; source: string }[]): string {
  const entries = files.map(({ name, source }) => {
    const text = JSON.stringify(converterTables(source));
    // Names hold no quote or backslash (tableOfBody): the JSON text is a JavaScript string as is.
    if (/['\\\n]/.test(text)) throw new Error(`${name}: a converter name needs escaping`);
    return `  '${name}': '${text}',`;
  });
  return `// Generated by scripts/converter-tables.ts from imports/*.ts; do not edit.

/**
 * For each module of imports/, the JSON text of its converters' tables by converter name (without
 * \`toJson_\`): each declared field as [JSON name, kind, child converter, property name] (trailing ones
 * left out where there is no child or the property has the JSON name),
 * or null where the converter is not a generated shape (scripts/converter-tables.ts).
 */
export const CONVERTER_TABLES: Readonly<Record<string, string>> = {
${entries.join('\n')}
};
`;
}

if (require.main === module) {
  const [output, ...inputs] = process.argv.slice(2);
  const files = inputs.sort().map((file) => ({ name: moduleName(file), source: readFileSync(file, 'utf8') }));
  writeFileSync(output, converterTablesModule(files));
}
