import { Duration } from './duration';

/**
 * Conditions a retry fires on (`retries.retryOn`): Envoy's gRPC status conditions and HTTP
 * conditions, as Istio accepts them.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRetry
 */
export enum RetryOn {
  /** gRPC status 14 UNAVAILABLE: the server was not reachable or shed the call. */
  UNAVAILABLE = 'unavailable',
  /** gRPC status 8 RESOURCE_EXHAUSTED: often a rate limit; retrying adds load. */
  RESOURCE_EXHAUSTED = 'resource-exhausted',
  /** gRPC status 4 DEADLINE_EXCEEDED. */
  DEADLINE_EXCEEDED = 'deadline-exceeded',
  /** gRPC status 1 CANCELLED. */
  CANCELLED = 'cancelled',
  /** gRPC status 13 INTERNAL. */
  INTERNAL = 'internal',
  /** Any 5xx response, or no response at all (disconnect, reset, read timeout). */
  FIVE_XX = '5xx',
  /** 502, 503 or 504. */
  GATEWAY_ERROR = 'gateway-error',
  /** No response: disconnect, reset or read timeout. */
  RESET = 'reset',
  /** The connection was reset before the request was sent: the server never saw it. */
  RESET_BEFORE_REQUEST = 'reset-before-request',
  /** The TCP connection to the upstream failed: the server never saw the request. */
  CONNECT_FAILURE = 'connect-failure',
  /** The upstream answered 409 Conflict. */
  RETRIABLE_4XX = 'retriable-4xx',
  /** The upstream refused the HTTP/2 stream (REFUSED_STREAM): the server never processed it. */
  REFUSED_STREAM = 'refused-stream',
  /** The HTTP status codes listed in `retryOnHttpStatusCodes`. */
  RETRIABLE_STATUS_CODES = 'retriable-status-codes',
  /** Responses carrying a header listed in the route's retriable headers. */
  RETRIABLE_HEADERS = 'retriable-headers',
  /** Envoy's rate limit answered 429 with x-envoy-ratelimited. */
  ENVOY_RATELIMITED = 'envoy-ratelimited',
  /** HTTP/3 connection failure after the request was sent. */
  HTTP3_POST_CONNECT_FAILURE = 'http3-post-connect-failure',
}

/**
 * Conditions that fire only when the request never reached the server, so retrying them cannot
 * run a non-idempotent method twice.
 */
export const PRE_REQUEST_RETRY_CONDITIONS: readonly RetryOn[] = [
  RetryOn.CONNECT_FAILURE,
  RetryOn.REFUSED_STREAM,
  RetryOn.RESET_BEFORE_REQUEST,
];

/** What retries are switched on by default: Istio's own default set without status codes. */
export const DEFAULT_RETRY_ON: readonly RetryOn[] = [
  RetryOn.CONNECT_FAILURE,
  RetryOn.REFUSED_STREAM,
  RetryOn.UNAVAILABLE,
  RetryOn.CANCELLED,
];

/**
 * A retry policy for a route.
 *
 * Retries only fire for methods declared idempotent (or free of side effects); see
 * `GrpcMethodProps.idempotency`.
 */
export interface RetryPolicy {
  /**
   * How many retries after the first attempt. 0 switches retries off (Istio otherwise applies its
   * mesh-wide default of 2 retries).
   */
  readonly attempts: number;

  /**
   * Timeout of each attempt, including the first.
   * @default - the route timeout bounds all attempts together
   */
  readonly perTryTimeout?: Duration;

  /**
   * Conditions that trigger a retry.
   * @default [CONNECT_FAILURE, REFUSED_STREAM, UNAVAILABLE, CANCELLED]
   */
  readonly retryOn?: RetryOn[];

  /**
   * Standard HTTP status codes (e.g. 429, 503) that trigger a retry, rendered into `retryOn` as numbers.
   * @default - none
   */
  readonly retryOnHttpStatusCodes?: number[];

  /**
   * Base interval of Envoy's exponential back-off between retries.
   * @default - Envoy's default of 25ms
   */
  readonly backoff?: Duration;

  /**
   * Whether retries may go to endpoints in other localities.
   * @default - Istio's default (false)
   */
  readonly retryRemoteLocalities?: boolean;

  /**
   * Retry on another endpoint than the ones already tried (`retryIgnorePreviousHosts`), so a
   * retry does not land on the pod that just failed.
   * @default - Istio's default (true in current releases)
   */
  readonly retryIgnorePreviousHosts?: boolean;
}
