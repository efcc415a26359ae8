/**
 * The API server's runtime limits on CRD validation rules (k8s.io/apiserver celconfig): one
 * evaluation of a rule may cost at most `perCall`, all rules on one object together at most
 * `perObject`; beyond either the object is refused. Units are CEL cost units, roughly one per
 * value visited.
 */
export const CEL_LIMITS = {
  perCall: 1_000_000,
  perObject: 10_000_000,
} as const;

const COMPREHENSIONS = /\.(?:all|exists|exists_one|map|filter)\s*\(/g;
const nestingByRule = new Map<string, number>();

/**
 * An upper estimate of what one evaluation of `rule` on `self` costs: every comprehension over
 * `self` visits its items, nested comprehensions multiply (`self.all(a, self.exists_one(b, ...))`
 * is quadratic), and each visit reads one item. Strings cost their length over ten, as the
 * Kubernetes cost model charges string scans.
 */
export function estimateCelCost(rule: string, self: unknown): number {
  let comprehensions = nestingByRule.get(rule);
  if (comprehensions === undefined) {
    comprehensions = (rule.match(COMPREHENSIONS) ?? []).length;
    nestingByRule.set(rule, comprehensions);
  }
  const width = Array.isArray(self) ? self.length : self !== null && typeof self === 'object' ? ownKeyCount(self) : 1;
  const perItem = 1 + sizeOf(self, 2) / Math.max(1, width);
  return Math.ceil(perItem * Math.pow(Math.max(1, width), Math.max(1, comprehensions)));
}

/** Values and string length/10 under `value`, looking `depth` levels down (enough for the rules' item reads). */
function sizeOf(value: unknown, depth: number): number {
  if (typeof value === 'string') return 1 + Math.ceil(value.length / 10);
  if (value === null || typeof value !== 'object') return 1;
  if (Array.isArray(value)) {
    if (depth === 0) return 1 + value.length;
    let total = 1;
    for (const child of value) total += sizeOf(child, depth - 1);
    return total;
  }
  // The values Object.values lists, visited without building that list (a rule runs on every object).
  if (depth === 0) return 1 + ownKeyCount(value);
  let total = 1;
  for (const key in value) if (hasOwn.call(value, key)) total += sizeOf((value as Record<string, unknown>)[key], depth - 1);
  return total;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** `Object.keys(value).length` without the list: for-in lists enumerable keys, own and inherited. */
function ownKeyCount(value: object): number {
  let count = 0;
  for (const key in value) if (hasOwn.call(value, key)) count++;
  return count;
}
