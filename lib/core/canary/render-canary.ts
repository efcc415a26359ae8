import type { k8s } from 'cdk8s-plus-28';
import { CanaryWeightOwner } from './canary-props';
import { analysisManifests } from './render-analysis';
import { CanaryModel } from './resolve-canary';
import * as istio from '../../../imports/networking.istio.io';
import { KubeObject } from '../kube-object';
import { MeshServiceModel } from '../mesh-service-model';
import { routeDestinations, routeMatch } from '../render/istio/virtual-service';
import { deploymentManifest } from '../render/kube-json';
import { MeshServiceExtensions } from '../render/mesh-service';
import { renderDeployment } from '../render/workload';

/** Annotation on the VirtualService with the planned canary weights, e.g. `10,25,50,100`. */
export const CANARY_STEPS_ANNOTATION = 'istio-grpc.dev/canary-steps';

/** Annotation on the VirtualService naming the controller that moves the weights, when not us. */
export const CANARY_WEIGHT_OWNER_ANNOTATION = 'istio-grpc.dev/canary-weight-owner';

/**
 * What the canary adds to its service's own objects: one subset per version in the
 * DestinationRule, and on every route of the one VirtualService the weighted destinations
 * (per-method routes keep their timeouts and retries), header routes first, optional mirroring.
 */
export function canaryExtensions(service: MeshServiceModel, canary: CanaryModel): MeshServiceExtensions {
  const external = canary.weightOwner !== CanaryWeightOwner.ISTIO_GRPC;
  // Each header route repeats every route of the service with the header added to its match, so
  // per-method timeouts and retries (and the duplicate-safety they encode) hold for testers too.
  // Route names stay unique when one header is matched on several values (names show in Envoy stats).
  const suffixes = canary.headerRoutes.map((r, i) => {
    const seen = canary.headerRoutes.slice(0, i).filter((o) => o.header === r.header).length;
    return seen === 0 ? r.header : `${r.header}-${seen + 1}`;
  });
  const headerRoutes: istio.VirtualServiceSpecHttp[] = canary.headerRoutes.flatMap((r, i) => service.routes.map((route) => {
    const header = { [r.header]: { exact: r.exact } };
    const match = (routeMatch(service, route) ?? [{}]).map((m) => ({ ...m, headers: { ...m.headers, ...header } }));
    return {
      name: `${route.name}-${suffixes[i]}`,
      match,
      route: routeDestinations(service, [{ subset: r.subset }]),
      ...(route.timeout ? { timeout: route.timeout } : {}),
      retries: { ...route.retries },
    };
  }));
  return {
    // Argo Rollouts labels the subsets itself (pod-template hash); a version label would select none of its pods.
    subsets: canary.subsets.map((s) => ({
      name: s.name,
      labels: external ? {} : { version: s.version } as Record<string, string>,
      ...(s.trafficPolicy ? { trafficPolicy: s.trafficPolicy } : {}),
    })),
    routing: {
      destinations: canary.subsets.map((s) => ({ subset: s.name, weight: s.weight })),
      leadingRoutes: headerRoutes,
      headerRoutes: canary.headerRoutes.map((r, i) => ({ ...r, suffix: suffixes[i] })),
      ...(canary.mirrorPercent !== undefined ? { mirror: { subset: canary.subsets[1].name, percent: canary.mirrorPercent } } : {}),
      annotations: {
        ...(canary.steps.length ? { [CANARY_STEPS_ANNOTATION]: canary.steps.join(',') } : {}),
        ...(external ? { [CANARY_WEIGHT_OWNER_ANNOTATION]: canary.weightOwner } : {}),
      },
    },
  };
}

/** The Deployments the canary creates (one per subset given a workload). */
export function canaryDeployments(service: MeshServiceModel, canary: CanaryModel): k8s.KubeDeploymentProps[] {
  return canary.subsets.filter((s) => s.workload).map((s) => renderDeployment(service, s.workload!));
}

/** The canary Deployments as manifests (the same converter for cdk8s and Pulumi). */
export function canaryDeploymentManifests(service: MeshServiceModel, canary: CanaryModel): KubeObject[] {
  return canaryDeployments(service, canary).map((d) => deploymentManifest(d));
}

/** Every object the canary adds beside its service's own: the Deployments, then the analysis objects. */
export function canaryCompanionManifests(service: MeshServiceModel, canary: CanaryModel): KubeObject[] {
  return [...canaryDeploymentManifests(service, canary), ...analysisManifests(service, canary.analysis, canary.subsets[1].version)];
}

/** A Markdown rollout plan: the weights at each step and the commands to check before moving on. */
export function rolloutPlan(service: MeshServiceModel, canary: CanaryModel): string {
  const [stable, current] = canary.subsets;
  if (canary.weightOwner !== CanaryWeightOwner.ISTIO_GRPC) {
    return [
      `# Canary rollout: ${service.name}.${service.namespace}`,
      '',
      `The weights of subsets ${stable.name} and ${current.name} are moved by ${canary.weightOwner}: the Rollout's steps are the plan,`,
      `and its trafficRouting.istio names VirtualService and DestinationRule ${service.name}.`,
      '',
    ].join('\n');
  }
  const lines = [
    `# Canary rollout: ${service.name}.${service.namespace}`,
    '',
    `Now: ${stable.name} (${stable.version}) ${stable.weight}%, ${current.name} (${current.version}) ${current.weight}%.`,
    '',
    '| step | canary weight | stable weight |',
    '|---|---|---|',
    ...canary.steps.map((w, i) => `| ${i + 1} | ${w}% | ${100 - w - canary.subsets.slice(2).reduce((sum, s) => sum + s.weight, 0)}% |`),
    '',
    'Before each step: `istio-grpc logs` on the canary pods\' istio-proxy logs shows no new response flags,',
    `and \`istioctl proxy-config endpoint deploy/<client> --cluster "outbound|${service.port}|${current.name}|${service.fqdn}"\` lists HEALTHY endpoints.`,
    'Move to the next weight with `shift(weight)` and synthesize again.',
  ];
  return `${lines.join('\n')}\n`;
}
