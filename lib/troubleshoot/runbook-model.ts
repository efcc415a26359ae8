import { RunbookIndex } from './runbook-index';
import { isDns1123Label, isServiceName } from './runbook-names';
import { displaySafe } from './runbook-text';
import { describeValue } from '../core/errors';
import { KubeObject, objectRef } from '../core/kube-object';

/** A Service port Istio reads as gRPC or HTTP/2. */
export interface GrpcPort {
  readonly name?: string;
  readonly port: number;
  readonly targetPort?: number | string;
  readonly appProtocol?: string;
  readonly protocol: 'grpc' | 'http2';
}

/** A DestinationRule subset and the workloads its labels select. */
export interface SubsetModel {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly workloads: readonly WorkloadModel[];
}

/** A Deployment, StatefulSet or DaemonSet whose pods the Service selects. */
export interface WorkloadModel {
  readonly kind: string;
  readonly name: string;
  readonly replicas?: number;
  readonly labels: Readonly<Record<string, string>>;
}

/** One destination of a VirtualService HTTP route that points at the service. */
export interface RouteDestination {
  readonly subset?: string;
  readonly port?: number;
  /** Weight in percent; undefined when the route has one destination without a weight. */
  readonly weight?: number;
}

/** One VirtualService HTTP route with at least one destination at the service. */
export interface RouteModel {
  readonly name?: string;
  /** Human-readable match, `all calls` when the route has none. */
  readonly match: string;
  readonly timeout?: string;
  readonly retries?: { readonly attempts?: number; readonly perTryTimeout?: string; readonly retryOn?: string };
  readonly destinations: readonly RouteDestination[];
  /** Where the route copies calls to (`mirror`/`mirrorPercentage`, or `mirrors`); responses of copies are dropped. */
  readonly mirrors: readonly MirrorModel[];
}

/** One mirror target of a route. */
export interface MirrorModel {
  readonly host: string;
  readonly subset?: string;
  /** Percent of calls copied; undefined means Istio's default, all of them. */
  readonly percent?: number;
}

/** One rule of an AuthorizationPolicy, reduced to who may call what. */
export interface AuthorizationRuleModel {
  /** `principals`, `namespaces`, ... of `from[].source`, as `field: a, b`; empty: any caller. */
  readonly from: readonly string[];
  /** `paths`, `notPaths`, `methods`, `ports` of `to[].operation`; empty: every method. */
  readonly to: readonly string[];
  /** How many `when` conditions the rule also has. */
  readonly conditions: number;
}

/** An AuthorizationPolicy whose selector picks the service's pods (or the whole namespace). */
export interface AuthorizationPolicyModel {
  readonly name: string;
  readonly namespace: string;
  /** `ALLOW` (the default), `DENY`, `AUDIT` or `CUSTOM`. */
  readonly action: string;
  /** Whether the policy has no selector (it applies to every workload of its namespace, or the mesh from the root namespace). */
  readonly namespaceWide: boolean;
  readonly rules: readonly AuthorizationRuleModel[];
}

/** A VirtualService that routes to the service. */
export interface VirtualServiceModel {
  readonly name: string;
  readonly namespace: string;
  readonly hosts: readonly string[];
  /** Gateways as written (`mesh` when none are listed). */
  readonly gateways: readonly string[];
  readonly routes: readonly RouteModel[];
}

/** A Gateway a VirtualService binds to. */
export interface GatewayModel {
  /** `namespace/name`. */
  readonly ref: string;
  /** Whether the Gateway object is among the manifests. */
  readonly found: boolean;
  readonly servers: ReadonlyArray<{ readonly port?: number; readonly protocol?: string; readonly hosts: readonly string[] }>;
}

