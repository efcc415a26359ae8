import { CONVERTER_TABLES } from './converter-tables.generated';

/** A converter as generated: props in, JSON out. */
export type Converter = (obj: unknown) => unknown;

/**
 * How a converter's field expression converts the property: `v` as is, `a` an array copied
 * (`map(y => y)`), `t` by a child converter, `T` an array by a child converter, `m` a map of its
 * defined entries, `M` a map by a child converter, `u` the `.value` of an int-or-string, `x`
 * otherwise (only an absent property surely gives undefined).
 */
export type FieldKind = 'v' | 'a' | 't' | 'T' | 'm' | 'M' | 'u' | 'x';

/**
 * One declared field of a converter's table, as scripts/converter-tables.ts writes it: JSON name,
 * kind, child converter (without `toJson_`; '' or left out where none), property name (left out
 * where it is the JSON name).
 */
export type FieldRow = readonly [json: string, kind: FieldKind, child?: string, property?: string];

/** Converter tables by converter name (without `toJson_`); null where the converter has none. */
export type ConverterTables = Readonly<Record<string, readonly FieldRow[] | null>>;

/** A declared field. */
export interface Field {
  readonly json: string;
  readonly kind: FieldKind;
  /** Whether the JSON name differs from the property name. */
  readonly renamed: boolean;
  /** The name of the converter of its value or items ('t', 'T', 'M'; '' where none). */
  readonly childName: string;
  /** That converter's node once linked (childOf), null where it is not there. */
  child: ConverterNode | null | undefined;
}

/** A converter with what its table says it does; without a table, it only runs itself. */
export interface ConverterNode {
  readonly convert: Converter;
  readonly fields: readonly Field[] | undefined;
  /** Index in `fields` by property name. */
  readonly byProperty: ReadonlyMap<string, number>;
  /** The node of another converter of the same tables, by name (without `toJson_`). */
  readonly link: (name: string) => ConverterNode | null;
}

/**
 * The node of the converter of `field`'s values, linked on first use: a synth reaches few of the
 * converters a root reaches (linking all of VirtualService's took 5 ms).
 */
export function childOf(node: ConverterNode, field: Field): ConverterNode | null {
  if (field.child === undefined) field.child = node.link(field.childName);
  return field.child;
}

const modules = new Map<string, (name: string) => ConverterNode | undefined>();

/**
 * The node of converter `toJson_<name>` of the imports module `module` (a key of the generated
 * tables), its children linked the same way; `converterOf` gives the converter functions by
 * their full name (the same for every call on a module). Undefined where the module has no
 * tables or the converter is not there.
 */
export function converterNode(module: string, name: string, converterOf: (name: string) => unknown): ConverterNode | undefined {
  let nodeOf = modules.get(module);
  if (!nodeOf) {
    if (!Object.prototype.hasOwnProperty.call(CONVERTER_TABLES, module)) return undefined;
    nodeOf = linkConverters(JSON.parse(CONVERTER_TABLES[module]) as ConverterTables, converterOf);
    modules.set(module, nodeOf);
  }
  return nodeOf(name);
}

/**
 * The nodes of the converters `tables` describe, by name (without `toJson_`), each made once;
 * `converterOf` gives the converter functions by their full name. A converter without a table is
 * a node without fields.
 */
export function linkConverters(tables: ConverterTables, converterOf: (name: string) => unknown): (name: string) => ConverterNode | undefined {
  const nodes = new Map<string, ConverterNode | null>();
  const link = (n: string): ConverterNode | null => {
    if (nodes.has(n)) return nodes.get(n)!;
    const convert = converterOf(`toJson_${n}`);
    const rows = Object.prototype.hasOwnProperty.call(tables, n) ? tables[n] : null;
    const byProperty = new Map<string, number>();
    const fields = rows?.map(([json, kind, child, property], index): Field => {
      byProperty.set(property ?? json, index);
      return { json, kind, renamed: property !== undefined && property !== json, childName: child ?? '', child: undefined };
    });
    const node = typeof convert === 'function' ? { convert: convert as Converter, fields, byProperty, link } : null;
    nodes.set(n, node);
    return node;
  };
  return (name) => link(name) ?? undefined;
}
