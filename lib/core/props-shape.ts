import { closestMatch } from './did-you-mean';
import { durationFix, isDuration } from './duration';
import { IstioGrpcError } from './errors';

/** A leaf value, checked for its type here and for its content by the resolvers. */
export type LeafKind = 'string' | 'number' | 'boolean' | 'duration' | 'any';

/** What one prop holds: a leaf, a list or map of leaves or of objects, or a nested object. */
export type FieldShape = LeafKind | EnumShape | ObjectShape | ListShape | MapShape;

/** A member of a string enum, e.g. `Idempotency`. */
export interface EnumShape {
  readonly kind: 'enum';
  /** The enum name, as users read it in API.md. */
  readonly name: string;
  readonly values: readonly string[];
}

/** A props interface: every key it declares and what each holds. */
export interface ObjectShape {
  readonly kind: 'object';
  /** The interface name, as users read it in API.md. */
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldShape>>;
}

/** A list whose elements all have one shape. */
export interface ListShape {
  readonly kind: 'list';
  readonly of: FieldShape;
}

/** A map with free keys whose values all have one shape. */
export interface MapShape {
  readonly kind: 'map';
  readonly of: FieldShape;
}

/** A shape entry for every key of `T`, optional ones included. */
export type ShapeFields<T> = { readonly [K in keyof T]-?: FieldShape };

/**
 * The shape of props interface `T`. Listing every key of `T`, and no other, is enforced by the
 * compiler, so a prop added to an interface without being added to its table fails the build.
 */
export function objectShape<T>(name: string, fields: ShapeFields<T>): ObjectShape {
  return { kind: 'object', name, fields: fields as Record<string, FieldShape> };
}

/** A member of the string enum `values` (e.g. `enumOf('Idempotency', Idempotency)`). */
export function enumOf(name: string, values: Record<string, string>): EnumShape {
  return { kind: 'enum', name, values: Object.values(values) };
}

/** A list of `of`. */
export function listOf(of: FieldShape): ListShape {
  return { kind: 'list', of };
}

/** A map of free keys to `of`. */
export function mapOf(of: FieldShape): MapShape {
  return { kind: 'map', of };
}

/**
 * Checks props against their shape at every level of nesting, as plain JavaScript (or a jsii
 * language) can pass anything: an unknown key is an error with the closest known key, and a value
 * of the wrong type is an error quoting the value passed. Content (ranges, enum members, names) is
 * left to the resolvers. Work is bounded by the size of the input, since the walk follows the
 * finite shape tables and never recurses on the input's own structure.
 */
export function checkPropsShape(construct: string, props: unknown, shape: ObjectShape): void {
  walk(construct, '', props, shape);
}

function walk(construct: string, field: string, value: unknown, shape: FieldShape): void {
  const fail = (reason: string, fix: string): never => {
    throw new IstioGrpcError({ construct, field: field || 'props', value, reason, fix });
  };
  if (typeof shape === 'string') {
    checkLeaf(value, shape, fail);
    return;
  }
  switch (shape.kind) {
    case 'enum': {
      if (typeof value !== 'string' || !shape.values.includes(value)) {
        const match = typeof value === 'string' ? closestMatch(value, shape.values) : undefined;
        fail(`is not ${/^[AEIOU]/.test(shape.name) ? 'an' : 'a'} ${shape.name}${match ? ` (did you mean ${match}?)` : ''}`, `use one of ${shape.name}: ${shape.values.join(', ')}`);
      }
      return;
    }
    case 'object': {
      if (!isObject(value)) fail(`must be an object (${shape.name})`, `pass an object with the props of ${shape.name}: ${Object.keys(shape.fields).join(', ')}`);
      for (const key of Object.keys(value as object)) {
        const child = (value as Record<string, unknown>)[key];
        const path = field ? `${field}.${key}` : key;
        if (!Object.prototype.hasOwnProperty.call(shape.fields, key)) {
          throw unknownKey(construct, path, key, child, shape);
        }
        if (child !== undefined) walk(construct, path, child, shape.fields[key]);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) fail('must be a list', `wrap the value in a list, e.g. [${typeof value === 'string' ? JSON.stringify(value) : '...'}]`);
      (value as unknown[]).forEach((element, i) => walk(construct, `${field}[${i}]`, element, shape.of));
      return;
    }
    case 'map': {
      if (!isObject(value)) fail('must be a map of keys to values', 'pass an object, e.g. { key: "value" }');
      for (const key of Object.keys(value as object)) {
        walk(construct, `${field}.${key}`, (value as Record<string, unknown>)[key], shape.of);
      }
      return;
    }
  }
}

function unknownKey(construct: string, field: string, key: string, value: unknown, shape: ObjectShape): IstioGrpcError {
  const known = Object.keys(shape.fields);
  const match = closestMatch(key, known);
  return new IstioGrpcError({
    construct,
    field,
    value,
    reason: `"${key}" is not a prop of ${shape.name}${match ? ` (did you mean ${match}?)` : ''}`,
    fix: match ? `rename ${key} to ${match}` : `remove it; ${shape.name} has ${known.join(', ')}`,
  });
}

function checkLeaf(value: unknown, kind: LeafKind, fail: (reason: string, fix: string) => never): void {
  switch (kind) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') fail('must be a string', typeof value === 'number' || typeof value === 'boolean' ? `quote it: "${String(value)}"` : 'pass a string');
      return;
    case 'number':
      if (typeof value !== 'number') {
        fail('must be a number', typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? `pass ${Number(value)} without quotes` : 'pass a number');
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail('must be true or false', value === 'true' || value === 'false' ? `pass ${value} without quotes` : 'pass true or false');
      return;
    case 'duration':
      if (!isDuration(value)) fail('must be a Duration', durationFix(value));
      return;
  }
}

/** Objects with keys, as props are: not lists, functions, or primitives. */
function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
