import { WAYPOINT_GATEWAY_CLASS, WAYPOINT_LISTENER } from '../../../core/ambient/ambient-labels';
import { Analyzer } from '../analyzer';
import { gatewayApiIndex } from '../gatewayapi/index';
import { describeListener, listenersOf } from '../gatewayapi/listeners';
import { IGR } from '../messages';
import { specOf } from '../objects';

/**
 * IGR3308: listeners of a waypoint (a Gateway of class istio-waypoint) other than HBONE on
 * 15008: istiod sets their Accepted condition to False (UnsupportedProtocol, "Expected a single
 * listener on port 15008 with protocol HBONE"); a waypoint without one has no accepted listener.
 */
export const waypointListenerAnalyzer: Analyzer = {
  name: 'ambient.WaypointListenerAnalyzer',
  inputs: ['Gateway'],
  analyze(ctx) {
    for (const gateway of gatewayApiIndex(ctx.index).gateways.values()) {
      const spec = specOf(gateway);
      if (spec.gatewayClassName !== WAYPOINT_GATEWAY_CLASS) continue;
      const listeners = listenersOf(spec);
      listeners.forEach((l, i) => {
        if (l.port === WAYPOINT_LISTENER.port && l.protocol === WAYPOINT_LISTENER.protocol) return;
        ctx.report(IGR.AMBIENT_WAYPOINT_LISTENER, gateway,
          `listener ${describeListener(l)} of waypoint ${gateway.metadata.name} is not HBONE on ${WAYPOINT_LISTENER.port}, and istiod does not accept it (UnsupportedProtocol); a waypoint takes traffic on { port: ${WAYPOINT_LISTENER.port}, protocol: ${WAYPOINT_LISTENER.protocol} }`,
          `spec.listeners[${i}]`);
      });
      if (listeners.length === 0) {
        ctx.report(IGR.AMBIENT_WAYPOINT_LISTENER, gateway, `waypoint ${gateway.metadata.name} has no listener; give it { name: mesh, port: ${WAYPOINT_LISTENER.port}, protocol: ${WAYPOINT_LISTENER.protocol} }`, 'spec.listeners');
      }
    }
  },
};
