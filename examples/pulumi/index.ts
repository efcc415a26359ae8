// The example services as Pulumi components: `pulumi preview` in this directory shows the same
// objects `npm run synth` writes for the cdk8s app. In a Pulumi project of your own, import from
// 'istio-grpc/pulumi' instead of the relative path used inside this repository.
import * as k8s from '@pulumi/kubernetes';
import { Duration, GrpcCanary, GrpcIngress, GrpcMeshService, GrpcServiceMonitoring, Idempotency } from '../../lib/pulumi';
import { AMBIENT_SCENARIOS } from '../cdk8s/ambient-scenarios';
import { CANARY_SCENARIOS } from '../cdk8s/canary-scenarios';
import { INGRESS_SCENARIOS } from '../cdk8s/ingress-scenarios';
import { MONITORING_SCENARIOS } from '../cdk8s/monitoring-scenarios';
import { PROTO_SCENARIOS } from '../cdk8s/proto-scenarios';
import { MESH_SERVICE_SCENARIOS } from '../cdk8s/scenarios';

// A namespace created here feeds the services' namespace as an output.
const shop = new k8s.core.v1.Namespace('shop', {
  metadata: { name: 'shop', labels: { 'istio-injection': 'enabled' } },
});

export const services = MESH_SERVICE_SCENARIOS.map((scenario) => new GrpcMeshService(scenario.id, scenario.props));

// A canary takes the service component, as in cdk8s, and is created right after it.
export const canaries = CANARY_SCENARIOS.map((scenario) => new GrpcCanary(`${scenario.id}-canary`, {
  service: new GrpcMeshService(scenario.id, scenario.service),
  ...scenario.canary,
}));

export const ingresses = INGRESS_SCENARIOS.map((scenario) => new GrpcIngress(scenario.id, {
  service: new GrpcMeshService(`${scenario.id}-service`, scenario.service),
  ...scenario.ingress,
}));

// Alerts and a dashboard take the service component, as in cdk8s.
export const monitoring = MONITORING_SCENARIOS.map((scenario) => new GrpcServiceMonitoring(`${scenario.id}-monitoring`, {
  service: new GrpcMeshService(scenario.id, scenario.service),
  ...scenario.monitoring,
}));

// Ambient mode, with and without a waypoint (the namespace labelled istio.io/dataplane-mode=ambient).
export const ambientServices = AMBIENT_SCENARIOS.map((scenario) => {
  const service = new GrpcMeshService(scenario.id, scenario.service);
  return { service, canary: scenario.canary ? new GrpcCanary(`${scenario.id}-canary`, { service, ...scenario.canary }) : undefined };
});

export const protoServices = PROTO_SCENARIOS.map((scenario) => GrpcMeshService.fromProto(scenario.id, scenario.props));

// The same shape as the cdk8s app: a service, a canary on it (its Deployment included), and an
// ingress that follows the canary's split.
const users = new GrpcMeshService('users', {
  name: 'users',
  namespace: shop.metadata.name,
  protoService: 'users.v1.UserService',
  methods: [{ name: 'GetUser', idempotency: Idempotency.NO_SIDE_EFFECTS, timeout: Duration.seconds(2) }],
  workload: { image: 'registry.example.com/users:1.4.0' },
});
const usersCanary = new GrpcCanary('users-canary', {
  service: users,
  canaryWorkload: { image: 'registry.example.com/users:1.5.0' },
  steps: [10, 25, 50, 100],
});
usersCanary.shift(25);
new GrpcIngress('users-ingress', {
  service: users,
  hosts: ['users.example.com'],
  tls: { credentialName: 'users-example-com' },
});

export const usersFqdn = users.fqdn;
export const usersRolloutPlan = usersCanary.rolloutPlan();
