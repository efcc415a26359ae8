import type { SourcedObject } from './engine';
import { ResourceRef } from './finding';
import { KubeObject } from '../core/kube-object';

/** An object and the document it was read from. */
export type Sourced = { readonly object: KubeObject; readonly source: SourcedObject };

/** `apiVersion|kind|namespace|name` of a finding's resource. */
export function refKey(ref: ResourceRef): string {
  return `${ref.apiVersion}|${ref.kind}|${ref.namespace ?? ''}|${ref.name}`;
}

/** `refKey(resourceRefOf(object))` without building the ref, for an object with string apiVersion, kind and name. */
export function objectRefKey(object: KubeObject): string {
  const namespace = object.metadata.namespace;
  return `${object.apiVersion}|${object.kind}|${typeof namespace === 'string' ? namespace : ''}|${object.metadata.name}`;
}

/**
 * The source of each wanted key: the last object of that key, as a Map built from every object
 * would hold it. Keys are built only for objects whose name could end a wanted key (a key ends
 * in `|name`), so a mesh with a few findings does not key each of its objects.
 */
export function sourcesOf(objects: readonly Sourced[], wanted: ReadonlySet<string>): Map<string, SourcedObject> {
  const tails = new Set<string>();
  for (const key of wanted) {
    for (let at = key.indexOf('|'); at >= 0; at = key.indexOf('|', at + 1)) tails.add(key.slice(at + 1));
  }
  const bySource = new Map<string, SourcedObject>();
  for (const s of objects) {
    if (!tails.has(s.object.metadata.name)) continue;
    const key = objectRefKey(s.object);
    if (wanted.has(key)) bySource.set(key, s.source);
  }
  return bySource;
}
