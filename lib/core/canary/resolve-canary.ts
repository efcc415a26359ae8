import { CanaryWeightOwner, GrpcCanaryOptions } from './canary-props';
import { checkGatewayApiCanary } from './check-gateway-api-canary';
import { CanaryAnalysisModel, resolveAnalysis } from './resolve-analysis';
import { PropChecker } from '../checks';
import { didYouMean } from '../did-you-mean';
import { MeshServiceModel, WorkloadModel } from '../mesh-service-model';
import { checkPropsShape } from '../props-shape';
import { CANARY_SHAPE } from '../props-shapes';
import { resolveSubsetPolicy, SubsetPolicyModel } from '../resolve-subset-policy';
import { resolveWorkload } from '../resolve-workload';
import { isRecord, listOfObjects, listProp, objectProp } from '../shape-checks';

/** Subset names the canary always defines. */
export const STABLE_SUBSET = 'stable';
export const CANARY_SUBSET = 'canary';

/** One subset of the split, with its share and, optionally, the Deployment to create. */
export interface CanarySubsetModel {
  readonly name: string;
  readonly version: string;
  readonly weight: number;
  readonly workload?: WorkloadModel;
  /** Policy fields the subset sets in place of the service's. */
  readonly trafficPolicy?: SubsetPolicyModel;
}

/** A canary with defaults applied and every prop checked. */
export interface CanaryModel {
  readonly constructPath: string;
  /** Stable first, canary second, then the additional subsets. */
  readonly subsets: readonly CanarySubsetModel[];
  readonly headerRoutes: readonly { readonly header: string; readonly exact: string; readonly subset: string }[];
  readonly mirrorPercent?: number;
  readonly steps: readonly number[];
  /** Who moves the weights after the first deploy. */
  readonly weightOwner: CanaryWeightOwner;
  /** Canary analysis objects to emit, when asked for. */
  readonly analysis?: CanaryAnalysisModel;
}