/** Everything a runbook names for one gRPC Service. */
export interface ServiceRunbookModel {
  readonly name: string;
  readonly namespace: string;
  readonly fqdn: string;
  readonly ports: readonly GrpcPort[];
  readonly selector: Readonly<Record<string, string>>;
  readonly destinationRule?: { readonly name: string; readonly trafficPolicy: Record<string, any>; readonly subsets: readonly SubsetModel[] };
  readonly virtualServices: readonly VirtualServiceModel[];
  readonly gateways: readonly GatewayModel[];
  /** Workloads the Service selector matches. */
  readonly workloads: readonly WorkloadModel[];
  /** AuthorizationPolicies that apply to the service's pods. */
  readonly authorizationPolicies: readonly AuthorizationPolicyModel[];
  /** Problems visible in the manifests alone. */
  readonly warnings: readonly string[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** The port as Istio reads it: `grpc`/`grpc-*`, `http2`/`http2-*`, or appProtocol grpc/http2/h2c. */
export function grpcPortProtocol(port: { name?: unknown; appProtocol?: unknown }): 'grpc' | 'http2' | undefined {
  const app = typeof port.appProtocol === 'string' ? port.appProtocol.toLowerCase() : undefined;
  if (app === 'grpc' || app === 'grpc-web') return 'grpc';
  if (app === 'http2' || app === 'kubernetes.io/h2c') return 'http2';
  if (app) return undefined;
  const name = typeof port.name === 'string' ? port.name.toLowerCase() : '';
  if (name === 'grpc' || name.startsWith('grpc-')) return 'grpc';
  if (name === 'http2' || name.startsWith('http2-')) return 'http2';
  return undefined;
}

/** Whether a host in a VirtualService or DestinationRule of namespace `objNs` names the service. */
export function hostNamesService(host: string, objNs: string, name: string, namespace: string): boolean {
  const h = host.toLowerCase();
  if (h === `${name}.${namespace}.svc.cluster.local` || h === `${name}.${namespace}.svc` || h === `${name}.${namespace}`) return true;
  return h === name && objNs === namespace;
}

/**
 * The gRPC Services among the objects, each with what refers to it. Sorted by namespace, then
 * name. Every string from the objects is made display-safe first (control characters and
 * Markdown escaped), and Services whose name or namespace is no valid DNS label are left out
 * (`refusedServices` says which): their names would reach file names and command lines.
 */
export function buildRunbookModels(objects: readonly KubeObject[]): ServiceRunbookModel[] {
  const safe = objects.map((o) => displaySafe(o)).filter(isKubeObject);
  const index = new RunbookIndex(safe);
  const seen = new Set<string>();
  return safe
    .filter((o) => isGrpcService(o) && hasValidNames(o))
    .filter((o) => {
      const key = `${nsOf(o)}/${o.metadata.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((svc) => buildModel(svc, servicePorts(svc), index))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/**
 * Why gRPC Services among the objects get no runbook: a name or namespace that is not a DNS
 * label (the API server refuses them; they would reach file names and shell commands), or a
 * second definition of the same Service. One sentence each.
 */
export function refusedServices(objects: readonly KubeObject[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const o of objects) {
    if (!isKubeObject(o) || !isGrpcService(o)) continue;
    const name: unknown = o.metadata.name;
    const namespace: unknown = o.metadata.namespace ?? 'default';
    if (typeof name !== 'string' || !isServiceName(name)) {
      out.push(`Service ${describeValue(name)} skipped: a Service name must be a DNS-1035 label (lower-case letters, digits and '-', a letter first, at most 63 characters)`);
    } else if (typeof namespace !== 'string' || !isDns1123Label(namespace)) {
      out.push(`Service ${describeValue(name)} skipped: namespace ${describeValue(namespace)} is not a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)`);
    } else if (seen.has(`${namespace}/${name}`)) {
      out.push(`Service ${namespace}/${name} skipped: defined more than once; the runbook describes the first`);
    } else {
      seen.add(`${namespace}/${name}`);
    }
  }
  return out;
}

/** Services among the objects that Istio would not read as gRPC, as `Kind ns/name` references. */
export function nonGrpcServices(objects: readonly KubeObject[]): string[] {
  return objects.map((o) => displaySafe(o)).filter((o) => isKubeObject(o) && o.kind === 'Service' && servicePorts(o).length === 0).map((o) => objectRef(o));
}

function isKubeObject(o: unknown): o is KubeObject {
  const v = o as Record<string, any> | null;
  return v !== null && typeof v === 'object' && typeof v.kind === 'string' && v.metadata !== null && typeof v.metadata === 'object'
    && typeof v.metadata.name === 'string';
}

function isGrpcService(o: KubeObject): boolean {
  return o.kind === 'Service' && (o.apiVersion === 'v1' || o.apiVersion === undefined) && servicePorts(o).length > 0;
}

function hasValidNames(o: KubeObject): boolean {
  return isServiceName(o.metadata.name) && isDns1123Label(nsOf(o));
}

function servicePorts(svc: KubeObject): GrpcPort[] {
  const ports = (svc.spec as any)?.ports;
  if (!Array.isArray(ports)) return [];
  return ports.flatMap((p) => {
    if (p === null || typeof p !== 'object') return [];
    const protocol = grpcPortProtocol(p);
    const port = Number(p.port);
    // A port that is no number from 1 to 65535 never serves; it would only reach commands as garbage.
    if (!protocol || !Number.isInteger(port) || port < 1 || port > 65535) return [];
    return [{ name: p.name, port, targetPort: p.targetPort, appProtocol: p.appProtocol, protocol }];
  });
}

function nsOf(o: KubeObject): string {
  return o.metadata?.namespace ?? 'default';
}

function buildModel(svc: KubeObject, ports: GrpcPort[], index: RunbookIndex): ServiceRunbookModel {
  const name = svc.metadata.name;
  const namespace = nsOf(svc);
  const selector: Record<string, string> = (svc.spec as any)?.selector ?? {};
  const names = (o: KubeObject, host: unknown) => typeof host === 'string' && hostNamesService(host, nsOf(o), name, namespace);
  const warnings: string[] = [];

  const workloads = index.workloadCandidates(namespace, selector)
    .filter((o) => WORKLOAD_KINDS.has(o.kind) && nsOf(o) === namespace)
    .map((o) => {
      const spec = (o.spec ?? {}) as any;
      return { kind: o.kind, name: o.metadata.name, replicas: spec.replicas, labels: spec.template?.metadata?.labels ?? {} };
    })
    .filter((w) => Object.keys(selector).length > 0 && labelsMatch(w.labels, selector));

  const drs = index.destinationRuleCandidates(namespace, name).filter((o) => o.kind === 'DestinationRule' && names(o, (o.spec as any)?.host));
  if (drs.length > 1) warnings.push(`${drs.length} DestinationRules (${drs.map((d) => d.metadata.name).join(', ')}) target this host; Istio does not merge them reliably. Keep one.`);
  const dr = drs[0];
  const subsets: SubsetModel[] = ((dr?.spec as any)?.subsets ?? []).map((s: any) => {
    const labels = s.labels ?? {};
    const matching = workloads.filter((w) => labelsMatch(w.labels, labels));
    if (matching.length === 0) warnings.push(`Subset "${s.name}" (${formatLabels(labels)}) selects no workload in these manifests: calls routed to it fail with UH.`);
    return { name: s.name, labels, workloads: matching };
  });

  const virtualServices = index.virtualServiceCandidates(namespace, name)
    .filter((o) => o.kind === 'VirtualService')
    .map((o) => virtualServiceModel(o, (host) => names(o, host)))
    .filter((vs): vs is VirtualServiceModel => vs !== undefined);
  for (const vs of virtualServices) {
    for (const d of vs.routes.flatMap((r) => r.destinations)) {
      if (d.subset && !subsets.some((s) => s.name === d.subset)) {
        warnings.push(`VirtualService "${vs.name}" routes to subset "${d.subset}", which no DestinationRule defines: those calls fail with NC (istioctl analyze: IST0101).`);
      }
    }
  }
  const gateways = uniq(virtualServices.flatMap((vs) => vs.gateways.filter((g) => g !== 'mesh').map((g) => (g.includes('/') ? g : `${vs.namespace}/${g}`))))
    .map((ref) => gatewayModel(ref, index));
  if (workloads.length === 0) warnings.push(`No Deployment, StatefulSet or DaemonSet in these manifests matches the Service selector (${formatLabels(selector)}).`);
  for (const s of subsets) {
    if (typeof s.name !== 'string' || !isDns1123Label(s.name)) warnings.push(`Subset "${s.name}" is not a DNS-1123 label: Istio refuses the DestinationRule, and the runbook leaves it out of its commands.`);
  }
  const authorizationPolicies = index.policyCandidates(namespace, [selector, ...workloads.map((w) => w.labels)])
    .filter((o) => o.kind === 'AuthorizationPolicy' && o.apiVersion?.startsWith('security.istio.io/'))
    .filter((o) => policyApplies(o, namespace, selector, workloads))
    .map(authorizationPolicyModel);

  return {
    name,
    namespace,
    fqdn: `${name}.${namespace}.svc.cluster.local`,
    ports,
    selector,
    ...(dr ? { destinationRule: { name: dr.metadata.name, trafficPolicy: (dr.spec as any)?.trafficPolicy ?? {}, subsets } } : {}),
    virtualServices,
    gateways,
    workloads,
    authorizationPolicies,
    warnings: uniq(warnings),
  };
}

function virtualServiceModel(vs: KubeObject, namesService: (host: unknown) => boolean): VirtualServiceModel | undefined {
  const spec = (vs.spec ?? {}) as any;
  const routes: RouteModel[] = ((spec.http ?? []) as any[]).flatMap((http) => {
    const dests = ((http.route ?? []) as any[]).filter((r) => namesService(r.destination?.host));
    if (dests.length === 0) return [];
    return [{
      ...(http.name ? { name: http.name } : {}),
      match: describeMatch(http.match),
      ...(http.timeout ? { timeout: http.timeout } : {}),
      ...(http.retries ? {
        retries: { attempts: http.retries.attempts, perTryTimeout: http.retries.perTryTimeout, retryOn: http.retries.retryOn },
      } : {}),
      mirrors: mirrorsOf(http),
      destinations: dests.map((r) => ({
        ...(r.destination.subset ? { subset: r.destination.subset } : {}),
        ...(r.destination.port?.number ? { port: r.destination.port.number } : {}),
        ...(r.weight !== undefined ? { weight: r.weight } : dests.length === 1 ? { weight: 100 } : {}),
      })),
    }];
  });
  if (routes.length === 0) return undefined;
  return { name: vs.metadata.name, namespace: nsOf(vs), hosts: spec.hosts ?? [], gateways: spec.gateways?.length ? spec.gateways : ['mesh'], routes };
}

/** `mirror` + `mirrorPercentage` (or the older `mirror_percent`), and the newer `mirrors` list. */
function mirrorsOf(http: any): MirrorModel[] {
  const out: MirrorModel[] = [];
  const add = (dest: any, percent: unknown) => {
    if (typeof dest?.host !== 'string') return;
    out.push({ host: dest.host, ...(typeof dest.subset === 'string' ? { subset: dest.subset } : {}), ...(typeof percent === 'number' ? { percent } : {}) });
  };
  if (http.mirror) add(http.mirror, http.mirrorPercentage?.value ?? http.mirrorPercent ?? http.mirror_percent);
  if (Array.isArray(http.mirrors)) for (const m of http.mirrors) add(m?.destination, m?.percentage?.value);
  return out;
}

/**
 * Whether an AuthorizationPolicy applies to the service's pods: in the service's namespace (or
 * Istio's root namespace, istio-system, mesh-wide) and with no selector, or a selector whose
 * labels the Service selector or a selected workload's pods carry.
 */
function policyApplies(
  policy: KubeObject, namespace: string, selector: Readonly<Record<string, string>>, workloads: readonly WorkloadModel[],
): boolean {
  const ns = nsOf(policy);
  const spec = (policy.spec ?? {}) as any;
  const match = spec.selector?.matchLabels;
  const hasSelector = match && typeof match === 'object' && Object.keys(match).length > 0;
  if (ns === 'istio-system' && !hasSelector) return true;
  if (ns !== namespace) return false;
  if (!hasSelector) return true;
  return labelsMatch(selector, match) || workloads.some((w) => labelsMatch(w.labels, match));
}

function authorizationPolicyModel(policy: KubeObject): AuthorizationPolicyModel {
  const spec = (policy.spec ?? {}) as any;
  const match = spec.selector?.matchLabels;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const fields = (obj: any, names: readonly string[]) => names
    .filter((n) => Array.isArray(obj?.[n]) && obj[n].length > 0)
    .map((n) => `${n}: ${obj[n].map(String).join(', ')}`);
  const rules = list(spec.rules).map((r: any) => ({
    from: list(r?.from).flatMap((f: any) => fields(f?.source, ['principals', 'notPrincipals', 'namespaces', 'notNamespaces', 'requestPrincipals', 'notRequestPrincipals', 'ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks'])),
    to: list(r?.to).flatMap((t: any) => fields(t?.operation, ['paths', 'notPaths', 'methods', 'notMethods', 'ports', 'notPorts', 'hosts', 'notHosts'])),
    conditions: list(r?.when).length,
  }));
  return {
    name: policy.metadata.name,
    namespace: nsOf(policy),
    action: typeof spec.action === 'string' ? spec.action : 'ALLOW',
    namespaceWide: !(match && typeof match === 'object' && Object.keys(match).length > 0),
    rules,
  };
}

function describeMatch(matches: any[] | undefined): string {
  if (!matches?.length) return 'all calls';
  return matches.map((m) => {
    const parts: string[] = [];
    for (const kind of ['exact', 'prefix', 'regex']) if (m.uri?.[kind] !== undefined) parts.push(`uri ${kind} ${m.uri[kind]}`);
    for (const [header, v] of Object.entries(m.headers ?? {})) parts.push(`header ${header} ${Object.entries(v as object).map(([k, x]) => `${k} ${x}`).join(' ')}`);
    if (m.port) parts.push(`port ${m.port}`);
    return parts.join(' and ') || 'all calls';
  }).join(' or ');
}

function gatewayModel(ref: string, index: RunbookIndex): GatewayModel {
  const gw = index.gateway(ref);
  const servers = (((gw?.spec as any)?.servers ?? []) as any[])
    .map((s) => ({ port: s.port?.number, protocol: s.port?.protocol, hosts: s.hosts ?? [] }));
  return { ref, found: gw !== undefined, servers };
}

/** Whether `labels` carries every key/value of `selector`. */
export function labelsMatch(labels: Readonly<Record<string, string>>, selector: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** `a=b,c=d`. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',') || '(none)';
}

function uniq<T>(items: T[]): T[] {
  return [...new Set(items)];
}
