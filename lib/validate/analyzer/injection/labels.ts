/** The namespace label that turns sidecar injection on (`enabled`) or off. */
export const INJECTION_LABEL = 'istio-injection';
/** The namespace label selecting a revision of the injector. */
export const REVISION_LABEL = 'istio.io/rev';
/** The namespace label choosing ambient mode. */
export const DATAPLANE_MODE_LABEL = 'istio.io/dataplane-mode';
/** The injector's ConfigMap, suffixed `-<revision>` for revisions other than default. */
export const INJECTOR_CONFIG_MAP = 'istio-sidecar-injector';

/** The injector ConfigMap name for a namespace's revision. */
export function injectorConfigMapName(revision: string | undefined): string {
  return revision === undefined || revision === '' || revision === 'default' ? INJECTOR_CONFIG_MAP : `${INJECTOR_CONFIG_MAP}-${revision}`;
}