const HEADER_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Resolves and checks canary options against the service they split. */
export function resolveCanary(constructPath: string, service: MeshServiceModel, options: GrpcCanaryOptions): CanaryModel {
  const check = new PropChecker(constructPath);
  checkPropsShape(constructPath, options, CANARY_SHAPE);
  if (!isRecord(options)) check.fail('props', options, 'props are required', 'pass at least { service }');
  objectProp(check, 'canaryWorkload', options.canaryWorkload, '{ image: "registry.example.com/users:2.0.0" }');
  const additionalSubsets = listOfObjects(check, 'additionalSubsets', options.additionalSubsets, '{ name: "v3", version: "v3", weight: 5 }');
  const headerRoutesProp = listOfObjects(check, 'headerRoutes', options.headerRoutes, '{ header: "x-canary" }');
  const stepsProp = listProp(check, 'steps', options.steps, '[10, 25, 50, 100]');
  const stableVersion = options.stableVersion ?? service.workload?.version ?? 'v1';
  const canaryVersion = options.canaryVersion ?? 'v2';
  for (const [field, version] of [['stableVersion', stableVersion], ['canaryVersion', canaryVersion]] as const) {
    if (typeof version !== 'string' || version === '') check.fail(field, version, 'a version label value is required', 'use e.g. "v1"');
    check.labels(field, { version });
  }
  if (service.workload && stableVersion !== service.workload.version) {
    check.fail('stableVersion', stableVersion, `the service's workload runs version ${service.workload.version}, so a stable subset of ${stableVersion} would select none of its pods`, `leave stableVersion unset or set it to "${service.workload.version}"`);
  }
  if (stableVersion === canaryVersion) {
    check.fail('canaryVersion', canaryVersion, 'is the stable version too, so both subsets would select the same pods', `give the canary pods their own version label, e.g. "${stableVersion}-canary"`);
  }
  if (service.headless) {
    check.fail('service', service.name, 'is headless: Istio sends each connection to the pod the client resolved, so weights and subsets have no effect', 'use a ClusterIP Service (headless: false) for the service you split');
  }
  const weightOwner = resolveWeightOwner(check, service, options);
  const canaryWeight = check.integer('canaryWeight', options.canaryWeight ?? (weightOwner === CanaryWeightOwner.ISTIO_GRPC ? 10 : 0), 0, 100);
  const extra = additionalSubsets.map((s, i) => {
    objectProp(check, `additionalSubsets[${i}].workload`, s.workload, '{ image: "registry.example.com/users:3.0.0" }');
    check.dnsLabel(`additionalSubsets[${i}].name`, s.name, 63);
    if (typeof s.version !== 'string' || s.version === '') check.fail(`additionalSubsets[${i}].version`, s.version, 'a version label value is required', 'use e.g. "v3"');
    check.labels(`additionalSubsets[${i}].version`, { version: s.version });
    return {
      name: s.name,
      version: s.version,
      weight: check.integer(`additionalSubsets[${i}].weight`, s.weight, 0, 100),
      ...(s.workload ? { workload: resolveWorkload(check, service.name, service.selector as Record<string, string>, { ...s.workload, version: s.version }, `additionalSubsets[${i}].workload`) } : {}),
      ...subsetPolicy(check, `additionalSubsets[${i}].trafficPolicy`, s.trafficPolicy, service),
    };
  });
  const others = canaryWeight + extra.reduce((sum, s) => sum + s.weight, 0);
  if (others > 100) {
    check.fail('canaryWeight', canaryWeight, `with the additional subsets' weights the non-stable subsets get ${others}%, more than 100%`, 'lower the weights so that canaryWeight plus additionalSubsets weights is at most 100 (stable gets the rest)');
  }
  const subsets: CanarySubsetModel[] = [
    { name: STABLE_SUBSET, version: stableVersion, weight: 100 - others, ...subsetPolicy(check, 'stableTrafficPolicy', options.stableTrafficPolicy, service) },
    {
      name: CANARY_SUBSET,
      version: canaryVersion,
      weight: canaryWeight,
      ...(options.canaryWorkload ? { workload: resolveWorkload(check, service.name, service.selector as Record<string, string>, { ...options.canaryWorkload, version: canaryVersion }, 'canaryWorkload') } : {}),
      ...subsetPolicy(check, 'canaryTrafficPolicy', options.canaryTrafficPolicy, service),
    },
    ...extra,
  ];
  const names = new Set<string>();
  const versions = new Set<string>();
  subsets.forEach((s, i) => {
    const field = i < 2 ? (i === 0 ? 'stableVersion' : 'canaryVersion') : `additionalSubsets[${i - 2}]`;
    if (names.has(s.name)) check.fail(`${field}.name`, s.name, 'is used by another subset; subset names must be unique', `pick another name than ${[...names].join(', ')}`);
    if (versions.has(s.version)) check.fail(`${field}.version`, s.version, 'is the version of another subset, so both would select the same pods', 'give each subset its own version label');
    names.add(s.name);
    versions.add(s.version);
  });
  (service.mirrors ?? []).forEach((m, i) => {
    if (m.destination.host === service.fqdn && m.destination.subset !== undefined && !names.has(m.destination.subset)) {
      check.fail('service', `mirrors[${i}].subset ${m.destination.subset}`, `the service mirrors to subset ${m.destination.subset}, which this canary does not define, so Envoy would have no cluster to copy to`, `mirror to one of the subsets ${[...names].join(', ')}, or add it as an additional subset`);
    }
  });
  // Pods of some versions created here and others not: the manifests could not show every subset has pods.
  const created = subsets.map((s, i) => (i === 0 ? service.workload !== undefined : s.workload !== undefined));
  if (created.some(Boolean) && !created.every(Boolean)) {
    const missing = subsets.filter((_, i) => !created[i]).map((s) => `${s.name} (${s.version})`);
    check.fail(created[0] ? 'canaryWorkload' : 'service.workload', missing.join(', '),
      'some versions get a Deployment here and these do not, so their subsets would select no pods in these manifests (IST0173)',
      'create every version here (the service\'s workload for stable, canaryWorkload, additionalSubsets[].workload) or none of them');
  }
  const headerMatches = new Map<string, number>();
  const headerRoutes = headerRoutesProp.map((r, i) => {
    if (typeof r.header !== 'string' || !HEADER_NAME.test(r.header)) {
      check.fail(`headerRoutes[${i}].header`, r.header, 'must be a lower-case header name (gRPC metadata keys are lower case)', 'use e.g. "x-canary"');
    }
    const subset = r.subset ?? CANARY_SUBSET;
    if (typeof subset !== 'string') check.fail(`headerRoutes[${i}].subset`, subset, 'must be a subset name', `use one of ${[...names].join(', ')}`);
    if (!names.has(subset)) check.fail(`headerRoutes[${i}].subset`, subset, `is not a subset of this canary${didYouMean(subset, names)}`, `use one of ${[...names].join(', ')}`);
    const exact = r.exact ?? 'true';
    if (typeof exact !== 'string') check.fail(`headerRoutes[${i}].exact`, exact, 'must be a string (header values are text)', `quote it: ${JSON.stringify(String(exact))}`);
    // The same header and value twice: the second route could never match (Istio's IST0130).
    const key = JSON.stringify([r.header, exact]);
    const earlier = headerMatches.get(key);
    if (earlier !== undefined) {
      check.fail(`headerRoutes[${i}]`, `${r.header}: ${exact}`, `repeats headerRoutes[${earlier}], so calls would never reach this route`, 'remove one of the two, or match another value');
    }
    headerMatches.set(key, i);
    return { header: r.header, exact, subset };
  });
  const mirrorPercent = options.mirrorPercent;
  if (mirrorPercent !== undefined && !(typeof mirrorPercent === 'number' && mirrorPercent > 0 && mirrorPercent <= 100)) {
    check.fail('mirrorPercent', mirrorPercent, 'must be a percentage above 0 and at most 100', 'e.g. 5 mirrors one call in twenty; omit it to mirror nothing');
  }
  const steps = stepsProp.map((w, i) => check.integer(`steps[${i}]`, w, 0, 100));
  const extraWeight = others - canaryWeight;
  steps.forEach((w, i) => {
    if (i > 0 && w <= steps[i - 1]) check.fail(`steps[${i}]`, w, 'steps must increase', 'list the planned canary weights in increasing order, e.g. [10, 25, 50, 100]');
    if (w + extraWeight > 100) {
      check.fail(`steps[${i}]`, w, `with the additional subsets' ${extraWeight}% the stable subset would get ${100 - w - extraWeight}%`,
        `plan canary weights of at most ${100 - extraWeight}, or lower the additional subsets' weights`);
    }
  });
  const analysis = options.analysis === undefined ? undefined : resolveAnalysis(check, service, options.analysis);
  const canary: CanaryModel = {
    constructPath,
    subsets,
    headerRoutes,
    ...(mirrorPercent !== undefined ? { mirrorPercent } : {}),
    steps,
    weightOwner,
    ...(analysis ? { analysis } : {}),
  };
  checkGatewayApiCanary(check, service, canary);
  return canary;
}

