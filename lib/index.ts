// First: what loads next compiles from the package's code cache.
import './code-cache/enable';
import { IstioGrpcError as CoreIstioGrpcError } from './core/errors';

// cdk8s constructs
export * from './grpc-mesh-service';
export * from './grpc-canary';
export * from './grpc-ingress';
export * from './grpc-service-monitoring';

// Validation and runbooks from code: classes for jsii languages, functions for TypeScript/JavaScript
export * from './validation';
export { validateObjects, errorsOf, formatFinding } from './validate/engine';
export type { Finding, ResourceRef, Severity } from './validate/finding';
export { renderRunbooks } from './troubleshoot/runbook';
export type { RenderedRunbook } from './troubleshoot/runbook';
export type { InputProblem } from './core/errors';
// jsii cannot describe a class extending Error, so the error class is exported as a value and a
// type: `catch (e) { if (e instanceof IstioGrpcError) ... }` works in TypeScript and JavaScript.
export const IstioGrpcError = CoreIstioGrpcError;
export type IstioGrpcError = CoreIstioGrpcError;

// Props and value types shared with the Pulumi components
export * from './core/duration';
export * from './core/method';
export * from './core/mesh-service-props';
export { RoutingApi, DataPlane } from './core/mesh-mode';
export * from './core/retry';
export * from './core/traffic-policy';
export * from './core/stream-lifecycle';
export * from './core/load-balancing';
export * from './core/subset-policy';
export * from './core/fault-injection';
export * from './core/mirror';
export * from './core/apply-order';
export * from './core/security';
export * from './core/canary/canary-props';
export * from './core/canary/analysis-props';
export * from './core/observability/grpc-status';
export * from './core/observability/monitoring-props';
export * from './core/ingress/ingress-props';
export * from './core/proto/from-proto-props';

// Generated classes (escape hatches and the types of our public fields)
export * as networking from '../imports/networking.istio.io';
export * as security from '../imports/security.istio.io';
export * as telemetry from '../imports/telemetry.istio.io';
export * as certmanager from '../imports/cert-manager.io';
export * as argoproj from '../imports/argoproj.io';
export * as flagger from '../imports/flagger.app';
export * as prometheusoperator from '../imports/monitoring.coreos.com';
export * as gatewayapi from '../imports/gateway.networking.k8s.io';
