// cdk8s constructs
export * from './grpc-mesh-service';

// Props and value types shared with the Pulumi components
export * from './core/duration';
export * from './core/method';
export * from './core/mesh-service-props';
export * from './core/retry';
export * from './core/traffic-policy';

// Generated Istio classes (escape hatches and the types of our public fields)
export * as networking from '../imports/networking.istio.io';
export * as security from '../imports/security.istio.io';
export * as telemetry from '../imports/telemetry.istio.io';
