/**
 * One mirror (shadow) destination of a route (`mirrors[]`): a share of calls is copied there and
 * its responses are discarded.
 */
export interface MirrorProps {
  /**
   * Host to copy calls to: a Service in the same namespace (`users-shadow`) or a fully-qualified
   * host (`users.shadow.svc.cluster.local`).
   * @default - the service itself (then `subset` is required)
   */
  readonly host?: string;
  /**
   * Subset of the host's DestinationRule.
   * @default - no subset
   */
  readonly subset?: string;
  /**
   * Port of the host.
   * @default - the service's port when the host is the service itself; else the host's only port
   */
  readonly port?: number;
  /** Percent of calls copied (above 0, at most 100; fractions allowed). */
  readonly percent: number;
}
