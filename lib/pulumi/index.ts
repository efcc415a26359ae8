// Pulumi components on the shared core: `import { GrpcMeshService } from 'istio-grpc/pulumi'`.
// First: what loads next compiles from the package's code cache.
import '../code-cache/enable';
export * from './grpc-canary';
export * from './grpc-ingress';
export * from './grpc-mesh-service';
export * from './grpc-mesh-service-args';
export * from './grpc-service-monitoring';
export * from './kube-resource';
export * from './validate';
export { IstioGrpcError } from '../core/errors';
export type { InputProblem } from '../core/errors';

// The value types the args use (Duration, RetryOn, Idempotency, ...), so one import suffices.
export * from '../core/duration';
export * from '../core/method';
export * from '../core/mesh-service-props';
export { RoutingApi, DataPlane } from '../core/mesh-mode';
export * from '../core/retry';
export * from '../core/traffic-policy';
export * from '../core/stream-lifecycle';
export * from '../core/load-balancing';
export * from '../core/subset-policy';
export * from '../core/fault-injection';
export * from '../core/mirror';
export * from '../core/apply-order';
export * from '../core/security';
export * from '../core/canary/canary-props';
export * from '../core/canary/analysis-props';
export * from '../core/observability/grpc-status';
export * from '../core/observability/monitoring-props';
export * from '../core/ingress/ingress-props';
export * from '../core/proto/from-proto-props';
