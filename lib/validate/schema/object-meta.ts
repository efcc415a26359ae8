import { pushAll } from '../../core/push-all';
import { childPath } from '../path';
import { memoByString } from '../string-memo';

/** A metadata problem: where and what. */
export interface MetaViolation {
  readonly path: string;
  readonly message: string;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Whether a string is a DNS-1123 label (what namespaces, port names and subset names must be). */
export const isDns1123Label = memoByString((value: string): boolean => value.length <= 63 && DNS1123_LABEL.test(value));

/**
 * Whether a string is a DNS-1123 subdomain (what most object names must be). Remembered, as the
 * label check is: a mesh repeats its namespaces on every object and a name on each of its kinds.
 */
export const isDns1123Subdomain = memoByString((value: string): boolean => value.length <= 253 && DNS1123_SUBDOMAIN.test(value));

/** The API server's rules for name, namespace, labels and annotations. */
export function checkObjectMeta(kind: string, apiVersion: string, metadata: Record<string, any>): MetaViolation[] {
  const out: MetaViolation[] = [];
  const name = String(metadata.name);
  // Services become DNS labels, so their names are the strictest.
  if (kind === 'Service' && apiVersion === 'v1') {
    if (name.length > 63 || !DNS1035_LABEL.test(name)) {
      out.push({ path: 'metadata.name', message: `Service name "${name}" must be a DNS-1035 label: lower-case letters, digits and '-', starting with a letter, at most 63 characters` });
    }
  } else if (!isDns1123Subdomain(name)) {
    out.push({ path: 'metadata.name', message: `name "${name}" must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending alphanumeric, at most 253 characters` });
  }
  if (metadata.namespace !== undefined && (typeof metadata.namespace !== 'string' || !isDns1123Label(metadata.namespace))) {
    out.push({ path: 'metadata.namespace', message: `namespace ${JSON.stringify(metadata.namespace)} must be a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)` });
  }
  pushAll(out, checkStringMap(metadata.labels, 'metadata.labels', true));
  pushAll(out, checkStringMap(metadata.annotations, 'metadata.annotations', false));
  return out;
}

function checkStringMap(map: unknown, path: string, labels: boolean): MetaViolation[] {
  if (map === undefined || map === null) return [];
  if (typeof map !== 'object' || Array.isArray(map)) return [{ path, message: 'must be a map of strings' }];
  const out: MetaViolation[] = [];
  const entries = map as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    const value = entries[key];
    // Paths are built only for a violation: almost every label and annotation is fine.
    if (!isQualifiedKey(key)) out.push({ path: childPath(path, key), message: `key "${key}" must be a qualified name ([prefix/]name, name at most 63 alphanumerics, '-', '_' or '.')` });
    if (typeof value !== 'string') {
      out.push({ path: childPath(path, key), message: `value must be a string (got ${JSON.stringify(value)}); quote it in YAML` });
    } else if (labels && (value.length > 63 || !LABEL_VALUE.test(value))) {
      out.push({ path: childPath(path, key), message: `label value "${value}" must be at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric` });
    }
  }
  return out;
}

/** Label and annotation keys repeat on every object of a mesh: each is checked once. */
const isQualifiedKey = memoByString(checkQualifiedKey);

function checkQualifiedKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && !isDns1123Subdomain(prefix)) return false;
  return name.length <= 63 && QUALIFIED_NAME.test(name);
}
