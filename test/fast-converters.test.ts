import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import * as fc from 'fast-check';
import * as ts from 'typescript';
import { DEFINED_ENTRIES_SOURCE, fastConverters } from '../scripts/fast-converters';

const IMPORTS = join(__dirname, '..', 'imports');

/** What `cdk8s import` generates, as it generates it. */
const generated = (obj: Record<string, any>): Record<string, any> =>
  Object.entries(obj).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});

/** The helper the script appends to each module, compiled as the modules are. */
const definedEntries: (obj: Record<string, any>) => Record<string, any> = new Function(
  `${ts.transpileModule(DEFINED_ENTRIES_SOURCE, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText}\nreturn definedEntries;`,
)();

describe('fast converters', () => {
  test('definedEntries keeps what the generated filter keeps: keys, order, values and prototype', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', '0', '7', 'constructor', 'spec'));
    const value = fc.oneof(
      fc.constant(undefined), fc.constant(null), fc.integer(), fc.string(),
      fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer()),
    );
    fc.assert(fc.property(fc.array(fc.tuple(key, value), { maxLength: 12 }), (entries) => {
      // Built by definition, as the converters' object literals and JSON values are ('__proto__' included).
      const input: Record<string, any> = {};
      for (const [k, v] of entries) Object.defineProperty(input, k, { value: v, enumerable: true, writable: true, configurable: true });
      const expected = generated(input);
      const actual = definedEntries(input);
      expect(Object.getPrototypeOf(actual)).toBe(Object.getPrototypeOf(expected));
      expect(Object.keys(actual)).toStrictEqual(Object.keys(expected));
      expect(Object.entries(actual)).toStrictEqual(Object.entries(expected));
    }), { numRuns: 1000 });
  });

  test('the imports are rewritten: running the script again changes nothing and leaves no spread filter', () => {
    const files = readdirSync(IMPORTS).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(join(IMPORTS, file), 'utf8');
      expect(fastConverters(source)).toBe(source);
      expect(source).not.toContain('({ ...r, [i[0]]: i[1] })');
    }
  });

  test('rewrites the field filter and the map filter, and appends the helper once', () => {
    const source = [
      '  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});',
      // eslint-disable-next-line @stylistic/max-len
      "    'labels': ((obj.labels) === undefined) ? undefined : (Object.entries(obj.labels).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {})),",
    ].join('\n');
    const once = fastConverters(source);
    expect(once).toContain('  return definedEntries(result);');
    expect(once).toContain('(definedEntries(obj.labels)),');
    expect(once.split('function definedEntries(').length).toBe(2);
    expect(fastConverters(once)).toBe(once);
  });
});
