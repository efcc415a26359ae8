/** Keys longer than this are computed every time: memory stays bounded by entries times this. */
const MAX_KEY_CHARS = 256;

/**
 * A pure function of a string, remembered by argument: the hosts and durations of a mesh repeat
 * across thousands of objects, so each distinct one is checked once. Bounded: when `maxEntries`
 * are held the memory starts over, so a stream of distinct hostile values cannot grow it.
 */
export function memoByString<T>(compute: (key: string) => T, maxEntries = 4096): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    if (key.length > MAX_KEY_CHARS) return compute(key);
    if (results.has(key)) return results.get(key) as T;
    const result = compute(key);
    if (results.size >= maxEntries) results.clear();
    results.set(key, result);
    return result;
  };
}
