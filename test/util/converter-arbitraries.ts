import * as fc from 'fast-check';
import { childOf, ConverterNode, Field } from '../../lib/synth/converter-nodes';

/** An object with these fields in this order, each defined as a field (`__proto__` included). */
function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  return result;
}

const key = fc.constantFrom('a', 'b', 'Z', '0', '__proto__', 'constructor');
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 2 }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constantFrom(-0, NaN),
);
const map = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<Record<string, unknown>> => fc.array(fc.tuple(key, value), { maxLength: 3 }).map(objectOf);
const loose: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: leaf }, { weight: 1, arbitrary: map(leaf) }, { weight: 1, arbitrary: fc.sparseArray(leaf, { maxLength: 3 }) },
);

/**
 * Props for `node`'s converter, drawn from its table: a few of its declared properties in any
 * order, each with a value of its kind or of another, and sometimes a field it does not declare.
 * Nested down to `depth` converters.
 */
export class ConverterProps {
  private readonly memo = new Map<ConverterNode, fc.Arbitrary<unknown>[]>();

  /** Props for `node` (any value where it has no table or at depth 0). */
  public of(node: ConverterNode, depth: number): fc.Arbitrary<unknown> {
    const byDepth = this.memo.get(node) ?? [];
    this.memo.set(node, byDepth);
    byDepth[depth] ??= this.build(node, depth);
    return byDepth[depth];
  }

  private build(node: ConverterNode, depth: number): fc.Arbitrary<unknown> {
    const fields = node.fields;
    if (!fields || depth === 0) return map(leaf);
    const properties = [...node.byProperty.keys()];
    const entries = properties.map((p) => fc.tuple(fc.constant(p), this.value(node, fields[node.byProperty.get(p)!], depth - 1)));
    const declared = fc.shuffledSubarray(entries, { maxLength: Math.min(5, entries.length) }).chain((chosen) => fc.tuple(...chosen));
    const undeclared = fc.array(fc.tuple(fc.constantFrom('extra', 'Aa', 'zz'), leaf), { maxLength: 1 });
    return fc.tuple(declared, undeclared).map(([d, u]) => objectOf([...d, ...u]));
  }

  private value(node: ConverterNode, field: Field, depth: number): fc.Arbitrary<unknown> {
    const child = (): fc.Arbitrary<unknown> => this.of(childOf(node, field)!, depth);
    switch (field.kind) {
      case 'v': return loose;
      case 'a': return fc.oneof(fc.sparseArray(leaf, { maxLength: 3 }), fc.array(leaf, { maxLength: 3 }), leaf);
      case 't': return fc.oneof({ weight: 4, arbitrary: child() }, { weight: 1, arbitrary: loose });
      case 'T': return fc.oneof({ weight: 4, arbitrary: fc.sparseArray(child(), { maxLength: 2 }) }, { weight: 1, arbitrary: loose });
      case 'm': return fc.oneof({ weight: 3, arbitrary: map(fc.string({ maxLength: 2 })) }, { weight: 1, arbitrary: loose });
      case 'M': return fc.oneof({ weight: 3, arbitrary: map(child()) }, { weight: 1, arbitrary: loose });
      case 'u': return fc.oneof(fc.record({ value: fc.oneof(fc.integer(), fc.string({ maxLength: 3 })) }), leaf);
      default: return fc.oneof(fc.constant(new Date(0)), map(fc.record({ value: fc.string({ maxLength: 2 }) })), leaf);
    }
  }
}
