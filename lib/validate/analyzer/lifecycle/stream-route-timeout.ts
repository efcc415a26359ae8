import { MAX_STREAM_DURATION_ANNOTATION, STREAMING_METHODS_ANNOTATION } from '../../../core/annotations';
import { routeTimeoutCutsStreams } from '../../../core/connection-lifecycle-rules';
import { Analyzer } from '../analyzer';
import { IGR } from '../messages';
import { listOf, objOf, specOf } from '../objects';
import { millisOf } from './lifecycle-inputs';

/**
 * IGR3103: a route timeout shorter than the declared lifetime of the streams the route carries
 * (the VirtualService's `istio-grpc.dev/streaming-methods` and `max-stream-duration`). A route
 * carries a method when it matches its exact path or does not match on the path at all.
 */
export const streamRouteTimeoutAnalyzer: Analyzer = {
  name: 'lifecycle.StreamRouteTimeoutAnalyzer',
  inputs: ['VirtualService'],
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) {
      const annotations = objOf(vs.metadata.annotations);
      const lifetime = millisOf(annotations[MAX_STREAM_DURATION_ANNOTATION]);
      const methods = String(annotations[STREAMING_METHODS_ANNOTATION] ?? '').split(',').map((m) => m.trim()).filter(Boolean);
      if (lifetime === undefined || methods.length === 0) continue;
      listOf(specOf(vs).http).forEach((rule, i) => {
        const timeout = millisOf(objOf(rule).timeout);
        if (timeout === undefined) return;
        const matches = listOf(objOf(rule).match).map(objOf);
        const carried = methods.filter((m) => matches.length === 0 || matches.some((match) => carries(objOf(match.uri), m)));
        const cut = carried.length ? routeTimeoutCutsStreams(timeout, lifetime) : undefined;
        if (cut) report(IGR.ROUTE_TIMEOUT_CUTS_STREAMS, vs, `${cut}, for ${carried.join(', ')}; remove the timeout or raise it to the streams' lifetime`, `spec.http[${i}].timeout`);
      });
    }
  },
};

/** Whether a URI match can select the method path (no uri match selects every path). */
function carries(uri: Record<string, any>, path: string): boolean {
  if (typeof uri.exact === 'string') return uri.exact === path;
  if (typeof uri.prefix === 'string') return path.startsWith(uri.prefix);
  if (typeof uri.regex === 'string') {
    try {
      return new RegExp(`^(?:${uri.regex})$`).test(path);
    } catch {
      return true;
    }
  }
  return true;
}
