/**
 * The last few values made, by key, the least recently used dropped first. Locating findings
 * needs a document's text, its line starts and its field offsets again; findings come in runs
 * over the same documents, so a few recent ones are enough, and memory stays bounded however
 * many documents have findings (lint keeps every object, not what locating them took).
 */
export class RecentlyUsed<K, V> {
  private readonly values = new Map<K, V>();

  /** @param capacity values kept at most */
  constructor(private readonly capacity: number) {}

  /** The value for `key`, made with `make` unless one of the recent values. */
  public get(key: K, make: () => V): V {
    if (this.values.has(key)) {
      const known = this.values.get(key) as V;
      // Map keeps insertion order: re-inserting marks it as the most recent.
      this.values.delete(key);
      this.values.set(key, known);
      return known;
    }
    const value = make();
    this.values.set(key, value);
    if (this.values.size > this.capacity) this.values.delete(this.values.keys().next().value as K);
    return value;
  }
}
