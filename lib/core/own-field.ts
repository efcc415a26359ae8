/**
 * Sets `map[key] = value` as a field of `map`, as `JSON.parse` and a spread do: an assignment
 * to `__proto__` would set the prototype instead.
 */
export function setOwnField(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}
