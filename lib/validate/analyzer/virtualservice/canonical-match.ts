import { objOf } from '../objects';

/**
 * JSON with sorted keys, so equal values compare equal whatever their key order; `skipKey`
 * leaves one top-level key out. Written out by hand: it runs on every match of every route.
 */
export function canonicalJson(value: unknown, skipKey?: string): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // As Array.join writes them: an item with no JSON form (undefined) as nothing.
      out += canonicalJson(value[i]) ?? '';
    }
    return `${out}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length > 1) keys.sort();
    let out = '{';
    let first = true;
    for (const key of keys) {
      if (key === skipKey) continue;
      if (!first) out += ',';
      first = false;
      out += `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value);
}

/** An http match as Istio compares them, without its name; anything but a mapping counts as `{}`. */
export function canonicalHttpMatch(match: unknown): string {
  return canonicalJson(objOf(match), 'name');
}
