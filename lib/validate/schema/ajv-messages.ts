import type { ErrorObject } from 'ajv';
import type { SchemaViolation } from './openapi-check';
import { didYouMean } from '../../core/did-you-mean';
import { childPath, formatPath } from '../path';

/** Turns one ajv error into a path and a sentence a user can act on. */
export function describeAjvError(e: ErrorObject): SchemaViolation {
  const at = instancePath(e.instancePath);
  const p = e.params as Record<string, any>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const known = Object.keys((e.parentSchema as any)?.properties ?? {}).filter((k) => !['apiVersion', 'kind', 'metadata'].includes(k) || at !== '');
      const field = String(p.additionalProperty);
      return { path: childPath(at, field), unknownField: true, message: `unknown field "${field}"${didYouMean(field, known)}` };
    }
    case 'required':
      return { path: childPath(at, String(p.missingProperty)), unknownField: false, message: `required field "${p.missingProperty}" is missing` };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      return { path: at, unknownField: false, message: `${show(e.data)} is not one of ${allowed.join(', ')}${didYouMean(String(e.data), allowed)}` };
    }
    case 'type':
      return { path: at, unknownField: false, message: `must be ${article(String(p.type))} (got ${show(e.data)})` };
    case 'oneOf':
      return { path: at, unknownField: false, message: exclusiveMessage(e) };
    case 'anyOf':
      return { path: at, unknownField: false, message: intOrString(e) ? `must be an integer or a string (got ${show(e.data)})` : `does not match any allowed form (got ${show(e.data)})` };
    case 'pattern':
      return { path: at, unknownField: false, message: `${show(e.data)} does not match the pattern ${p.pattern}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path: at, unknownField: false, message: `must be ${p.comparison} ${p.limit} (got ${show(e.data)})` };
    case 'minLength':
    case 'maxLength':
      return { path: at, unknownField: false, message: `must be ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${p.limit} characters long (got ${show(e.data)})` };
    case 'minItems':
    case 'maxItems':
      return { path: at, unknownField: false, message: `must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${p.limit} items` };
    case 'minProperties':
    case 'maxProperties':
      return { path: at, unknownField: false, message: `must have ${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${p.limit} entries` };
    default:
      return { path: at, unknownField: false, message: `breaks the schema rule "${e.keyword}" ${JSON.stringify(p)} (got ${show(e.data)})` };
  }
}

/** Istio encodes "at most one of these fields" as a oneOf over `required` lists. */
function exclusiveMessage(e: ErrorObject): string {
  const branches = ((e.schema as any[]) ?? []).flatMap((s) => (Array.isArray(s?.required) ? s.required : []));
  const fields = [...new Set(branches as string[])];
  if (fields.length === 0) return formatBranchMessage(e) ?? 'must match exactly one allowed form';
  const set = fields.filter((f) => e.data && typeof e.data === 'object' && f in (e.data as object));
  return `fields ${set.join(' and ')} cannot be set together; set at most one of ${fields.join(', ')}`;
}

/**
 * A oneOf whose branch ties a field's value to a format (the Gateway API's addresses: with type
 * IPAddress, value must be ipv4 or ipv6), said in those words when the object is in that branch.
 */
function formatBranchMessage(e: ErrorObject): string | undefined {
  const data = e.data as Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object') return undefined;
  for (const branch of (e.schema as any[]) ?? []) {
    const properties = Object.entries((branch?.properties ?? {}) as Record<string, any>);
    const selector = properties.find(([, p]) => Array.isArray(p?.enum));
    const formatted = properties.find(([, p]) => formatsOf(p).length > 0);
    if (!selector || !formatted) continue;
    const [selectorField, selectorSchema] = selector;
    const selected = data[selectorField] ?? (e.parentSchema as any)?.properties?.[selectorField]?.default;
    if (!(selectorSchema.enum as unknown[]).includes(selected)) continue;
    const [field, fieldSchema] = formatted;
    return `with ${selectorField} ${String(selected)}, ${field} must be in format ${formatsOf(fieldSchema).join(' or ')} (got ${show(data[field])})`;
  }
  return undefined;
}

function formatsOf(schema: any): string[] {
  if (typeof schema?.format === 'string') return [schema.format];
  return Array.isArray(schema?.anyOf) ? schema.anyOf.flatMap(formatsOf) : [];
}

function intOrString(e: ErrorObject): boolean {
  const types = ((e.schema as any[]) ?? []).map((s) => s?.type).sort().join(',');
  return types === 'integer,string';
}

function instancePath(pointer: string): string {
  if (!pointer) return '';
  const segments = pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return formatPath(segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A short rendering of the offending value. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'a list' : value !== null && typeof value === 'object' ? 'an object' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
