/** A value printed with its key order, undefined values, holes and -0: what toStrictEqual and JSON each miss. */
export function exact(value: unknown): string {
  if (Array.isArray(value)) return `[${Array.from({ length: value.length }, (_, i) => (i in value ? exact(value[i]) : '<hole>')).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${exact((value as Record<string, unknown>)[k])}`).join(',')}}`;
  if (Object.is(value, -0)) return '-0';
  return value === undefined ? 'undefined' : typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
}

/** The result of `f`, or the message of what it threw. */
export function outcome(f: () => unknown): string {
  try {
    return exact(f());
  } catch (err) {
    return `throws ${(err as Error).message}`;
  }
}
