import { join } from 'path';
import * as pulumi from '@pulumi/pulumi';
import { Testing } from 'cdk8s';
import { PROTO_DIR, PROTO_SCENARIOS } from '../examples/cdk8s/proto-scenarios';
import { Duration, GrpcMeshService, GrpcMeshServiceFromProtoProps, Idempotency } from '../lib';
import { GrpcMeshService as PulumiGrpcMeshService } from '../lib/pulumi';
import { errorsOf, validateObjects } from '../lib/validate';
import { installPulumiMocks, registered, registeredManifests } from './util/pulumi-mocks';
import { only } from './util/synth';

const USERS = join(PROTO_DIR, 'example/users/v1/users.proto');
const FIXTURES = join(__dirname, 'fixtures/proto');
const BASE: GrpcMeshServiceFromProtoProps = { name: 'users', protoFiles: [USERS], includePaths: [PROTO_DIR], protoService: 'example.users.v1.UserService' };

function synthFromProto(props: Partial<GrpcMeshServiceFromProtoProps>): any[] {
  const chart = Testing.chart();
  GrpcMeshService.fromProto(chart, 'users', { ...BASE, ...props });
  return Testing.synth(chart);
}
const routes = (objects: any[]) => Object.fromEntries(only(objects, 'VirtualService').spec.http.map((r: any) => [r.name.split('/').pop(), r]));

beforeAll(() => installPulumiMocks());
beforeEach(() => { registered.length = 0; });

