import { SubsetChange } from './apply-order';
import { PropChecker } from './checks';
import { resolveMeshMode } from './mesh-mode';
import { MeshServiceModel } from './mesh-service-model';
import { GrpcMeshServiceProps, ServiceProtocol } from './mesh-service-props';
import { resolveMethodMetrics } from './observability/method-metrics';
import { PROP_WARNING_CODES, PropWarning } from './prop-warnings';
import { checkPropsShape } from './props-shape';
import { MESH_SERVICE_SHAPE } from './props-shapes';
import { resolveServerKeepalive } from './resolve-connection-lifecycle';
import { resolveFaultInjection } from './resolve-fault-injection';
import { checkGatewayApiProps } from './resolve-gateway-api';
import { resolveLifecycle } from './resolve-lifecycle';
import { resolveMirrors } from './resolve-mirrors';
import { resolveRoutes } from './resolve-routes';
import { resolveSecurity } from './resolve-security';
import { resolveTrafficPolicy } from './resolve-traffic-policy';
import { resolveWorkload } from './resolve-workload';

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
  const fqdn = serviceFqdn(name, namespace);
  const workload = props.workload ? resolveWorkload(check, name, selector, props.workload) : undefined;
  const routes = resolveRoutes(check, props);
  const security = resolveSecurity(check, props, routes);
  const lifecycle = resolveLifecycle(check, props, routes);
  const serverKeepalive = resolveServerKeepalive(check, props);
  const mirrors = resolveMirrors(check, props, { fqdn, namespace, port });
  const fault = resolveFaultInjection(check, props, routes);
  const subsetChange = props.subsetChange;
  if (subsetChange !== undefined && !Object.values(SubsetChange).includes(subsetChange)) {
    check.fail('subsetChange', subsetChange, 'is not a subset change the apply order knows', `use one of SubsetChange: ${Object.values(SubsetChange).join(', ')}`);
  }
  const mode = resolveMeshMode(check, props);
  warnings.push(...checkGatewayApiProps(check, props, mode, namespace, routes, mirrors));
  return {
    constructPath,
    name,
    namespace,
    fqdn,
    port,
    targetPort,
    protocol,
    portName,
    headless: props.headless === true,
    selector,
    ...(workload ? { workload } : {}),
    ...security,
    ...resolveMethodMetrics(check, props.methodMetrics, security.routes),
    retriesOnNonIdempotentAccepted: props.dangerouslyAllowRetriesOnNonIdempotentMethods === true,
    trafficPolicy: resolveTrafficPolicy(check, props, serverKeepalive?.limits),
    warnings,
    ...(lifecycle ? { lifecycle } : {}),
    ...(serverKeepalive ? { serverKeepalive: serverKeepalive.text } : {}),
    ...(mirrors.length ? { mirrors } : {}),
    ...(fault ? { fault } : {}),
    ...(subsetChange !== undefined ? { subsetChange } : {}),
    mode,
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
