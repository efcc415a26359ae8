import { AmbientModel } from './ambient/resolve-ambient';
import { SubsetChange } from './apply-order';
import { MeshMode } from './mesh-mode';
import { ServiceProtocol } from './mesh-service-props';
import { Idempotency, StreamingKind } from './method';
import { PropWarning } from './prop-warnings';
import { FaultModel } from './resolve-fault-injection';
import { LoadBalancingModel } from './resolve-load-balancing';
import { MirrorModel } from './resolve-mirrors';

/** A retry policy in Istio's field form (`retries` of an HTTP route). */
export interface RenderedRetries {
  readonly attempts: number;
  readonly perTryTimeout?: string;
  readonly retryOn?: string;
  readonly backoff?: string;
  readonly retryRemoteLocalities?: boolean;
  readonly retryIgnorePreviousHosts?: boolean;
}

/** One HTTP route of the service's VirtualService, resolved. */
export interface RouteModel {
  /** Route name, shown as ROUTE_NAME in access logs. */
  readonly name: string;
  /** `/package.Service/Method` for a method route; undefined for the service-wide route. */
  readonly methodPath?: string;
  readonly idempotency: Idempotency;
  readonly streaming: StreamingKind;
  readonly timeout?: string;
  readonly retries: RenderedRetries;
  readonly allowedPrincipals: readonly string[];
  readonly allowedNamespaces: readonly string[];
}

/** The Deployment to create, resolved. */
export interface WorkloadModel {
  readonly image: string;
  readonly replicas: number;
  readonly version: string;
  readonly serviceAccountName: string;
  readonly env: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
  /** CPU and memory requests and limits, as quantities. */
  readonly resources: { readonly requests: Record<string, string>; readonly limits: Record<string, string> };
  readonly grpcHealthProbe: boolean;
  /** Mount the root filesystem read-only (a writable emptyDir at /tmp). */
  readonly readOnlyRootFilesystem: boolean;
  /** UID the containers run as, when set. */
  readonly runAsUser?: number;
  /** Pod template labels: the selector plus `version`. */
  readonly podLabels: Readonly<Record<string, string>>;
}

/** `trafficPolicy` of the DestinationRule, in Istio's field form. */
export interface TrafficPolicyModel extends LoadBalancingModel {
  readonly loadBalancer?: string;
  readonly tlsMode: string;
  readonly connectionPool?: {
    readonly tcp?: {
      readonly maxConnections?: number;
      readonly connectTimeout?: string;
      readonly maxConnectionDuration?: string;
      readonly tcpKeepalive?: { readonly time: string; readonly interval: string; readonly probes: number };
    };
    readonly http?: {
      readonly http2MaxRequests?: number;
      readonly maxRequestsPerConnection?: number;
      readonly maxConcurrentStreams?: number;
      readonly idleTimeout?: string;
      readonly h2UpgradePolicy?: string;
      readonly maxRetries?: number;
      readonly http2KeepAlive?: { readonly interval: string; readonly timeout: string };
    };
  };
  readonly outlierDetection?: {
    readonly consecutiveGatewayErrors?: number;
    readonly consecutive5xxErrors?: number;
    readonly interval: string;
    readonly baseEjectionTime: string;
    readonly maxEjectionPercent: number;
  };
}

/**
 * Everything `GrpcMeshService` renders, with defaults applied and every prop checked. The
 * renderers turn it into manifests; canary, ingress and security features read it too.
 */
export interface MeshServiceModel {
  /** Path of the construct or component, used in error messages. */
  readonly constructPath: string;
  readonly name: string;
  readonly namespace: string;
  /** `<name>.<namespace>.svc.cluster.local` */
  readonly fqdn: string;
  readonly port: number;
  readonly targetPort: number;
  readonly protocol: ServiceProtocol;
  readonly portName: string;
  readonly headless: boolean;
  /** Labels the Service selects. */
  readonly selector: Readonly<Record<string, string>>;
  readonly workload?: WorkloadModel;
  /** Method routes first (exact matches), the service-wide route last. */
  readonly routes: readonly RouteModel[];
  /** `dangerouslyAllowRetriesOnNonIdempotentMethods` was set: duplicates are accepted. */
  readonly retriesOnNonIdempotentAccepted?: boolean;
  readonly trafficPolicy: TrafficPolicyModel;
  /** Things that are allowed but probably not what the user wants. */
  readonly warnings: readonly PropWarning[];
  /** Inbound mTLS mode; INHERIT renders no PeerAuthentication. */
  readonly mtls: string;
  /** Access logging, when enabled. */
  readonly accessLog?: { readonly filter?: string };
  /** The `grpc_method` metric label, when enabled: the declared method paths it may hold. */
  readonly methodMetrics?: { readonly paths: readonly string[] };
  /** How the pods shut down, when the lifecycle profile is set. */
  readonly lifecycle?: LifecycleModel;
  /** The gRPC server's declared keepalive, as Istio duration text (the annotation lint reads). */
  readonly serverKeepalive?: Readonly<Record<string, string>>;
  /** Mirror destinations of every route (`mirrors[]`). */
  readonly mirrors?: readonly MirrorModel[];
  /** Fault injection, when set. */
  readonly fault?: FaultModel;
  /** The subset change the apply-order hints are for; undefined: decided by whether there are subsets. */
  readonly subsetChange?: SubsetChange;
  /** Routing API and data plane: which renderers turn this model into objects. */
  readonly mode: MeshMode;
  /** Ambient mode (dataPlane AMBIENT): the waypoint, when the service has one. */
  readonly ambient?: AmbientModel;
}

/** The lifecycle profile, resolved: what the pod template and routes get. */
export interface LifecycleModel {
  /** Istio duration text, when declared. */
  readonly maxStreamDuration?: string;
  readonly preStopSeconds: number;
  readonly preStopAction: string;
  /** `terminationDrainDuration`, Istio duration text. */
  readonly drainDuration: string;
  readonly exitOnZeroActiveConnections: boolean;
  readonly terminationGracePeriodSeconds: number;
}

/** Names of the objects a mesh service renders; set explicitly because objects refer to each other. */
export function meshObjectNames(model: Pick<MeshServiceModel, 'name'>) {
  return {
    service: model.name,
    deployment: model.name,
    serviceAccount: model.name,
    destinationRule: model.name,
    virtualService: model.name,
  };
}
