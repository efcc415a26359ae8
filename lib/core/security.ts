/** How the workload's sidecar accepts inbound connections. */
export enum MtlsMode {
  /** Only mutual TLS from mesh workloads (the secure default, and what caller identities need). */
  STRICT = 'STRICT',
  /** Mutual TLS and plain text, e.g. while callers outside the mesh migrate. */
  PERMISSIVE = 'PERMISSIVE',
  /** Emit no PeerAuthentication: the namespace or mesh-wide policy applies. */
  INHERIT = 'INHERIT',
}

/**
 * The SPIFFE principal of a workload's service account, as AuthorizationPolicy matches it:
 * `<trustDomain>/ns/<namespace>/sa/<serviceAccount>`.
 */
export function principalOf(namespace: string, serviceAccount: string, trustDomain = 'cluster.local'): string {
  return `${trustDomain}/ns/${namespace}/sa/${serviceAccount}`;
}
