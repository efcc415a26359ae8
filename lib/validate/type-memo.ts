/** Types whose apiVersion and kind together are longer than this are computed every time. */
const MAX_TYPE_CHARS = 256;

/**
 * A pure function of an object's apiVersion and kind, remembered by both: a mesh repeats a few
 * types across thousands of objects, and the two-level lookup builds no key string per object.
 * Bounded: when `maxEntries` are held the memory starts over, so a stream of distinct hostile
 * types cannot grow it.
 */
export function memoByType<T>(compute: (apiVersion: string, kind: string) => T, maxEntries = 10_000): (apiVersion: string, kind: string) => T {
  const byApiVersion = new Map<string, Map<string, T>>();
  let size = 0;
  return (apiVersion, kind) => {
    if (apiVersion.length + kind.length > MAX_TYPE_CHARS) return compute(apiVersion, kind);
    let byKind = byApiVersion.get(apiVersion);
    if (byKind?.has(kind)) return byKind.get(kind) as T;
    const result = compute(apiVersion, kind);
    if (size >= maxEntries) {
      byApiVersion.clear();
      size = 0;
      byKind = undefined;
    }
    if (!byKind) byApiVersion.set(apiVersion, byKind = new Map());
    byKind.set(kind, result);
    size++;
    return result;
  };
}
