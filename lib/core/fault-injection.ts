import { Duration } from './duration';
import { GrpcStatus } from './observability/grpc-status';

/** Answer a share of calls with a gRPC error instead of forwarding them. */
export interface FaultAbort {
  /** The status the caller receives, e.g. GrpcStatus.UNAVAILABLE. */
  readonly grpcStatus: GrpcStatus;
  /** Percent of calls aborted (above 0, at most 100; fractions allowed). */
  readonly percent: number;
}

/** Hold a share of calls before forwarding them. */
export interface FaultDelay {
  /** How long each delayed call waits. */
  readonly fixedDelay: Duration;
  /** Percent of calls delayed (above 0, at most 100; fractions allowed). */
  readonly percent: number;
}

/** The header that limits faults to test calls, e.g. `x-chaos: true`. */
export interface FaultHeaderScope {
  /** Header (gRPC metadata key), lower case. */
  readonly name: string;
  /**
   * Value to match exactly.
   * @default "true"
   */
  readonly exact?: string;
}

/**
 * Fault injection for resilience tests (`http[].fault`). With `header`, each affected route is
 * repeated before the others with the header added to its match and the fault set, so only
 * calls carrying the header see faults; without it the faults hit real callers, which must be
 * allowed with `dangerouslyAllowFaultsWithoutHeaderScope`.
 */
export interface FaultInjection {
  /**
   * Abort a share of the calls with a gRPC status.
   * @default - no aborts
   */
  readonly abort?: FaultAbort;
  /**
   * Delay a share of the calls.
   * @default - no delays
   */
  readonly delay?: FaultDelay;
  /**
   * Only calls carrying this header get faults.
   * @default - every call of the affected routes (refused unless dangerouslyAllowFaultsWithoutHeaderScope)
   */
  readonly header?: FaultHeaderScope;
  /**
   * Names of the `methods` (as declared there) whose calls get faults.
   * @default - every route of the service, method routes and the service-wide one
   */
  readonly methods?: string[];
}
