import * as fc from 'fast-check';
import { estimateCelCost } from '../lib/validate/schema/cel-cost';

/** The estimate as first written: Object.keys and Object.values lists at every level. */
function listingEstimate(rule: string, self: unknown): number {
  const comprehensions = (rule.match(/\.(?:all|exists|exists_one|map|filter)\s*\(/g) ?? []).length;
  const sizeOf = (value: unknown, depth: number): number => {
    if (typeof value === 'string') return 1 + Math.ceil(value.length / 10);
    if (value === null || typeof value !== 'object') return 1;
    const children = Array.isArray(value) ? value : Object.values(value);
    if (depth === 0) return 1 + children.length;
    let total = 1;
    for (const child of children) total += sizeOf(child, depth - 1);
    return total;
  };
  const width = Array.isArray(self) ? self.length : self !== null && typeof self === 'object' ? Object.keys(self).length : 1;
  const perItem = 1 + sizeOf(self, 2) / Math.max(1, width);
  return Math.ceil(perItem * Math.pow(Math.max(1, width), Math.max(1, comprehensions)));
}

describe('estimateCelCost', () => {
  it('estimates as listing every key and value does', () => {
    const rule = fc.constantFrom('self.size() > 0', 'self.all(x, x.exists(y, y == 1))', 'self.map(x, x).filter(y, true)', 'true');
    const value = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.object({ maxDepth: 3, key: fc.constantFrom('a', 'b', '__proto__', 'constructor', '0') }));
    fc.assert(fc.property(rule, value, (r, v) => {
      expect(estimateCelCost(r, v)).toBe(listingEstimate(r, v));
    }), { numRuns: 3000 });
  });

  it('counts own keys only, as Object.keys does', () => {
    const inherited = Object.assign(Object.create({ x: 1, y: 2 }), { a: 'abc' });
    expect(estimateCelCost('self.all(k, true)', inherited)).toBe(listingEstimate('self.all(k, true)', inherited));
  });
});
