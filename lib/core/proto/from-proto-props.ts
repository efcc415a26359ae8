import { Duration } from '../duration';
import { GrpcMeshServiceProps } from '../mesh-service-props';
import { Idempotency } from '../method';
import { RetryPolicy } from '../retry';

/** What to change for one method of the proto service (by its proto name). */
export interface GrpcMethodOverride {
  /**
   * Route timeout of the method.
   * @default - the service `timeout` for unary methods, none for streaming ones
   */
  readonly timeout?: Duration;
  /**
   * Retry policy of the method (allowed only if the proto marks it retry-safe, or with `idempotency`).
   * @default - from the proto: the service `retries` for NO_SIDE_EFFECTS/IDEMPOTENT unary methods, pre-request retries otherwise
   */
  readonly retries?: RetryPolicy;
  /**
   * Idempotency, when the proto does not say (`option idempotency_level`).
   * @default - from the proto; UNKNOWN when unmarked
   */
  readonly idempotency?: Idempotency;
  /**
   * Principals allowed to call the method.
   * @default - the service-wide callers
   */
  readonly allowedPrincipals?: string[];
  /**
   * Namespaces allowed to call the method.
   * @default - the service-wide callers
   */
  readonly allowedNamespaces?: string[];
}

/**
 * A GrpcMeshService whose methods come from a .proto service definition: `protoService` (required
 * here) names it, and `methods` must be left out (use `methodOverrides`).
 */
export interface GrpcMeshServiceFromProtoProps extends GrpcMeshServiceProps {
  /** The .proto files to read (the one defining the service, and any others it needs). */
  readonly protoFiles: string[];
  /**
   * Directories searched for `import`ed files, after the importing file's own directory.
   * @default - only the importing file's directory
   */
  readonly includePaths?: string[];
  /**
   * Per-method changes, keyed by the method's proto name (e.g. `CreateUser`).
   * @default - everything from the proto
   */
  readonly methodOverrides?: { [method: string]: GrpcMethodOverride };
}
