import { routeFeatures, virtualServiceFeatures } from './l7-features';
import { AmbientIndex, ambientIndex } from './membership';
import { GATEWAY_API_GROUP } from '../../../core/gateway-api-group';
import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { isGatewayApi, keyOf, refOf } from '../gatewayapi/refs';
import { IGR } from '../messages';
import { listOf, namespaceOf, specOf, stringsOf } from '../objects';

/**
 * IGR3301: L7 routing for an ambient Service that no waypoint serves. ztunnel moves bytes and
 * does no HTTP routing, so ambient callers ignore it: a mesh VirtualService (hosts naming the
 * Service), or a GRPCRoute/HTTPRoute whose parentRef is the Service (istiod reports such a
 * route's ResolvedWaypoints condition: "route will not be respected"). Only sidecar callers
 * would still apply a VirtualService.
 */
export const l7RouteAnalyzer: Analyzer = {
  name: 'ambient.L7RouteAnalyzer',
  inputs: ['VirtualService', 'GRPCRoute', 'HTTPRoute', 'Service', 'Namespace', 'Pod', 'Deployment', 'Gateway'],
  analyze(ctx) {
    const ambient = ambientIndex(ctx.index);
    for (const vs of ctx.index.of('VirtualService')) {
      if (!vs.apiVersion.startsWith('networking.istio.io/')) continue;
      const spec = specOf(vs);
      const gateways = stringsOf(spec.gateways);
      if (gateways.length > 0 && !gateways.includes('mesh')) continue;
      // Only a Service in ambient can miss the features, so they are read for the first such host only.
      let features: string[] | undefined;
      stringsOf(spec.hosts).forEach((host, i) => {
        const service = ctx.index.service(host, namespaceOf(vs));
        if (!service || !ambient.serviceAmbient(service)) return;
        features ??= virtualServiceFeatures(spec);
        if (features.length > 0) check(ctx, ambient, vs, service, features, `spec.hosts[${i}]`);
      });
    }
    for (const kind of ['GRPCRoute', 'HTTPRoute']) {
      for (const route of ctx.index.of(kind)) {
        if (!isGatewayApi(route)) continue;
        listOf(specOf(route).parentRefs).forEach((raw, i) => {
          const ref = refOf(raw, route, GATEWAY_API_GROUP, 'Gateway');
          if (ref.group !== '' || ref.kind !== 'Service') return;
          const service = ambient.gw.services.get(keyOf(ref.namespace, ref.name));
          const features = routeFeatures(specOf(route), ref, namespaceOf(route));
          if (service && features.length > 0) check(ctx, ambient, route, service, features, `spec.parentRefs[${i}]`);
        });
      }
    }
  },
};

function check(
  ctx: AnalysisContext, ambient: AmbientIndex, config: KubeObject, service: KubeObject, features: readonly string[], path: string,
): void {
  if (!ambient.serviceAmbient(service)) return;
  const binding = ambient.serviceWaypoint(service);
  if (binding.waypoint) return;
  // A waypoint named but not in a partial input (a shared one, applied elsewhere) may serve it:
  // IGR3303 already warns that it is not in the input.
  if (binding.problem === 'not-found' && !ctx.workloadsComplete) return;
  const name = keyOf(namespaceOf(service), service.metadata.name);
  const why = binding.why ?? 'neither the Service nor its Namespace has an istio.io/use-waypoint label';
  ctx.report(IGR.AMBIENT_L7_WITHOUT_WAYPOINT, config,
    `Service ${name} is in ambient mode and no waypoint serves it (${why}); ztunnel does no HTTP routing, so ambient callers ignore this ${config.kind}'s ${features.join(', ')}; deploy a waypoint (Gateway of class istio-waypoint) and label the Service istio.io/use-waypoint: <waypoint>`,
    path);
}
