import { Method, Root, Service } from 'protobufjs';
import { GrpcMeshServiceFromProtoProps } from './from-proto-props';
import { loadProto } from './load-proto';
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
  return { ...rest, methods: protoMethods(constructPath, props) };
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
  const methods = Object.values(service.methods);
  const overrides = methodOverrides ?? {};
  const names = methods.map((m) => m.name);
  for (const name of Object.keys(overrides)) {
    if (!names.includes(name)) {
      check.fail(`methodOverrides.${name}`, name, `${props.protoService!} has no method ${name}${didYouMean(name, names)}`, `override one of ${names.join(', ')}`);
    }
  }
  return methods.map((m) => methodProps(m, overrides[m.name] ?? {}));
}

function findService(check: PropChecker, root: Root, name: string): Service {
  const found = root.lookup(name);
  if (found instanceof Service) return found;
  const services: string[] = [];
  const walk = (ns: any) => {
    for (const child of ns.nestedArray ?? []) {
      if (child instanceof Service) services.push(child.fullName.replace(/^\./, ''));
      else walk(child);
    }
  };
  walk(root);
  check.fail('protoService', name, `is not a service in the .proto files${didYouMean(name, services)}`, services.length ? `use one of ${services.join(', ')}` : 'check the package and service names');
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
