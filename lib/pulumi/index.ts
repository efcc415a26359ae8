// Pulumi components on the shared core: `import { GrpcMeshService } from 'istio-grpc/pulumi'`.
export * from './grpc-canary';
export * from './grpc-ingress';
export * from './grpc-mesh-service';
export * from './grpc-mesh-service-args';
export * from './kube-resource';
export * from './validate';
export { IstioGrpcError } from '../core/errors';
export type { InputProblem } from '../core/errors';

// The value types the args use (Duration, RetryOn, Idempotency, ...), so one import suffices.
export * from '../core/duration';
export * from '../core/method';
export * from '../core/mesh-service-props';
export * from '../core/retry';
export * from '../core/traffic-policy';
export * from '../core/stream-lifecycle';
export * from '../core/security';
export * from '../core/canary/canary-props';
export * from '../core/ingress/ingress-props';
export * from '../core/proto/from-proto-props';
