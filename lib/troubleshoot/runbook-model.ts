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
  /** Problems visible in the manifests alone. */
  readonly warnings: readonly string[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** The port as Istio reads it: `grpc`/`grpc-*`, `http2`/`http2-*`, or appProtocol grpc/http2/h2c. */
export function grpcPortProtocol(port: { name?: string; appProtocol?: string }): 'grpc' | 'http2' | undefined {
  const app = port.appProtocol?.toLowerCase();
  if (app === 'grpc' || app === 'grpc-web') return 'grpc';
  if (app === 'http2' || app === 'kubernetes.io/h2c') return 'http2';
  if (app) return undefined;
  const name = port.name?.toLowerCase() ?? '';
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

/** The gRPC Services among the objects, each with what refers to it. Sorted by namespace, then name. */
export function buildRunbookModels(objects: readonly KubeObject[]): ServiceRunbookModel[] {
  return objects
    .filter((o) => o.kind === 'Service' && (o.apiVersion === 'v1' || o.apiVersion === undefined))
    .map((svc) => ({ svc, ports: servicePorts(svc) }))
    .filter((x) => x.ports.length > 0)
    .map(({ svc, ports }) => buildModel(svc, ports, objects))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/** Services among the objects that Istio would not read as gRPC, as `Kind ns/name` references. */
export function nonGrpcServices(objects: readonly KubeObject[]): string[] {
  return objects.filter((o) => o.kind === 'Service' && servicePorts(o).length === 0).map((o) => objectRef(o));
}

function servicePorts(svc: KubeObject): GrpcPort[] {
  const ports = ((svc.spec as any)?.ports ?? []) as any[];
  return ports.flatMap((p) => {
    const protocol = grpcPortProtocol(p);
    return protocol ? [{ name: p.name, port: Number(p.port), targetPort: p.targetPort, appProtocol: p.appProtocol, protocol }] : [];
  });
}

function nsOf(o: KubeObject): string {
  return o.metadata?.namespace ?? 'default';
}

function buildModel(svc: KubeObject, ports: GrpcPort[], objects: readonly KubeObject[]): ServiceRunbookModel {
  const name = svc.metadata.name;
  const namespace = nsOf(svc);
  const selector: Record<string, string> = (svc.spec as any)?.selector ?? {};
  const names = (o: KubeObject, host: unknown) => typeof host === 'string' && hostNamesService(host, nsOf(o), name, namespace);
  const warnings: string[] = [];

  const workloads = objects
    .filter((o) => WORKLOAD_KINDS.has(o.kind) && nsOf(o) === namespace)
    .map((o) => {
      const spec = (o.spec ?? {}) as any;
      return { kind: o.kind, name: o.metadata.name, replicas: spec.replicas, labels: spec.template?.metadata?.labels ?? {} };
    })
    .filter((w) => Object.keys(selector).length > 0 && labelsMatch(w.labels, selector));

  const drs = objects.filter((o) => o.kind === 'DestinationRule' && names(o, (o.spec as any)?.host));
  if (drs.length > 1) warnings.push(`${drs.length} DestinationRules (${drs.map((d) => d.metadata.name).join(', ')}) target this host; Istio does not merge them reliably. Keep one.`);
  const dr = drs[0];
  const subsets: SubsetModel[] = ((dr?.spec as any)?.subsets ?? []).map((s: any) => {
    const labels = s.labels ?? {};
    const matching = workloads.filter((w) => labelsMatch(w.labels, labels));
    if (matching.length === 0) warnings.push(`Subset "${s.name}" (${formatLabels(labels)}) selects no workload in these manifests: calls routed to it fail with UH.`);
    return { name: s.name, labels, workloads: matching };
  });

  const virtualServices = objects
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
    .map((ref) => gatewayModel(ref, objects));
  if (workloads.length === 0) warnings.push(`No Deployment, StatefulSet or DaemonSet in these manifests matches the Service selector (${formatLabels(selector)}).`);

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

function gatewayModel(ref: string, objects: readonly KubeObject[]): GatewayModel {
  const [ns, name] = ref.split('/');
  const gw = objects.find((o) => o.kind === 'Gateway' && o.apiVersion.startsWith('networking.istio.io') && o.metadata.name === name && nsOf(o) === ns);
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
