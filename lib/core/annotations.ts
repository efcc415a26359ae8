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
