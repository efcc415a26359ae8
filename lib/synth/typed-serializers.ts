import { ApiObject } from 'cdk8s';
import { k8sClasses as k8s } from '../k8s-classes';
import { sameCdk8sAsVerified } from './cdk8s-fingerprint';
import { converterNode } from './converter-nodes';
import { convertWalk } from './converter-walk';
import { k8sConverter } from './k8s-converters';
import * as argoproj from '../../imports/argoproj.io';
import * as certmanager from '../../imports/cert-manager.io';
import * as flagger from '../../imports/flagger.app';
import * as gatewayapi from '../../imports/gateway.networking.k8s.io';
import { CONVERTERS } from '../../imports/k8s-converters';
import * as prometheus from '../../imports/monitoring.coreos.com';
import * as networking from '../../imports/networking.istio.io';
import * as security from '../../imports/security.istio.io';
import * as telemetry from '../../imports/telemetry.istio.io';
import { setOwnField } from '../core/own-field';

/**
 * ApiObject.toJson() of the class, from the resolved props and metadata (keys sorted or not, as
 * cdk8s resolved them): for a plain ApiObject, apiVersion, kind and metadata first; for a
 * generated class, its group, version and kind and its props converter's result.
 */
export type TypedSerializer = (resolved: Record<string, unknown>) => unknown;

type Module = Readonly<Record<string, unknown>>;

/** The modules whose generated classes our constructs create, by the name of their converter tables. */
const MODULES: ReadonlyMap<Module, string> = new Map<Module, string>([
  [k8s, 'k8s-converters'], [networking, 'networking.istio.io'], [security, 'security.istio.io'],
  [telemetry, 'telemetry.istio.io'], [gatewayapi, 'gateway.networking.k8s.io'], [certmanager, 'cert-manager.io'],
  [argoproj, 'argoproj.io'], [flagger, 'flagger.app'], [prometheus, 'monitoring.coreos.com'],
]);

const serializers = new Map<Function, TypedSerializer | null>();

/**
 * How the class of `object` turns ApiObject.toJson() into its own toJson(), when that class is
 * one `cdk8s import` generated, read from its source: `{ ...X.GVK, ...toJson_XProps(resolved) }`.
 * Plain ApiObjects add nothing. Undefined for any other class (a subclass with a toJson of its
 * own, a generated class of another shape) or where cdk8s is not the version we verified. The
 * converter runs as a walk of its table (converter-walk.ts), which keeps the parts of the resolved
 * JSON it would copy unchanged, where the table was made from that very converter.
 */
export function typedSerializerOf(object: ApiObject): TypedSerializer | undefined {
  const type = object.constructor;
  let serializer = serializers.get(type);
  if (serializer === undefined) {
    serializer = sameCdk8sAsVerified() ? serializerOf(type) : null;
    serializers.set(type, serializer);
  }
  return serializer ?? undefined;
}

function serializerOf(type: Function): TypedSerializer | null {
  if (type === ApiObject) return topKeysFirst;
  const name = type.name;
  const module = [...MODULES.keys()].find((m) => m[name] === type);
  const converterName = `toJson_${name}Props`;
  const converterOf = module === k8s ? k8sConverter : (n: string) => module?.[n];
  const convert = converterOf(converterName);
  const gvk = (type as unknown as { GVK?: unknown }).GVK;
  if (typeof convert !== 'function' || typeof gvk !== 'object' || !isGeneratedToJson(type, name)) return null;
  // The walk serves only the converters its tables were made from (the rewritten cdk8s-plus-28 ones while they serve).
  const node = module === k8s && convert !== CONVERTERS[converterName] ? undefined : converterNode(MODULES.get(module!)!, `${name}Props`, converterOf);
  if (node?.convert !== convert) return (resolved) => keyByKey(gvk as object, (convert as (props: unknown) => object)(resolved));
  return (resolved) => keyByKey(gvk as object, convertWalk(node, resolved) as object | undefined);
}

/**
 * apiVersion, kind and metadata first, then the other fields in their order (as ApiObject.toJson).
 * A converter's result has its own order whatever the order of its input: generated classes skip this.
 */
function topKeysFirst(json: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of ['apiVersion', 'kind', 'metadata', ...Object.keys(json)]) {
    if (key in json) result[key] = json[key];
  }
  return result;
}

/** `{ ...first, ...second }`, built key by key as the converters build their objects. */
function keyByKey(first: object, second: object | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  copyFields(first as Record<string, unknown>, result);
  if (second) copyFields(second as Record<string, unknown>, result);
  return result;
}

function copyFields(from: Record<string, unknown>, to: Record<string, unknown>): void {
  for (const key of Object.keys(from)) setOwnField(to, key, from[key]);
}

/** Whether the class's toJson() is exactly the generated one (whitespace and trailing commas aside). */
function isGeneratedToJson(type: Function, name: string): boolean {
  const toJson = (type.prototype as { toJson?: unknown }).toJson;
  if (typeof toJson !== 'function' || Object.getPrototypeOf(type.prototype) !== ApiObject.prototype) return false;
  const source = Function.prototype.toString.call(toJson).replace(/\s+/g, '').replace(/,\}/g, '}');
  return source === `toJson(){constresolved=super.toJson();return{...${name}.GVK,...toJson_${name}Props(resolved)};}`;
}
