import { SubsetChange } from './apply-order';
import { Duration } from './duration';
import { FaultInjection } from './fault-injection';
import { ConsistentHash, LocalityLoadBalancing, RetryBudget, Warmup } from './load-balancing';
import { DataPlane, RoutingApi } from './mesh-mode';
import { GrpcMethodProps } from './method';
import { MirrorProps } from './mirror';
import { RetryPolicy } from './retry';
import { MtlsMode } from './security';
import { GrpcServerKeepalive, StreamLifecycle } from './stream-lifecycle';
import { ClientTlsMode, Http2ConnectionPool, LoadBalancer, OutlierDetection } from './traffic-policy';

/** The application protocol of the service port, which decides how Istio reads the traffic. */
export enum ServiceProtocol {
  /** gRPC over HTTP/2: port name `grpc`/`grpc-*`, `appProtocol: grpc`. */
  GRPC = 'grpc',
  /** HTTP/2 that is not gRPC: port name `http2`/`http2-*`, `appProtocol: http2`. */
  HTTP2 = 'http2',
}

/**
 * Container resources, as Kubernetes quantities (`250m`, `1`, `256Mi`). Every Deployment gets
 * requests and limits (Pod Security and most admission policies expect them); a value left out
 * is its default, moved to the given request or limit where the default would contradict it. Requests above limits, negative, zero or
 * malformed quantities are errors.
 */
export interface WorkloadResources {
  /** @default '100m' (or cpuLimit, when lower) */
  readonly cpuRequest?: string;
  /** @default '1' (or cpuRequest, when higher) */
  readonly cpuLimit?: string;
  /** @default '128Mi' (or memoryLimit, when lower) */
  readonly memoryRequest?: string;
  /** @default '512Mi' (or memoryRequest, when higher) */
  readonly memoryLimit?: string;
}

/** A Deployment for the service's pods, when the construct should create one. */
export interface GrpcWorkloadProps {
  /** Container image of the gRPC server. */
  readonly image: string;

  /**
   * Pod replicas.
   * @default 2
   */
  readonly replicas?: number;

  /**
   * Value of the pod's `version` label; DestinationRule subsets select on it.
   * @default 'v1'
   */
  readonly version?: string;

  /**
   * Environment variables of the server container.
   * @default - none
   */
  readonly env?: { [name: string]: string };

  /**
   * Container arguments.
   * @default - the image's default command
   */
  readonly args?: string[];

  /**
   * Container resources.
   * @default - requests 100m CPU and 128Mi memory, limits 1 CPU and 512Mi memory
   */
  readonly resources?: WorkloadResources;

  /**
   * Mount the server's root filesystem read-only, with a writable `emptyDir` at `/tmp`. Set false
   * only for servers that write elsewhere on their image's filesystem.
   * @default true
   */
  readonly readOnlyRootFilesystem?: boolean;

  /**
   * UID the server runs as. Pods always run with `runAsNonRoot: true`, so an image whose user is
   * root or a name (not a number) needs a UID here to start.
   * @default - the image's user, which must be a non-root UID
   */
  readonly runAsUser?: number;

  /**
   * Add a gRPC readiness probe (`grpc.health.v1.Health/Check`) on the target port. Only enable it
   * when the server implements the standard health service.
   * @default false
   */
  readonly grpcHealthProbe?: boolean;
}

/** Props of `GrpcMeshService`: one gRPC service made correct on Istio. */
export interface GrpcMeshServiceProps {
  /** Service name: a DNS-1123 label (lowercase letters, digits, `-`, at most 63 characters). */
  readonly name: string;

  /**
   * Namespace of every object. An explicit value wins over the enclosing cdk8s Chart's
   * `namespace`; the canary's Deployments and the ingress VirtualService follow the service.
   * @default - the enclosing cdk8s Chart's `namespace`, else 'default' (Pulumi: 'default')
   */
  readonly namespace?: string;

  /**
   * Service port clients call.
   * @default 50051
   */
  readonly port?: number;

  /**
   * Container port the server listens on.
   * @default - the same as `port`
   */
  readonly targetPort?: number;

  /**
   * Protocol of the port; decides the port name prefix and `appProtocol`.
   * @default ServiceProtocol.GRPC
   */
  readonly protocol?: ServiceProtocol;

  /**
   * Service port name. Istio only reads the port as gRPC when the name is `grpc` or starts with
   * `grpc-` (`http2`/`http2-` for HTTP/2); anything else is an error.
   * @default - 'grpc' (or 'http2' for ServiceProtocol.HTTP2)
   */
  readonly portName?: string;

  /**
   * Make the Service headless (`clusterIP: None`). Istio then forwards each connection to the pod
   * the client resolved, so gRPC calls are no longer balanced per request.
   * @default false
   */
  readonly headless?: boolean;

