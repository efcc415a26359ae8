import { subsetServiceName } from './backend-refs';
import * as gatewayapi from '../../../../imports/gateway.networking.k8s.io';
import { MeshServiceModel } from '../../mesh-service-model';

/** A mirror as a GRPCRoute sees it: a Service (same namespace) and port, with a share of calls. */
export interface MirrorTarget {
  readonly name: string;
  readonly port: number;
  readonly percent: number;
}

/**
 * The share of a RequestMirror filter: `percent` (an integer 0-100) when whole, else `fraction`
 * (the v1.6.1 CRD accepts one or the other), exact to a millionth of a percent.
 */
export function mirrorShare(percent: number): Pick<gatewayapi.GrpcRouteSpecRulesFiltersRequestMirror, 'percent' | 'fraction'> {
  if (Number.isInteger(percent)) return { percent };
  const scale = 1_000_000;
  return { fraction: { numerator: Math.round(percent * scale), denominator: 100 * scale } };
}

/** The mirror targets of every rule: the `mirrors` prop (Services), then a canary's mirror to its per-subset Service. */
export function mirrorTargets(
  model: MeshServiceModel, canaryMirror: { readonly subset: string; readonly percent: number } | undefined,
): MirrorTarget[] {
  const own = (model.mirrors ?? []).map((m) => ({
    name: m.destination.host.split('.')[0],
    port: m.destination.port!.number,
    percent: m.percentage.value,
  }));
  const canary = canaryMirror ? [{ name: subsetServiceName(model.name, canaryMirror.subset), port: model.port, percent: canaryMirror.percent }] : [];
  return [...own, ...canary];
}

/** RequestMirror filters for the targets (responses of the copies are discarded). */
export function mirrorFilters(targets: readonly MirrorTarget[]): gatewayapi.GrpcRouteSpecRulesFilters[] {
  return targets.map((t) => ({
    type: gatewayapi.GrpcRouteSpecRulesFiltersType.REQUEST_MIRROR,
    requestMirror: { backendRef: { group: '', kind: 'Service', name: t.name, port: t.port }, ...mirrorShare(t.percent) },
  }));
}
