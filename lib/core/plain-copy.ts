import { setOwnField } from './own-field';

/**
 * A deep copy of a JSON-like value whose objects are built key by key, as `JSON.parse` builds
 * them: equal in every key, order and value (undefined and holes included), but objects with the
 * same keys share one hidden class. The generated `toJson_*` converters build each object by
 * spreading (`{ ...r, [k]: v }`), which gives every object a hidden class of its own: tens of
 * thousands in a large mesh, which the validators and the YAML writer then meet one by one.
 * Objects of other prototypes (and primitives) are returned as they are; a `__proto__` key stays
 * a field, as in its input.
 */
export function plainCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setOwnField(copy, key, plainCopy((value as Record<string, unknown>)[key]));
  return copy as T;
}