  /**
   * Pod labels the Service selects. With `workload` they are added to the pod template.
   * @default { app: name }
   */
  readonly selector?: { [key: string]: string };

  /**
   * Create a Deployment (and a ServiceAccount) for the server. Without it the Service binds to an
   * existing workload through `selector`. The pods meet Pod Security "restricted": non-root,
   * no privilege escalation, every capability dropped, the RuntimeDefault seccomp profile, a
   * read-only root filesystem, resource requests and limits, and no Kubernetes API token mounted
   * (the Istio sidecar mounts its own projected `istio-token`).
   * @default - no workload is created
   */
  readonly workload?: GrpcWorkloadProps;

  /**
   * Fully-qualified proto service (`package.Service`) that `methods` belong to by default.
   * @default - each method must name its `service`
   */
  readonly protoService?: string;

  /**
   * Methods that get their own exact-match route (`/package.Service/Method`) with their own
   * timeout and retries. Calls to other methods take the service-wide route.
   * @default - no per-method routes
   */
  readonly methods?: GrpcMethodProps[];

  /**
   * Route timeout for unary calls. gRPC clients usually send their own deadline (`grpc-timeout`).
   * @default - no route timeout
   */
  readonly timeout?: Duration;

  /**
   * Retries for the service-wide route, inherited by methods declared IDEMPOTENT or
   * NO_SIDE_EFFECTS. Refused when a method is declared NON_IDEMPOTENT, since its calls could be
   * run twice. Without it, routes retry only failures that never reached the server
   * (connect-failure, refused-stream, reset-before-request), overriding Istio's default policy,
   * which also retries `unavailable` and `cancelled`.
   * @default - pre-request retries only (2 attempts)
   */
  readonly retries?: RetryPolicy;

  /**
   * Allow retries that can run a non-idempotent method twice (duplicate orders, users, payments).
   * @default false
   */
  readonly dangerouslyAllowRetriesOnNonIdempotentMethods?: boolean;

  /**
   * States that this mesh's `meshConfig.defaultHttpRetryPolicy` is `{ attempts: 0 }`. With
   * `routingApi: GATEWAY_API` the GRPCRoute has no retry field, so Istio applies that mesh-wide
   * policy (else its built-in 2 retries on connect-failure, refused-stream, unavailable,
   * cancelled) to every route; methods not declared IDEMPOTENT or NO_SIDE_EFFECTS are refused
   * until this is set, as those retries could run them twice. Only valid with GATEWAY_API.
   * @default false
   */
  readonly meshDefaultRetriesDisabled?: boolean;

  /**
   * Load-balancing algorithm across the service's pods.
   * @default LoadBalancer.LEAST_REQUEST
   */
  readonly loadBalancer?: LoadBalancer;

  /**
   * HTTP/2 connection pool limits.
   * @default - Istio's defaults
   */
  readonly connectionPool?: Http2ConnectionPool;

  /**
   * Outlier detection.
   * @default - 5 consecutive gateway errors eject an endpoint for 30s, every 10s, at most 50%
   */
  readonly outlierDetection?: OutlierDetection;

  /**
   * TLS mode client sidecars use towards the service.
   * @default ClientTlsMode.ISTIO_MUTUAL
   */
  readonly clientTlsMode?: ClientTlsMode;

  /**
   * Inbound mTLS for the workload, as a PeerAuthentication selecting its pods.
   * @default MtlsMode.STRICT
   */
  readonly mtls?: MtlsMode;

  /**
   * Principals (e.g. `principalOf('web', 'frontend')`) allowed to call the methods that have no
   * `allowedPrincipals` of their own. Giving callers here or on any method renders an ALLOW
   * AuthorizationPolicy: every call that no rule allows is then denied.
   * @default - no restriction
   */
  readonly allowedPrincipals?: string[];

  /**
   * Namespaces whose workloads may call the methods that have no callers of their own.
   * @default - no restriction
   */
  readonly allowedNamespaces?: string[];

  /**
   * When some methods name their callers and the service-wide `allowedPrincipals` /
   * `allowedNamespaces` are not set, deny every other method (and undeclared methods) to every
   * caller. Without it that combination is an error, since a method would become unreachable by
   * accident. Empty caller lists (`[]`) are always an error: they cannot be expressed as an
   * ALLOW policy, and emitting no policy would let every caller in.
   * @default false
   */
  readonly denyUnlisted?: boolean;

  /**
   * Envoy access logs for the workload (a Telemetry resource with the `envoy` provider), so
   * response flags can be read with `istio-grpc logs`.
   * @default false
   */
  readonly accessLogs?: boolean;

