import { PropChecker } from './checks';
import { MeshServiceModel, WorkloadModel } from './mesh-service-model';
import { GrpcMeshServiceProps, GrpcWorkloadProps, ServiceProtocol } from './mesh-service-props';
import { PROP_WARNING_CODES, PropWarning } from './prop-warnings';
import { checkPropsShape } from './props-shape';
import { MESH_SERVICE_SHAPE } from './props-shapes';
import { resolveRoutes } from './resolve-routes';
import { resolveSecurity } from './resolve-security';
import { resolveTrafficPolicy } from './resolve-traffic-policy';

/** The cluster DNS name Istio uses as the host of the service. */
export function serviceFqdn(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.cluster.local`;
}

/**
 * Applies defaults to `GrpcMeshServiceProps` and checks every prop, throwing an `IstioGrpcError`
 * that names `constructPath` and the field for the first bad one.
 */
export function resolveMeshService(constructPath: string, props: GrpcMeshServiceProps): MeshServiceModel {
  const check = new PropChecker(constructPath);
  if (props === null || typeof props !== 'object') {
    check.fail('props', props, 'props are required', 'pass at least { name: "my-service" }');
  }
  checkPropsShape(constructPath, props, MESH_SERVICE_SHAPE);
  const name = check.dnsLabel('name', props.name);
  const namespace = check.dnsLabel('namespace', props.namespace ?? 'default');
  const port = check.port('port', props.port ?? 50051);
  const targetPort = check.port('targetPort', props.targetPort ?? port);
  const protocol = props.protocol ?? ServiceProtocol.GRPC;
  if (!Object.values(ServiceProtocol).includes(protocol)) {
    check.fail('protocol', protocol, 'is not a protocol this construct serves', 'use ServiceProtocol.GRPC or ServiceProtocol.HTTP2');
  }
  const portName = resolvePortName(check, protocol, props.portName);
  const selector = check.labels('selector', props.selector ?? { app: name });
  if (Object.keys(selector).length === 0) {
    check.fail('selector', selector, 'an empty selector makes the Service select no pods', 'select the server pods, e.g. { app: "users" }');
  }
  if ('version' in selector) {
    check.fail('selector.version', selector.version, 'the Service must select every version of the workload, or canary subsets could never receive traffic', 'remove version from selector; versions are told apart by DestinationRule subsets');
  }
  const warnings: PropWarning[] = [];
  if (props.headless) {
    warnings.push({
      code: PROP_WARNING_CODES.HEADLESS_SERVICE.code,
      field: 'headless',
      message: 'headless Service: Istio forwards each connection to the pod the client resolved, so gRPC calls on one connection are not balanced across pods',
    });
  }
  return {
    constructPath,
    name,
    namespace,
    fqdn: serviceFqdn(name, namespace),
    port,
    targetPort,
    protocol,
    portName,
    headless: props.headless === true,
    selector,
    ...(props.workload ? { workload: resolveWorkload(check, name, selector, props.workload) } : {}),
    ...resolveSecurity(check, props, resolveRoutes(check, props)),
    retriesOnNonIdempotentAccepted: props.dangerouslyAllowRetriesOnNonIdempotentMethods === true,
    trafficPolicy: resolveTrafficPolicy(check, props),
    warnings,
  };
}

/** Istio reads a port as gRPC/HTTP/2 only from its name prefix or appProtocol; we set both. */
function resolvePortName(check: PropChecker, protocol: ServiceProtocol, portName: string | undefined): string {
  const prefix = protocol === ServiceProtocol.GRPC ? 'grpc' : 'http2';
  const name = portName ?? prefix;
  check.dnsLabel('portName', name, 15);
  if (name !== prefix && !name.startsWith(`${prefix}-`)) {
    check.fail('portName', name, `Istio infers the protocol from the port name prefix; "${name}" would be read as ${guessProtocol(name)}, and tools that ignore appProtocol (and older Istio versions) lose routing, retries, pool settings and metrics`, `name the port "${prefix}" or "${prefix}-<suffix>", e.g. "${prefix}-api"`);
  }
  return name;
}

function guessProtocol(name: string): string {
  const head = name.split('-')[0];
  return ['http', 'https', 'tcp', 'tls', 'mongo', 'mysql', 'redis', 'udp', 'grpc', 'http2'].includes(head) ? head.toUpperCase() : 'unknown (sniffed or TCP)';
}

/**
 * A workload (Deployment) of one version: image, replicas, env, resources; pod labels are the
 * Service selector plus `version`. `field` names the prop in error messages.
 */
export function resolveWorkload(check: PropChecker, name: string, selector: Record<string, string>, w: GrpcWorkloadProps, field = 'workload'): WorkloadModel {
  if (typeof w.image !== 'string' || w.image.trim() === '' || /\s/.test(w.image)) {
    check.fail(`${field}.image`, w.image, 'a container image reference is required and cannot contain spaces', 'use e.g. "ghcr.io/acme/users:1.4.2"');
  }
  const version = w.version ?? 'v1';
  // The version names the Deployment (`<service>-<version>`), so it must fit a DNS label too.
  check.dnsLabel(`${field}.version`, version, Math.max(1, 63 - name.length - 1));
  check.labels(`${field}.version`, { version });
  const resources = w.resources ?? {};
  const requests = compactRecord({ cpu: resources.cpuRequest, memory: resources.memoryRequest });
  const limits = compactRecord({ cpu: resources.cpuLimit, memory: resources.memoryLimit });
  for (const [key, value] of Object.entries(w.env ?? {})) {
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) {
      check.fail(`${field}.env.${key}`, key, 'is not a valid environment variable name', 'use letters, digits, "_", "-" or ".", not starting with a digit');
    }
    if (typeof value !== 'string') check.fail(`${field}.env.${key}`, value, 'environment values must be strings', 'quote the value');
  }
  return {
    image: w.image,
    replicas: check.integer(`${field}.replicas`, w.replicas ?? 2, 0, 10_000),
    version,
    serviceAccountName: name,
    env: { ...(w.env ?? {}) },
    ...(w.args ? { args: [...w.args] } : {}),
    ...(requests || limits ? { resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } } : {}),
    grpcHealthProbe: w.grpcHealthProbe === true,
    podLabels: { ...selector, version },
  };
}

function compactRecord(obj: Record<string, string | undefined>): Record<string, string> | undefined {
  const entries = Object.entries(obj).filter((e): e is [string, string] => e[1] !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}
