import { KubeObject } from '../../core/kube-object';

/** The cluster domain suffix of Kubernetes service hosts. */
export const SVC_SUFFIX = 'svc.cluster.local';

/** A plain object, or an empty one (analyzers read defensively: objects may be schema-invalid). */
export function objOf(value: unknown): Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, any>) : {};
}

/** A list, or an empty one. */
export function listOf(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** The strings of a list (others dropped). */
export function stringsOf(value: unknown): string[] {
  return listOf(value).filter((v): v is string => typeof v === 'string');
}

/** An object's `spec`, or an empty one. */
export function specOf(o: KubeObject): Record<string, any> {
  return objOf((o as any).spec);
}

/** `metadata.namespace`, or `default` as kubectl assumes. */
export function namespaceOf(o: KubeObject): string {
  return typeof o.metadata.namespace === 'string' && o.metadata.namespace ? o.metadata.namespace : 'default';
}

/** `namespace/name`, as Istio names resources in messages. */
export function nameOf(o: KubeObject): string {
  return `${namespaceOf(o)}/${o.metadata.name}`;
}

/** A host as Istio resolves it: short names (no dot) live in the referring object's namespace. */
export function fqdn(host: string, namespace: string): string {
  if (host.startsWith('*') || host.includes('.')) return host;
  return `${host}.${namespace}.${SVC_SUFFIX}`;
}

/** Whether every selector label is on the workload (an empty selector matches everything). */
export function labelsMatch(selector: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, string>>): boolean {
  for (const k of Object.keys(selector)) if (labels[k] !== selector[k]) return false;
  return true;
}

/** `k=v, k2=v2`, for messages. */
export function formatLabels(labels: Readonly<Record<string, unknown>>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${String(v)}`).join(', ');
}

/** Only the string-valued entries of a label map. */
export function stringLabels(labels: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const map = objOf(labels);
  for (const k of Object.keys(map)) {
    const v = map[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * `stringLabels(labels)[key]` without copying the map: the entry if it is an own, enumerable,
 * string-valued one. (For a key of Object.prototype, such as `toString`, indexing the copy would
 * find the prototype's member; this finds only the map's own string.)
 */
export function stringEntry(labels: unknown, key: string): string | undefined {
  const map = objOf(labels);
  if (!Object.prototype.propertyIsEnumerable.call(map, key)) return undefined;
  const value = map[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Whether a Kubernetes LabelSelector (`matchLabels`, `matchExpressions`) selects `labels`; an
 * absent selector selects everything, a malformed one nothing (as Kubernetes treats it).
 */
export function labelSelectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (selector === undefined || selector === null) return true;
  const s = objOf(selector);
  if (!labelsMatch(objOf(s.matchLabels), labels)) return false;
  return listOf(s.matchExpressions).every((raw) => {
    const e = objOf(raw);
    const key = String(e.key ?? '');
    const values = stringsOf(e.values);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (e.operator) {
      case 'In': return has && values.includes(labels[key]);
      case 'NotIn': return !has || !values.includes(labels[key]);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
      default: return false;
    }
  });
}

/** The JSON text of a ConfigMap key, parsed; undefined when absent or not JSON. */
export function jsonOf(text: unknown): Record<string, any> | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, any> : undefined;
  } catch {
    return undefined;
  }
}