/** Checks `weightOwner` and, when another controller owns the weights, the props it makes moot. */
function resolveWeightOwner(check: PropChecker, service: MeshServiceModel, options: GrpcCanaryOptions): CanaryWeightOwner {
  const owner = options.weightOwner ?? CanaryWeightOwner.ISTIO_GRPC;
  const owners = Object.values(CanaryWeightOwner) as string[];
  if (!owners.includes(owner)) {
    check.fail('weightOwner', owner, `is not one of ${owners.join(', ')}${didYouMean(String(owner), owners)}`, 'use a CanaryWeightOwner value');
  }
  if (owner === CanaryWeightOwner.ISTIO_GRPC) return owner;
  // Argo Rollouts splits between exactly two subsets, sets the weights and creates the pods itself.
  const moot: [string, boolean, string][] = [
    ['canaryWeight', options.canaryWeight !== undefined, 'the Rollout\'s setWeight steps set the weights (routes start at 100/0)'],
    ['steps', (options.steps ?? []).length > 0, 'the Rollout\'s setWeight steps are the plan'],
    ['additionalSubsets', (options.additionalSubsets ?? []).length > 0, 'Argo Rollouts splits between exactly two subsets'],
    ['canaryWorkload', options.canaryWorkload !== undefined, 'the Rollout creates the pods of both versions'],
    ['service.workload', service.workload !== undefined, 'the Rollout creates the pods of both versions'],
  ];
  for (const [field, given, reason] of moot) {
    if (given) check.fail(field, field === 'service.workload' ? service.name : (options as Record<string, unknown>)[field], `cannot be used with weightOwner ${owner}: ${reason}`, `remove ${field}, or leave weightOwner unset to manage the split here`);
  }
  return owner;
}

/** The same canary with the canary share moved to `weight` (the stable subset absorbs the change). */
export function shiftCanary(model: CanaryModel, weight: number): CanaryModel {
  const check = new PropChecker(model.constructPath);
  if (model.weightOwner !== CanaryWeightOwner.ISTIO_GRPC) {
    check.fail('shift(weight)', weight, `the weights belong to ${model.weightOwner} (weightOwner)`, 'move the weight with the Rollout (e.g. kubectl argo rollouts promote), not here');
  }
  check.integer('shift(weight)', weight, 0, 100);
  const others = weight + model.subsets.slice(2).reduce((sum, s) => sum + s.weight, 0);
  if (others > 100) check.fail('shift(weight)', weight, `with the additional subsets the non-stable share would be ${others}%`, 'shift to a smaller weight');
  const [stable, canary, ...rest] = model.subsets;
  return { ...model, subsets: [{ ...stable, weight: 100 - others }, { ...canary, weight }, ...rest] };
}

function subsetPolicy(check: PropChecker, field: string, value: GrpcCanaryOptions['canaryTrafficPolicy'], service: MeshServiceModel): { trafficPolicy?: SubsetPolicyModel } {
  const trafficPolicy = resolveSubsetPolicy(check, field, value, service.trafficPolicy);
  return trafficPolicy ? { trafficPolicy } : {};
}
