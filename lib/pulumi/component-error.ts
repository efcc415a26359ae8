import * as pulumi from '@pulumi/pulumi';

const reported = new WeakSet<Error>();
const wrapped = new WeakMap<object, Error>();

/**
 * The error a component fails with when a value that arrived as an output is bad. Every child
 * whose inputs derive from the failed output rejects with this one object, and Pulumi reports an
 * error once per object, so the user reads one message. Pulumi also prefixes the property path to
 * the message each time the error passes through a child's inputs; the message is kept as written,
 * since the construct path and field in it are what the user needs.
 */
export function componentError(cause: unknown, component: pulumi.Resource): Error {
  if (cause instanceof Error && reported.has(cause)) return cause;
  const earlier = cause !== null && typeof cause === 'object' ? wrapped.get(cause) : undefined;
  if (earlier) return earlier;
  const message = cause instanceof Error ? cause.message : String(cause);
  const error = new pulumi.ResourceError(message, component, true);
  Object.defineProperty(error, 'message', { get: () => message, set: () => undefined, enumerable: false, configurable: true });
  reported.add(error);
  if (cause !== null && typeof cause === 'object') wrapped.set(cause, error);
  return error;
}

/** `output.apply(fn)`, failing with one `componentError` when `fn` throws. */
export function applyChecked<T, U>(output: pulumi.Output<T>, component: pulumi.Resource, fn: (value: T) => U): pulumi.Output<U> {
  return output.apply((value) => {
    try {
      return fn(value);
    } catch (err) {
      throw componentError(err, component);
    }
  });
}
