import type { Method, Root, Service } from 'protobufjs';
import { GrpcMeshServiceFromProtoProps, GrpcMethodOverride } from './from-proto-props';
import { loadProto, protobufjs } from './load-proto';
import { PropChecker } from '../checks';
import { didYouMean } from '../did-you-mean';
import { GrpcMeshServiceProps } from '../mesh-service-props';
import { GrpcMethodProps, Idempotency, StreamingKind } from '../method';
import { checkPropsShape, mapOf, objectShape } from '../props-shape';
import { FROM_PROTO_SHAPE, METHOD_OVERRIDE_SHAPE } from '../props-shapes';

const OVERRIDES_SHAPE = objectShape<Pick<ProtoSource, 'methodOverrides'>>('GrpcMeshServiceFromProtoProps', { methodOverrides: mapOf(METHOD_OVERRIDE_SHAPE) });

/** `option idempotency_level` values (google.protobuf.MethodOptions) and what they mean for retries. */
const IDEMPOTENCY_LEVELS: Record<string, Idempotency> = {
  NO_SIDE_EFFECTS: Idempotency.NO_SIDE_EFFECTS,
  IDEMPOTENT: Idempotency.IDEMPOTENT,
  IDEMPOTENCY_UNKNOWN: Idempotency.UNKNOWN,
};

/**
 * GrpcMeshService props from a .proto: one route per method of the service, idempotency from
 * `option idempotency_level`, streaming kind from `stream`, then the per-method overrides.
 */
export function meshServicePropsFromProto(constructPath: string, props: GrpcMeshServiceFromProtoProps): GrpcMeshServiceProps {
  const check = new PropChecker(constructPath);
  checkPropsShape(constructPath, props, FROM_PROTO_SHAPE);
  if (props.methods !== undefined) {
    check.fail('methods', props.methods, 'the methods come from the .proto', 'remove methods and change single methods with methodOverrides');
  }
  const { protoFiles: _files, includePaths: _paths, methodOverrides: _overrides, ...rest } = props;
  const methods = protoMethods(constructPath, props);
  return { ...rest, ...(methods.length ? { protoService: methods[0].service } : {}), methods };
}

/** The proto-related props, shared by the cdk8s and Pulumi `fromProto`. */
export type ProtoSource = Pick<GrpcMeshServiceFromProtoProps, 'protoFiles' | 'protoService' | 'includePaths' | 'methodOverrides'>;

/** The methods of the proto service as GrpcMethodProps, overrides applied. */
export function protoMethods(constructPath: string, props: ProtoSource): GrpcMethodProps[] {
  const check = new PropChecker(constructPath);
  if (typeof props.protoService !== 'string' || props.protoService === '') {
    check.fail('protoService', props.protoService, 'fromProto needs the fully qualified service name', 'e.g. "example.users.v1.UserService"');
  }
  const { protoFiles, includePaths, methodOverrides } = props;
  if (methodOverrides !== undefined) checkPropsShape(constructPath, { methodOverrides }, OVERRIDES_SHAPE);
  const root = loadProto(check, protoFiles, includePaths ?? []);
  const service = findService(check, root, props.protoService!);
  const serviceName = qualifiedName(service);
  const methods = Object.values(service.methods);
  const overrides = methodOverrides ?? {};
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    check.fail('methodOverrides', overrides, 'must be a map from proto method name to its changes', 'write e.g. { CreateUser: { timeout: Duration.seconds(10) } }');
  }
  for (const [name, override] of Object.entries(overrides)) {
    if (override === null || typeof override !== 'object' || Array.isArray(override)) {
      check.fail(`methodOverrides.${name}`, override, 'must be an object of changes for the method', 'write e.g. { timeout: Duration.seconds(10) }');
    }
    for (const field of ['allowedPrincipals', 'allowedNamespaces'] as const) {
      const value = (override as GrpcMethodOverride)[field];
      if (Array.isArray(value) && value.length === 0) {
        check.fail(`methodOverrides.${name}.${field}`, value, 'an empty list of callers cannot be expressed as an ALLOW policy and would leave the method open to every caller', `list the callers, or leave ${field} out`);
      }
    }
  }
  const names = methods.map((m) => m.name);
  for (const name of Object.keys(overrides)) {
    if (!names.includes(name)) {
      check.fail(`methodOverrides.${name}`, name, `${serviceName} has no method ${name}${didYouMean(name, names)}`, `override one of ${names.join(', ')}`);
    }
  }
  // Each method names its service in full, so a short protoService never reaches a route path.
  return methods.map((m) => ({ ...methodProps(m, overrides[m.name] ?? {}), service: serviceName }));
}

/**
 * The service `name` denotes: its fully qualified name, or a unique suffix of one (`UserService`,
 * `v1.UserService`). Routes and policies always use the fully qualified name, since that is the
 * path gRPC clients send (`/example.users.v1.UserService/GetUser`); a short name that fits
 * several services is refused with the candidates.
 */
export function findService(check: PropChecker, root: Root, name: string): Service {
  const services = new Map<string, Service>();
  const { Service: ServiceClass } = protobufjs();
  const walk = (ns: any) => {
    for (const child of ns.nestedArray ?? []) {
      if (child instanceof ServiceClass) services.set(child.fullName.replace(/^\./, ''), child);
      if (child.nestedArray) walk(child);
    }
  };
  walk(root);
  const wanted = name.replace(/^\./, '');
  const exact = services.get(wanted);
  if (exact) return exact;
  const names = [...services.keys()].sort();
  const candidates = names.filter((n) => n.endsWith(`.${wanted}`));
  if (candidates.length === 1) return services.get(candidates[0])!;
  if (candidates.length > 1) {
    check.fail('protoService', name, `names ${candidates.length} services in the .proto files (${candidates.join(', ')}), so the route and policy paths would be ambiguous`, `write the fully qualified name, one of ${candidates.join(', ')}`);
  }
  check.fail('protoService', name, `is not a service in the .proto files${didYouMean(wanted, names)}`, names.length ? `use one of ${names.join(', ')}` : 'check the package and service names');
}

/** The fully qualified name of a proto service, without protobufjs' leading dot. */
export function qualifiedName(service: Service): string {
  return service.fullName.replace(/^\./, '');
}

function methodProps(method: Method, override: Record<string, any>): GrpcMethodProps {
  const level = method.options?.idempotency_level as string | undefined;
  const streaming = method.requestStream && method.responseStream ? StreamingKind.BIDI
    : method.requestStream ? StreamingKind.CLIENT : method.responseStream ? StreamingKind.SERVER : StreamingKind.UNARY;
  const fromProto = level ? IDEMPOTENCY_LEVELS[level] : undefined;
  return {
    name: method.name,
    streaming,
    ...(override.idempotency ?? fromProto ? { idempotency: override.idempotency ?? fromProto } : {}),
    ...(override.timeout ? { timeout: override.timeout } : {}),
    ...(override.retries ? { retries: override.retries } : {}),
    ...(override.allowedPrincipals ? { allowedPrincipals: override.allowedPrincipals } : {}),
    ...(override.allowedNamespaces ? { allowedNamespaces: override.allowedNamespaces } : {}),
  };
}
