import { Duration } from './duration';
import { RetryPolicy } from './retry';

/**
 * Whether calling a method twice has the same effect as calling it once; mirrors protobuf's
 * `MethodOptions.idempotency_level`, plus an explicit "not idempotent".
 */
export enum Idempotency {
  /** Read-only: safe to retry. (`NO_SIDE_EFFECTS` in protobuf.) */
  NO_SIDE_EFFECTS = 'NO_SIDE_EFFECTS',
  /** Repeating the call has the same effect as one call: safe to retry. */
  IDEMPOTENT = 'IDEMPOTENT',
  /** Repeating the call repeats its effect (e.g. CreateUser creates a second user): never retried. */
  NON_IDEMPOTENT = 'NON_IDEMPOTENT',
  /** Not declared: treated as non-idempotent, so it gets no retries. */
  UNKNOWN = 'UNKNOWN',
}

/** Whether a method streams, and in which direction. */
export enum StreamingKind {
  /** One request, one response. */
  UNARY = 'UNARY',
  /** A stream of requests, one response. */
  CLIENT = 'CLIENT',
  /** One request, a stream of responses. */
  SERVER = 'SERVER',
  /** Streams both ways. */
  BIDI = 'BIDI',
}

/**
 * One gRPC method that gets its own route (`/package.Service/Method`, exact match) with its own
 * timeout and retry policy.
 */
export interface GrpcMethodProps {
  /** The method name as in the .proto, e.g. `GetUser`. */
  readonly name: string;

  /**
   * Fully-qualified proto service, e.g. `users.v1.UserService`.
   * @default - the mesh service's `protoService`
   */
  readonly service?: string;

  /**
   * Whether the method may be retried. Only IDEMPOTENT and NO_SIDE_EFFECTS methods get retries.
   * @default Idempotency.UNKNOWN
   */
  readonly idempotency?: Idempotency;

  /**
   * Streaming kind; streaming methods get no per-try timeout and no retries by default.
   * @default StreamingKind.UNARY
   */
  readonly streaming?: StreamingKind;

  /**
   * Route timeout for this method.
   * @default - the mesh service's `timeout` for unary methods; none for streaming methods
   */
  readonly timeout?: Duration;

  /**
   * Retry policy for this method. Requires `idempotency` IDEMPOTENT or NO_SIDE_EFFECTS, unless
   * every condition fires before the request reaches the server (connect-failure,
   * refused-stream, reset-before-request).
   * @default - the mesh service's `retries` for retry-safe unary methods; retries off otherwise
   */
  readonly retries?: RetryPolicy;

  /**
   * Principals (SPIFFE identities, e.g. `cluster.local/ns/web/sa/frontend`) allowed to call this
   * method; used when the mesh service renders an AuthorizationPolicy.
   * @default - no method-level restriction
   */
  readonly allowedPrincipals?: string[];

  /**
   * Namespaces whose workloads may call this method.
   * @default - no method-level restriction
   */
  readonly allowedNamespaces?: string[];
}
