import { ApiObject, ApiObjectMetadataDefinition, App } from 'cdk8s';
import { builtInResolversOnly, NOT_PLAIN, resolvedJson } from './resolved-json';
import { typedSerializerOf } from './typed-serializers';
import { plainCopy } from '../core/plain-copy';

/** The private fields of an ApiObject that its toJson() reads. */
interface ApiObjectFields {
  readonly props?: unknown;
  readonly patches?: unknown;
}

const METADATA = { sortKeys: true, filterEmpty: true } as const;

/**
 * `object.toJson()`, as plain objects built key by key (as `JSON.parse` builds them, so objects
 * with the same keys share a hidden class for the validators and the YAML writer). Computed in one
 * walk per value where that gives the very same JSON: objects of the classes our constructs
 * create (typed-serializers.ts), in an app with cdk8s' built-in resolvers only, without JSON
 * patches or an overridden toJson. Anything else, and any value the walk does not take on, is
 * serialized by `object.toJson()` itself (errors included), then copied.
 */
export function objectJson(object: ApiObject): unknown {
  return oneWalkJson(object) ?? plainCopy(object.toJson());
}

/** `object.toJson()` computed in one walk per value; undefined where that is not sure to be the same. */
export function oneWalkJson(object: ApiObject): unknown {
  if (Object.prototype.hasOwnProperty.call(object, 'toJson')) return undefined;
  const serializer = typedSerializerOf(object);
  if (!serializer) return undefined;
  const { props, patches } = object as unknown as ApiObjectFields;
  if (typeof props !== 'object' || props === null || !Array.isArray(patches) || patches.length > 0) return undefined;
  if (!builtInResolversOnly(App.of(object).resolvers)) return undefined;
  try {
    // ApiObject.toJson(): the props with the metadata's own JSON, resolved and sanitized again.
    const source = metadataSource(object);
    if (!source) return undefined;
    const metadata = resolvedJson(source, METADATA);
    if (metadata === NOT_PLAIN) return undefined;
    const json = resolvedJson({ ...props, metadata }, { sortKeys: !process.env.CDK8S_DISABLE_SORT, filterEmpty: false });
    if (json === NOT_PLAIN) return undefined;
    return serializer(json as Record<string, unknown>);
  } catch {
    // Let cdk8s raise its own error, which names the construct.
    return undefined;
  }
}

/**
 * What ApiObjectMetadataDefinition.toJson() resolves: its extra attributes, then the known fields.
 * Copied key by key rather than spread: the attributes object had a field deleted, which leaves
 * it in dictionary mode, slow to spread. Key order does not matter here (metadata is always
 * sorted); a `__proto__` attribute, which a spread would copy as a field, is left to cdk8s.
 */
function metadataSource(object: ApiObject): Record<string, unknown> | undefined {
  // A metadata object with a toJson() of its own is serialized by it, the cdk8s way.
  if (Object.getPrototypeOf(object.metadata) !== ApiObjectMetadataDefinition.prototype || Object.prototype.hasOwnProperty.call(object.metadata, 'toJson')) return undefined;
  const m = object.metadata as unknown as Record<string, unknown>;
  const attributes = m._additionalAttributes as Record<string, unknown>;
  if (typeof attributes !== 'object' || attributes === null || Object.prototype.hasOwnProperty.call(attributes, '__proto__')) return undefined;
  const source: Record<string, unknown> = {};
  for (const key of Object.keys(attributes)) source[key] = attributes[key];
  source.name = m.name;
  source.namespace = m.namespace;
  source.annotations = m.annotations;
  source.finalizers = m.finalizers;
  source.ownerReferences = m.ownerReferences;
  source.labels = m.labels;
  return source;
}
