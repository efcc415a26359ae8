/**
 * Appends every item to `target`. `target.push(...items)` passes each item as an argument, and
 * about 100,000 of them overflow the call stack; inputs of that size are legal (documents in a
 * file, labels on an object, files in a directory).
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
