/**
 * gRPC status codes by name. Istio's `grpc_response_status` metric label holds the number
 * (`"14"` for UNAVAILABLE), and a failed call usually arrives as HTTP 200 with that status in
 * its trailers, which is why analysis on `response_code` misses gRPC errors.
 */
export enum GrpcStatus {
  /** 0: not an error. */
  OK = 'OK',
  /** 1: the caller cancelled. */
  CANCELLED = 'CANCELLED',
  /** 2: an error the server could not classify (also what unhandled exceptions become). */
  UNKNOWN = 'UNKNOWN',
  /** 3: the caller sent a bad argument. */
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  /** 4: the deadline passed before the call completed. */
  DEADLINE_EXCEEDED = 'DEADLINE_EXCEEDED',
  /** 5: the requested entity does not exist. */
  NOT_FOUND = 'NOT_FOUND',
  /** 6: the entity the caller tried to create exists. */
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  /** 7: the caller may not do this. */
  PERMISSION_DENIED = 'PERMISSION_DENIED',
  /** 8: a quota or a resource ran out (also rate limiting). */
  RESOURCE_EXHAUSTED = 'RESOURCE_EXHAUSTED',
  /** 9: the system is not in the state the call needs. */
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
  /** 10: aborted, e.g. by a concurrency conflict. */
  ABORTED = 'ABORTED',
  /** 11: past the valid range. */
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  /** 12: the method is not implemented (a new version missing a method). */
  UNIMPLEMENTED = 'UNIMPLEMENTED',
  /** 13: an internal error. */
  INTERNAL = 'INTERNAL',
  /** 14: the service is unavailable; what Envoy answers when it has no healthy upstream. */
  UNAVAILABLE = 'UNAVAILABLE',
  /** 15: unrecoverable data loss. */
  DATA_LOSS = 'DATA_LOSS',
  /** 16: the caller has no valid credentials. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
}

/** The numeric code of each status, as `grpc_response_status` reports it. */
export const GRPC_STATUS_CODES: Readonly<Record<GrpcStatus, number>> = {
  [GrpcStatus.OK]: 0,
  [GrpcStatus.CANCELLED]: 1,
  [GrpcStatus.UNKNOWN]: 2,
  [GrpcStatus.INVALID_ARGUMENT]: 3,
  [GrpcStatus.DEADLINE_EXCEEDED]: 4,
  [GrpcStatus.NOT_FOUND]: 5,
  [GrpcStatus.ALREADY_EXISTS]: 6,
  [GrpcStatus.PERMISSION_DENIED]: 7,
  [GrpcStatus.RESOURCE_EXHAUSTED]: 8,
  [GrpcStatus.FAILED_PRECONDITION]: 9,
  [GrpcStatus.ABORTED]: 10,
  [GrpcStatus.OUT_OF_RANGE]: 11,
  [GrpcStatus.UNIMPLEMENTED]: 12,
  [GrpcStatus.INTERNAL]: 13,
  [GrpcStatus.UNAVAILABLE]: 14,
  [GrpcStatus.DATA_LOSS]: 15,
  [GrpcStatus.UNAUTHENTICATED]: 16,
};

/**
 * The statuses that count as the server's failure by default: the ones a caller cannot cause by
 * sending a bad request (the server-error classes of Google's API guidelines). Client errors
 * (INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED, ...) would make a canary's verdict depend on
 * its callers; CANCELLED is the caller's own choice.
 */
export const DEFAULT_FAILURE_STATUSES: readonly GrpcStatus[] = [
  GrpcStatus.UNKNOWN,
  GrpcStatus.DEADLINE_EXCEEDED,
  GrpcStatus.UNIMPLEMENTED,
  GrpcStatus.INTERNAL,
  GrpcStatus.UNAVAILABLE,
  GrpcStatus.DATA_LOSS,
];
