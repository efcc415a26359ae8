import { join } from 'path';
import { App, Chart } from 'cdk8s';
import { Duration, GrpcMeshServiceFromProtoProps, principalOf, RetryOn } from '../../lib';
import { GrpcMeshService } from '../../lib/grpc-mesh-service';

/** Where the example protos live (examples run from the repository root). */
export const PROTO_DIR = join(__dirname, '..', 'protos');

/** A service defined by a .proto; the same props feed cdk8s, Pulumi and the parity tests. */
export interface ProtoScenario {
  readonly id: string;
  readonly title: string;
  readonly props: GrpcMeshServiceFromProtoProps;
}

/** Routes, retries, timeouts and authorization from examples/protos/example/users/v1/users.proto. */
export const PROTO_SCENARIOS: readonly ProtoScenario[] = [
  {
    id: 'proto-users',
    title: 'Routes from users.proto: retries only where idempotency_level allows, no unary timeout on streams, CreateUser for checkout only',
    props: {
      name: 'users',
      namespace: 'identity',
      protoFiles: [join(PROTO_DIR, 'example/users/v1/users.proto')],
      includePaths: [PROTO_DIR],
      protoService: 'example.users.v1.UserService',
      timeout: Duration.seconds(5),
      retries: { attempts: 3, perTryTimeout: Duration.seconds(2), retryOn: [RetryOn.UNAVAILABLE, RetryOn.RESOURCE_EXHAUSTED] },
      allowedNamespaces: ['identity', 'shop'],
      methodOverrides: {
        CreateUser: { timeout: Duration.seconds(10), allowedPrincipals: [principalOf('shop', 'checkout')] },
        WatchUsers: { timeout: Duration.hours(1) },
      },
      workload: { image: 'registry.example.com/users:3.0.0', grpcHealthProbe: true },
    },
  },
];

/** One chart per proto scenario. */
export function buildProtoScenarios(app: App): void {
  for (const scenario of PROTO_SCENARIOS) {
    GrpcMeshService.fromProto(new Chart(app, scenario.id), scenario.props.name, scenario.props);
  }
}
