/**
 * Annotation on a VirtualService listing the gRPC methods (`/package.Service/Method`, comma
 * separated) whose calls must not be retried because they are not idempotent. The constructs
 * write it; `istio-grpc lint` reads it to flag retry policies that could duplicate those calls,
 * including ones added later by hand-edited YAML.
 */
export const NON_IDEMPOTENT_METHODS_ANNOTATION = 'istio-grpc.dev/non-idempotent-methods';

/**
 * Annotation on a VirtualService whose owner accepted retries on non-idempotent methods
 * (`dangerouslyAllowRetriesOnNonIdempotentMethods`): lint reports such retries as warnings only.
 */
export const RETRIES_ON_NON_IDEMPOTENT_ACCEPTED_ANNOTATION = 'istio-grpc.dev/retries-on-non-idempotent-methods-accepted';

/**
 * Annotation on a Service recording its gRPC server's own keepalive settings, as JSON of Istio
 * duration texts: `{"maxConnectionAge":"30m","maxConnectionAgeGrace":"5m","maxConnectionIdle":"15m",
 * "time":"2h","timeout":"20s","permitKeepaliveTime":"5m"}` (any subset). The constructs write it
 * from `serverKeepalive`; `istio-grpc lint` compares it with the DestinationRule pool (IGR3101,
 * IGR3104). Hand-written YAML can carry it too.
 */
export const SERVER_KEEPALIVE_ANNOTATION = 'istio-grpc.dev/server-keepalive';

/**
 * Annotation on a VirtualService naming the streaming methods (`/package.Service/Method`, comma
 * separated) of its host; with `MAX_STREAM_DURATION_ANNOTATION`, lint reports route timeouts
 * that would cut those streams (IGR3103).
 */
export const STREAMING_METHODS_ANNOTATION = 'istio-grpc.dev/streaming-methods';

/**
 * Annotation on a VirtualService with the longest lifetime its streams are declared to have
 * (Istio duration text, e.g. `1h`), from `lifecycle.maxStreamDuration`.
 */
export const MAX_STREAM_DURATION_ANNOTATION = 'istio-grpc.dev/max-stream-duration';
