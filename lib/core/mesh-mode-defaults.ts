import { MESH_MODE_DEFAULT_KEYS, MeshModeProps } from './mesh-mode';

/**
 * The props with the app-wide mode defaults filled in where the prop is unset; `lookup` reads a
 * key from the framework's app settings (cdk8s context, Pulumi config). Non-object props pass
 * through for the resolver to refuse.
 */
export function withMeshModeDefaults<T extends MeshModeProps>(props: T, lookup: (key: string) => unknown): T {
  if (props === null || typeof props !== 'object') return props;
  const routingApi = props.routingApi ?? lookup(MESH_MODE_DEFAULT_KEYS.routingApi);
  const dataPlane = props.dataPlane ?? lookup(MESH_MODE_DEFAULT_KEYS.dataPlane);
  return {
    ...props,
    ...(routingApi !== undefined ? { routingApi } : {}),
    ...(dataPlane !== undefined ? { dataPlane } : {}),
  };
}
