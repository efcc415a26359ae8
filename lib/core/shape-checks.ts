import { PropChecker } from './checks';

/**
 * Checks of a prop's shape (a list, an object) before its contents are read, so that
 * `methods: [null]` or `retryOn: 'unavailable'` (TypeScript types do not reach JavaScript or
 * JSON callers) end in an IstioGrpcError naming the field rather than a TypeError.
 */

/** True for a plain object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `value` as a list (`[]` when not given); anything else than a list is refused. */
export function listProp<T>(check: PropChecker, field: string, value: readonly T[] | undefined, example: string): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) check.fail(field, value, 'must be a list', `write a list, e.g. ${example}`);
  return value;
}

/** A list whose every element is an object (e.g. `methods`, `headerRoutes`). */
export function listOfObjects<T>(check: PropChecker, field: string, value: readonly T[] | undefined, example: string): readonly T[] {
  const list = listProp(check, field, value, `[${example}]`);
  list.forEach((item, i) => {
    if (!isRecord(item)) check.fail(`${field}[${i}]`, item, 'must be an object', `write each entry like ${example}`);
  });
  return list;
}

/** An optional object prop (`retries`, `connectionPool`, `workload`): refused when not an object. */
export function objectProp<T>(check: PropChecker, field: string, value: T | undefined, example: string): T | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) check.fail(field, value, 'must be an object', `write e.g. ${example}`);
  return value;
}

/**
 * A copy of `obj` without its undefined fields, keys in their order. Only for objects whose keys
 * the resolvers spell themselves: a key such as `__proto__` would not be copied as a field.
 */
export function withoutUndefined<T extends object>(obj: T): T {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) {
    const value = (obj as Record<string, unknown>)[key];
    if (value !== undefined) kept[key] = value;
  }
  return kept as T;
}
