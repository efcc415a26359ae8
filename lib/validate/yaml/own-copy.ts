/** Strings up to this length are shared between documents: names, namespaces, labels and enum values repeat. */
const MAX_SHARED_CHARS = 64;
/** Bounded: a stream of distinct strings cannot grow the table without limit. */
const MAX_SHARED_STRINGS = 50_000;
const shared = new Map<string, string>();

/**
 * A string that does not point into the text it was read from (V8 represents a longer substring
 * as a view of its parent, which would keep every document's text alive with the objects), and
 * one copy of each short string however often it occurs: lint keeps every object, and repeated
 * values held once cut its memory by about a quarter.
 */
export function ownCopy(value: string): string {
  if (value.length > MAX_SHARED_CHARS) return (' ' + value).slice(1);
  const known = shared.get(value);
  if (known !== undefined) return known;
  if (shared.size >= MAX_SHARED_STRINGS) shared.clear();
  const own = value.length < 13 ? value : (' ' + value).slice(1);
  shared.set(own, own);
  return own;
}