  /**
   * CEL filter for the access logs, e.g. `response.code >= 400 || response.grpc_status != 0`.
   * @default - every request is logged
   */
  readonly accessLogFilter?: string;

  /**
   * Add the gRPC method as a `grpc_method` label to Istio's request count and duration metrics
   * on this service's pods (a Telemetry `tagOverrides` entry), for per-method dashboards, alerts
   * and canary analysis. The label holds the path of a declared method (`/package.Service/Method`)
   * and `other` for any other path, so callers cannot grow it. It multiplies the series of those
   * metrics: about methods x statuses seen x versions x pods x source workloads (the duration
   * histogram again x its buckets); 20 methods x 3 statuses x 2 versions x 10 pods is 1,200
   * request-count series per source workload instead of 60. Needs declared `methods`.
   * @default false
   */
  readonly methodMetrics?: boolean;

  /**
   * Shutdown profile for streaming services: preStop delay, the sidecar's drain
   * (`terminationDrainDuration`, `EXIT_ON_ZERO_ACTIVE_CONNECTIONS`) and the pod's
   * `terminationGracePeriodSeconds`, so rollouts let streams finish. Needs `workload`.
   * @default - Kubernetes' and Istio's defaults (30s grace, 5s drain, no preStop)
   */
  readonly lifecycle?: StreamLifecycle;

  /**
   * The gRPC server's own keepalive and connection-age settings. The pool's idle timeout and
   * max connection duration are derived from them, and they are written on the Service
   * (`istio-grpc.dev/server-keepalive`) for `istio-grpc lint`.
   * @default - not declared
   */
  readonly serverKeepalive?: GrpcServerKeepalive;

  /**
   * Consistent-hash load balancing (soft session affinity), e.g. on a gRPC metadata key. Replaces
   * `loadBalancer`; refused together with it and on a headless service.
   * @default - no hashing: `loadBalancer` decides
   */
  readonly consistentHash?: ConsistentHash;

  /**
   * Locality load balancing: weighted distribution, region failover or a failover priority.
   * Failover needs outlier detection, so it is refused when `outlierDetection` is disabled.
   * @default - the mesh-wide locality settings
   */
  readonly localityLbSetting?: LocalityLoadBalancing;

  /**
   * Slow start for new pods (`loadBalancer.warmup`); only with LEAST_REQUEST or ROUND_ROBIN.
   * @default - new pods get their full share at once
   */
  readonly warmup?: Warmup;

  /**
   * Cap on concurrent retries towards the service (`trafficPolicy.retryBudget`).
   * @default - Envoy's default budget (20% of active requests, at least 3)
   */
  readonly retryBudget?: RetryBudget;

  /**
   * Further copies of every call (fire-and-forget, responses discarded), e.g. to a shadow
   * deployment; a canary's `mirrorPercent` is added to them. Copies of non-idempotent calls run
   * their side effects again.
   * @default - no mirrors
   */
  readonly mirrors?: MirrorProps[];

  /**
   * Fault injection for resilience tests: abort calls with a gRPC status and/or delay them, for a
   * share of the calls. Refused without `fault.header` (which limits it to calls carrying a test
   * header) unless `dangerouslyAllowFaultsWithoutHeaderScope` is set.
   * @default - no faults
   */
  readonly fault?: FaultInjection;

  /**
   * Allow fault injection on every call of the routes it names, not only on calls carrying a
   * test header: real clients then get the injected errors and delays.
   * @default false
   */
  readonly dangerouslyAllowFaultsWithoutHeaderScope?: boolean;

  /**
   * Which way subsets are changing in this apply, for the apply-order hints (Argo CD sync waves,
   * Pulumi `dependsOn`): ADDING applies the DestinationRule before the VirtualService that routes
   * to new subsets; REMOVING applies the VirtualService (no longer routing to them) first.
   * @default - SubsetChange.ADDING when the service has subsets (a canary), else no hints
   */
  readonly subsetChange?: SubsetChange;

  /**
   * Which API carries the routing: Istio's VirtualService and subsets, or Gateway API (a GRPCRoute
   * with the Service as parent, per-version Services for a canary). Props Gateway API cannot
   * express are refused with the reason. The README has the mapping table.
   * @default - the app-wide `istio-grpc:routingApi` (cdk8s context, Pulumi config), else RoutingApi.ISTIO
   */
  readonly routingApi?: RoutingApi;

  /**
   * How the pods join the mesh: a sidecar per pod, or ambient mode (ztunnel, and a waypoint when
   * L7 features are used).
   * @default - the app-wide `istio-grpc:dataPlane` (cdk8s context, Pulumi config), else DataPlane.SIDECAR
   */
  readonly dataPlane?: DataPlane;
}
