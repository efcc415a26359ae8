import { objOf } from './objects';
import { KubeObject } from '../../core/kube-object';
import { parseYamlDocuments } from '../yaml-documents';

/** Istio's root namespace unless the mesh config says otherwise. */
export const DEFAULT_ROOT_NAMESPACE = 'istio-system';

/** The parts of Istio's MeshConfig the analyzers read, with Istio's defaults applied. */
export interface MeshConfig {
  /** Where mesh-wide policies live. @default istio-system */
  readonly rootNamespace: string;
  /** The raw mesh config as given (empty without one). */
  readonly raw: Readonly<Record<string, any>>;
}

/**
 * The mesh config in force: `explicit` (from `--meshconfig`) wins; otherwise the `mesh` key of
 * the `istio` ConfigMap in the root namespace if the input holds one, as istiod reads it.
 */
export function resolveMeshConfig(objects: readonly KubeObject[], explicit?: Readonly<Record<string, unknown>>): MeshConfig {
  const raw = explicit ?? meshFromConfigMap(objects) ?? {};
  const root = typeof raw.rootNamespace === 'string' && raw.rootNamespace ? raw.rootNamespace : DEFAULT_ROOT_NAMESPACE;
  return { rootNamespace: root, raw };
}

function meshFromConfigMap(objects: readonly KubeObject[]): Record<string, any> | undefined {
  const cm = objects.find((o) => o.apiVersion === 'v1' && o.kind === 'ConfigMap' && o.metadata.name === 'istio'
    && (o.metadata.namespace ?? DEFAULT_ROOT_NAMESPACE) === DEFAULT_ROOT_NAMESPACE);
  const text = objOf((cm as any)?.data).mesh;
  if (typeof text !== 'string') return undefined;
  // Read with lint's bounded parser; a mesh config that is not YAML leaves Istio's defaults.
  const parsed = parseYamlDocuments(text, 'ConfigMap istio-system/istio data.mesh');
  return parsed.problems.length ? undefined : objOf(parsed.sources[0]?.object);
}
