import { ApiObject, Chart, Lazy } from 'cdk8s';
import type { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { reportPropWarnings, validateOnSynth } from './chart-validation';
import { applyOrder } from './core/apply-order';
import { k8sClasses } from './k8s-classes';
import { Gateway, GrpcRoute } from '../imports/gateway.networking.k8s.io';
import { DestinationRule, VirtualService } from '../imports/networking.istio.io';
import { AuthorizationPolicy, PeerAuthentication } from '../imports/security.istio.io';
import { Telemetry } from '../imports/telemetry.istio.io';
import { KubeObject } from './core/kube-object';
import { withMeshModeDefaults } from './core/mesh-mode-defaults';
import { MeshServiceModel } from './core/mesh-service-model';
import { GrpcMeshServiceProps } from './core/mesh-service-props';
import { propWarningFinding } from './core/prop-warnings';
import { meshServicePropsFromProto } from './core/proto/from-proto';
import { GrpcMeshServiceFromProtoProps } from './core/proto/from-proto-props';
import { SubsetModel } from './core/render/istio/destination-rule';
import { RoutingOptions } from './core/render/istio/virtual-service';
import {
  meshServiceManifests, MeshServiceExtensions, MeshServiceFixedRendering, MeshServiceRoutingRendering,
  renderMeshServiceFixed, renderMeshServiceRouting, renderMeshServiceRoutingMetadata, withRouting,
} from './core/render/mesh-service';
import { resolveMeshService } from './core/resolve-mesh-service';
import { renderRunbooks } from './troubleshoot/runbook';
import { formatFinding } from './validate/engine';

/**
 * A gRPC service made correct on Istio: a Service Istio reads as gRPC, a DestinationRule with
 * mTLS, per-request load balancing, an HTTP/2 pool and outlier detection, and a VirtualService
 * with per-method routes, timeouts and idempotency-safe retries. Optionally the Deployment too.
 * With `routingApi: RoutingApi.GATEWAY_API` a GRPCRoute (the Service as parent) takes the
 * VirtualService's place, and props it cannot carry are refused.
 *
 * Every object is a public field (escape hatch: `ApiObject.of(...)`, `addJsonPatch`). The
 * namespace defaults to the enclosing Chart's `namespace`, else `default`.
 *
 * @example
 * const chart = new Chart(app, 'users', { namespace: 'accounts' });
 * new GrpcMeshService(chart, 'Users', {
 *   name: 'users',
 *   protoService: 'users.v1.UserService',
 *   timeout: Duration.seconds(10),
 *   methods: [
 *     { name: 'GetUser', idempotency: Idempotency.NO_SIDE_EFFECTS, retries: { attempts: 3, retryOn: [RetryOn.UNAVAILABLE] } },
 *     { name: 'CreateUser', idempotency: Idempotency.NON_IDEMPOTENT },
 *   ],
 *   workload: { image: 'ghcr.io/acme/users:2.3.1' },
 * });
 */
export class GrpcMeshService extends Construct {
  /**
   * A GrpcMeshService whose methods come from a .proto service: a route per method, retries only
   * where `option idempotency_level` says NO_SIDE_EFFECTS or IDEMPOTENT, stream-appropriate
   * defaults for streaming methods, then `methodOverrides` by method name.
   */
  public static fromProto(scope: Construct, id: string, props: GrpcMeshServiceFromProtoProps): GrpcMeshService {
    const path = scope.node.path ? `${scope.node.path}/${id}` : id;
    return new GrpcMeshService(scope, id, meshServicePropsFromProto(path, props));
  }

  /** The Kubernetes Service. */
  public readonly service: k8s.KubeService;
  /** The Deployment, when `workload` is set. */
  public readonly deployment?: k8s.KubeDeployment;
  /** The ServiceAccount the Deployment runs as, when `workload` is set. */
  public readonly serviceAccount?: k8s.KubeServiceAccount;
  /** The DestinationRule for the service host. */
  public readonly destinationRule: DestinationRule;
  /**
   * The VirtualService that owns the service host, on RoutingApi.ISTIO (absent on GATEWAY_API,
   * and in ambient mode without a waypoint, where nothing would apply its routes).
   */
  public readonly virtualService?: VirtualService;
  /**
   * The GRPCRoute that owns the service's mesh traffic, with the Service as its parent (GAMMA),
   * on RoutingApi.GATEWAY_API (absent on ISTIO, and in ambient mode without a waypoint).
   */
  public readonly grpcRoute?: GrpcRoute;
  /**
   * Ambient mode: the service's own waypoint proxy (a Gateway of class `istio-waypoint`), when
   * it needs one and does not use `sharedWaypoint`.
   */
  public readonly waypoint?: Gateway;
  /**
   * On RoutingApi.GATEWAY_API with a canary: one Service per subset (`<service>-<subset>`, e.g.
   * `users-stable`), the GRPCRoute's weighted backends. Empty otherwise (Istio routing uses
   * DestinationRule subsets).
   */
  public readonly subsetServices: k8s.KubeService[] = [];
  /**
   * On RoutingApi.GATEWAY_API with a canary: the DestinationRule of each per-subset Service,
   * carrying the service's traffic policy with the subset's own fields. Empty otherwise.
   */
  public readonly subsetDestinationRules: DestinationRule[] = [];
  /** Inbound mTLS for the pods, unless `mtls` is INHERIT. */
  public readonly peerAuthentication?: PeerAuthentication;
  /** The ALLOW policy, when callers are restricted (behind a waypoint: for the Service, at the waypoint). */
  public readonly authorizationPolicy?: AuthorizationPolicy;
  /**
   * Ambient mode behind a waypoint, callers restricted: the pods' ALLOW policy admitting only the
   * waypoint, so callers cannot skip it by dialling a pod.
   */
  public readonly waypointOnlyPolicy?: AuthorizationPolicy;
  /** Access logging, when `accessLogs` is set. */
  public readonly telemetry?: Telemetry;
  /** Service name. */
  public readonly serviceName: string;
  /** Namespace of every object. */
  public readonly namespace: string;
  /** `<name>.<namespace>.svc.cluster.local` */
  public readonly fqdn: string;
  /** Service port. */
  public readonly port: number;
  /**
   * Props that are allowed but probably not wanted (e.g. IGR5001 headless Service), one line each
   * as synth prints them on stderr: `[path] warning CODE Kind ns/name: field: message`.
   */
  public readonly warnings: string[];

  /** @internal the resolved model other constructs (canary, ingress) build on */
  public readonly _model: MeshServiceModel;
  private subsets: SubsetModel[] = [];
  private routing: RoutingOptions = {};
  /** What features never change, rendered once. */
  private readonly fixed: MeshServiceFixedRendering;
  /** The routing objects for the current subsets and routing; cleared when a feature changes them. */
  private routingRendering?: MeshServiceRoutingRendering;
  private readonly extensionListeners: (() => void)[] = [];

  constructor(scope: Construct, id: string, props: GrpcMeshServiceProps) {
    super(scope, id);
    this._model = resolveMeshService(this.node.path, withMeshModeDefaults(withChartNamespace(this, props), (key) => this.node.tryGetContext(key)));
    this.serviceName = this._model.name;
    this.namespace = this._model.namespace;
    this.fqdn = this._model.fqdn;
    this.port = this._model.port;
    const serviceRef = { apiVersion: 'v1', kind: 'Service', namespace: this.namespace, name: this.serviceName };
    const warningFindings = this._model.warnings.map((w) => propWarningFinding(w, serviceRef));
    this.warnings = warningFindings.map((f) => `[${this.node.path}] ${formatFinding(f)}`);
    reportPropWarnings(this, () => warningFindings);

    this.fixed = renderMeshServiceFixed(this._model);
    const initial = this.fixed;
    this.service = new k8sClasses.KubeService(this, 'Service', initial.service);
    if (initial.serviceAccount && initial.deployment) {
      this.serviceAccount = new k8sClasses.KubeServiceAccount(this, 'ServiceAccount', initial.serviceAccount);
      this.deployment = new k8sClasses.KubeDeployment(this, 'Deployment', initial.deployment);
    }
    if (initial.waypoint) this.waypoint = new Gateway(this, 'Waypoint', initial.waypoint);
    // Subsets and routes can still change (a canary attaches later), so both specs render lazily,
    // once for the extensions the service ends up with.
    const routingMetadata = renderMeshServiceRoutingMetadata(this._model);
    this.destinationRule = new DestinationRule(this, 'DestinationRule', {
      metadata: routingMetadata.destinationRule,
      spec: Lazy.any({ produce: () => this.renderRouting().destinationRule.spec }),
    });
    if (routingMetadata.virtualService) {
      this.virtualService = new VirtualService(this, 'VirtualService', {
        metadata: routingMetadata.virtualService,
        spec: Lazy.any({ produce: () => this.renderRouting().virtualService!.spec }),
      });
    }
    if (routingMetadata.grpcRoute) {
      this.grpcRoute = new GrpcRoute(this, 'GRPCRoute', {
        metadata: routingMetadata.grpcRoute,
        spec: Lazy.any({ produce: () => this.renderRouting().grpcRoute!.spec }),
      });
    }
    if (initial.peerAuthentication) this.peerAuthentication = new PeerAuthentication(this, 'PeerAuthentication', initial.peerAuthentication);
    if (initial.authorizationPolicy) this.authorizationPolicy = new AuthorizationPolicy(this, 'AuthorizationPolicy', initial.authorizationPolicy);
    if (initial.waypointOnlyPolicy) this.waypointOnlyPolicy = new AuthorizationPolicy(this, 'WaypointOnlyPolicy', initial.waypointOnlyPolicy);
    if (initial.telemetry) this.telemetry = new Telemetry(this, 'Telemetry', initial.telemetry);
    validateOnSynth(this);
  }

  /**
   * The manifests of this service as `cdk8s synth` writes them (JSON form), including what
   * attached features such as a canary contributed.
   */
  public manifests(): any[] {
    const objects: KubeObject[] = meshServiceManifests(withRouting(this.fixed, this.renderRouting()));
    return objects;
  }

  /**
   * The Markdown runbook for this service's exact names: istioctl and kubectl commands with what
   * healthy output looks like, and a Mermaid diagram of its traffic (gateway, VirtualService,
   * subsets with weights, workloads), read from every object of the app (canaries and ingresses
   * included). `istio-grpc runbook dist/*.yaml` gives the same from synthesized files.
   */
  public runbook(): string {
    const objects = this.node.root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject).map((o) => o.toJson() as KubeObject);
    const found = renderRunbooks(objects).find((r) => r.serviceName === this.serviceName && r.namespace === this.namespace);
    return found ? found.markdown : '';
  }

  /** @internal used by GrpcCanary to attach subsets and weighted routing */
  public _extend(extensions: MeshServiceExtensions): void {
    this.routingRendering = undefined;
    if (extensions.subsets) {
      this.subsets = [...extensions.subsets];
      const order = applyOrder(this._model.subsetChange, this.subsets.length > 0);
      for (const [key, value] of Object.entries(order.destinationRule)) ApiObject.of(this.destinationRule).metadata.addAnnotation(key, value);
      this.annotateRoute(order.virtualService);
    }
    if (extensions.routing) {
      this.routing = extensions.routing;
      this.annotateRoute(extensions.routing.annotations ?? {});
    }
    this.addSubsetObjects();
    this.extensionListeners.forEach((listener) => listener());
  }

  /** @internal calls `listener` now and whenever a feature changes the subsets or routing */
  public _onExtend(listener: () => void): void {
    this.extensionListeners.push(listener);
    listener();
  }

  /** @internal the routing attached features set (a canary's subsets and weights) */
  public _routing(): RoutingOptions {
    return this.routing;
  }

  /** Adds annotations to the route object, when there is one (ambient without a waypoint has none). */
  private annotateRoute(annotations: Record<string, string>): void {
    const route = this.virtualService ?? this.grpcRoute;
    if (!route) return;
    for (const [key, value] of Object.entries(annotations)) ApiObject.of(route).metadata.addAnnotation(key, value);
  }

  /** Gateway API has no subsets: creates the per-subset Services (and their DestinationRules) once a canary names them. */
  private addSubsetObjects(): void {
    if (this.subsetServices.length) return;
    const rendering = this.renderRouting();
    for (const service of rendering.subsetServices ?? []) {
      this.subsetServices.push(new k8sClasses.KubeService(this, `Service-${service.metadata!.name}`, service));
    }
    for (const rule of rendering.subsetDestinationRules ?? []) {
      this.subsetDestinationRules.push(new DestinationRule(this, `DestinationRule-${rule.metadata!.name}`, rule));
    }
  }

  /** The routing objects for the current subsets and routing, rendered once per change (each lazy spec reads them). */
  private renderRouting(): MeshServiceRoutingRendering {
    this.routingRendering ??= renderMeshServiceRouting(this._model, { subsets: this.subsets, routing: this.routing });
    return this.routingRendering;
  }
}

/** The Chart's namespace is the default of `namespace`; an explicit prop wins. */
function withChartNamespace(scope: IConstruct, props: GrpcMeshServiceProps): GrpcMeshServiceProps {
  if (props === null || typeof props !== 'object' || props.namespace !== undefined) return props;
  const chart = [...scope.node.scopes].reverse().find((s): s is Chart => Chart.isChart(s));
  return chart?.namespace !== undefined ? { ...props, namespace: chart.namespace } : props;
}