describe('GrpcMeshService.fromProto', () => {
  test.each(PROTO_SCENARIOS.map((s) => [s.id, s]))('%s: whole manifests, accepted by the validation engine', (_id, scenario) => {
    const chart = Testing.chart();
    GrpcMeshService.fromProto(chart, scenario.props.name, scenario.props);
    const objects = Testing.synth(chart);
    expect(errorsOf(validateObjects(objects, { workloads: 'partial' }))).toStrictEqual([]);
    expect(objects).toMatchSnapshot();
  });

  test('one exact-path route per method, in proto order, then the service-wide route', () => {
    expect(Object.keys(routes(synthFromProto({})))).toStrictEqual(['GetUser', 'ListUsers', 'CreateUser', 'UpdateUser', 'WatchUsers', 'Chat', 'grpc-default']);
    expect(routes(synthFromProto({})).GetUser.match).toStrictEqual([{ uri: { exact: '/example.users.v1.UserService/GetUser' } }]);
  });

  test('idempotency_level decides who gets the service retries; unmarked methods keep pre-request retries only', () => {
    const r = routes(synthFromProto({ retries: { attempts: 3 } }));
    expect([r.GetUser.retries.attempts, r.UpdateUser.retries.attempts]).toStrictEqual([3, 3]);
    expect(r.CreateUser.retries).toStrictEqual({ attempts: 2, retryOn: 'connect-failure,refused-stream,reset-before-request' });
  });

  test('streaming methods get no unary timeout and no per-try timeout', () => {
    const r = routes(synthFromProto({ timeout: Duration.seconds(5), retries: { attempts: 2, perTryTimeout: Duration.seconds(1) } }));
    expect([r.GetUser.timeout, r.WatchUsers.timeout, r.Chat.timeout]).toStrictEqual(['5s', undefined, undefined]);
    expect(r.WatchUsers.retries.perTryTimeout).toBeUndefined();
  });

  test('overrides by method name: timeout, callers, idempotency', () => {
    const objects = synthFromProto({
      allowedNamespaces: ['shop'],
      methodOverrides: {
        CreateUser: { timeout: Duration.seconds(9), allowedPrincipals: ['cluster.local/ns/shop/sa/checkout'] },
        Chat: { idempotency: Idempotency.NON_IDEMPOTENT },
      },
    });
    expect(routes(objects).CreateUser.timeout).toBe('9s');
    expect(only(objects, 'AuthorizationPolicy').spec.rules[0].to).toStrictEqual([{ operation: { paths: ['/example.users.v1.UserService/CreateUser'] } }]);
    expect(only(objects, 'VirtualService').metadata.annotations['istio-grpc.dev/non-idempotent-methods']).toMatch(/Chat/);
  });

  test('an override naming no method of the service is refused with the closest match', () => {
    expect(() => synthFromProto({ methodOverrides: { CreateUsers: { timeout: Duration.seconds(1) } } }))
      .toThrow(/\[test\/users\] methodOverrides\.CreateUsers: got "CreateUsers"; example\.users\.v1\.UserService has no method CreateUsers; did you mean CreateUser\?/);
  });

  test('an unknown service is refused with the closest match', () => {
    expect(() => synthFromProto({ protoService: 'example.users.v1.UserServce' }))
      .toThrow(/protoService: got "example\.users\.v1\.UserServce"; is not a service in the \.proto files; did you mean example\.users\.v1\.UserService\?/);
  });

  test('a proto that does not parse gives file:line', () => {
    expect(() => synthFromProto({ protoFiles: [join(FIXTURES, 'broken.proto')], protoService: 'broken.v1.Broken' }))
      .toThrow(/protoFiles: got ".*broken\.proto:6"; the \.proto does not parse: illegal value ';'\. Fix: fix .*broken\.proto at line 6/);
  });

  test('a missing import names the paths tried', () => {
    expect(() => synthFromProto({ protoFiles: [join(FIXTURES, 'missing-import.proto')], protoService: 'orphan.v1.Orphan', includePaths: [PROTO_DIR] }))
      .toThrow(/includePaths: got .*; import "not\/there\.proto" not found; looked in .*fixtures\/proto\/not\/there\.proto, .*examples\/protos\/not\/there\.proto/);
  });

  test('a missing proto file is refused', () => {
    expect(() => synthFromProto({ protoFiles: ['nope.proto'] })).toThrow(/protoFiles\[0\]: got "nope\.proto"; the file does not exist/);
  });

  test('Pulumi fromProto registers exactly what cdk8s synthesizes', async () => {
    const [scenario] = PROTO_SCENARIOS;
    const chart = Testing.chart();
    GrpcMeshService.fromProto(chart, scenario.props.name, scenario.props);
    const synthesized = Testing.synth(chart);
    const args = { ...scenario.props, namespace: pulumi.output(scenario.props.namespace!) };
    const component = PulumiGrpcMeshService.fromProto(scenario.props.name, args);
    const byIdentity = (a: any, b: any) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`);
    expect((await registeredManifests(component.resources)).sort(byIdentity)).toStrictEqual([...synthesized].sort(byIdentity));
  });
});

describe('fromProto props', () => {
  test('methods cannot be given: they come from the proto', () => {
    expect(() => synthFromProto({ methods: [{ name: 'GetUser' }] })).toThrow(/methods: got .*; the methods come from the \.proto\. Fix: remove methods/);
  });
  test('protoService is required', () => {
    expect(() => synthFromProto({ protoService: undefined })).toThrow(/protoService: got undefined; fromProto needs the fully qualified service name/);
  });
});

describe('fromProto: short service names never reach a route or a policy', () => {
  const TWO = join(FIXTURES, 'two-packages.proto');
  const paths = (objects: any[]) => only(objects, 'VirtualService').spec.http.map((r: any) => r.match?.[0]?.uri?.exact).filter(Boolean);
  const policyPaths = (objects: any[]) => only(objects, 'AuthorizationPolicy').spec.rules.flatMap((r: any) => (r.to ?? []).flatMap((t: any) => [...(t.operation.paths ?? []), ...(t.operation.notPaths ?? [])]));

  test.each(['UserService', 'v1.UserService', 'users.v1.UserService', '.example.users.v1.UserService'])('%s renders the fully qualified paths', (protoService) => {
    // GIVEN a short name and callers on one method
    const objects = synthFromProto({ protoService, allowedNamespaces: ['shop'], methodOverrides: { CreateUser: { allowedPrincipals: ['cluster.local/ns/shop/sa/checkout'] } } });
    // THEN every route and policy path is /example.users.v1.UserService/...
    expect(paths(objects)).toContain('/example.users.v1.UserService/GetUser');
    for (const p of [...paths(objects), ...policyPaths(objects)]) expect(p).toMatch(/^\/example\.users\.v1\.UserService\//);
    expect(policyPaths(objects)).toStrictEqual(['/example.users.v1.UserService/CreateUser', '/example.users.v1.UserService/CreateUser']);
  });

  test('the short name gives the same manifests as the full name', () => {
    expect(synthFromProto({ protoService: 'UserService' })).toStrictEqual(synthFromProto({}));
  });

  test('a short name two packages define is refused with both candidates', () => {
    expect(() => synthFromProto({ protoFiles: [TWO], includePaths: [FIXTURES], protoService: 'Orders' }))
      .toThrow(/protoService: got "Orders"; names 2 services in the \.proto files \(legacy\.v1\.Orders, shop\.v1\.Orders\).*Fix: write the fully qualified name, one of legacy\.v1\.Orders, shop\.v1\.Orders/);
    expect(paths(synthFromProto({ protoFiles: [TWO], includePaths: [FIXTURES], protoService: 'legacy.v1.Orders' }))).toStrictEqual(['/legacy.v1.Orders/Place']);
  });

  test('a suffix that is not a whole name part is not a match', () => {
    expect(() => synthFromProto({ protoService: 'Service' })).toThrow(/protoService: got "Service"; is not a service in the \.proto files/);
  });

  test('Pulumi fromProto with a short name renders the fully qualified paths too', async () => {
    const component = PulumiGrpcMeshService.fromProto('users', { ...BASE, protoService: 'UserService' });
    const manifests = await registeredManifests(component.resources);
    expect(paths(manifests)).toContain('/example.users.v1.UserService/GetUser');
    expect(paths(manifests).every((p: string) => p.startsWith('/example.users.v1.UserService/'))).toBe(true);
  });

  test.each([[[]], ['CreateUser'], [5]])('methodOverrides %j is an IstioGrpcError', (methodOverrides) => {
    expect(() => synthFromProto({ methodOverrides: methodOverrides as any })).toThrow(/\[.*\] methodOverrides: got .*; must be a map/);
  });
  test('an override that is not an object is an IstioGrpcError', () => {
    expect(() => synthFromProto({ methodOverrides: { CreateUser: null as any } })).toThrow(/methodOverrides\.CreateUser: got null; must be an object/);
  });
});
