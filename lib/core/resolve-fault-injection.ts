import { PropChecker } from './checks';
import { renderDuration } from './duration';
import { FaultInjection } from './fault-injection';
import { RouteModel } from './mesh-service-model';
import { GrpcMeshServiceProps } from './mesh-service-props';
import { GrpcStatus } from './observability/grpc-status';
import { listProp, objectProp } from './shape-checks';

/** A fault in Istio's field form, with the routes it applies to. */
export interface FaultModel {
  readonly abort?: { readonly grpcStatus: string; readonly percentage: { readonly value: number } };
  readonly delay?: { readonly fixedDelay: string; readonly percentage: { readonly value: number } };
  /** Only calls with this header (exact value) get the fault. */
  readonly header?: { readonly name: string; readonly exact: string };
  /** Names of the routes (RouteModel.name) the fault applies to. */
  readonly routeNames: readonly string[];
}

const HEADER_NAME = /^[a-z0-9][a-z0-9-]*$/;
// OK is a status but aborts nothing.
const STATUSES = (Object.values(GrpcStatus) as string[]).filter((s) => s !== GrpcStatus.OK);

/** Checks `fault` against the resolved routes; refuses unscoped faults unless explicitly allowed. */
export function resolveFaultInjection(check: PropChecker, props: GrpcMeshServiceProps, routes: readonly RouteModel[]): FaultModel | undefined {
  const fault = objectProp<FaultInjection>(check, 'fault', props.fault, '{ abort: { grpcStatus: GrpcStatus.UNAVAILABLE, percent: 10 }, header: { name: "x-chaos" } }');
  if (props.dangerouslyAllowFaultsWithoutHeaderScope !== undefined && typeof props.dangerouslyAllowFaultsWithoutHeaderScope !== 'boolean') {
    check.fail('dangerouslyAllowFaultsWithoutHeaderScope', props.dangerouslyAllowFaultsWithoutHeaderScope, 'must be true or false', 'set it to true, or leave it out');
  }
  if (!fault) return undefined;
  if (fault.abort === undefined && fault.delay === undefined) {
    check.fail('fault', fault, 'a fault needs an abort and/or a delay, and Istio refuses an empty one', 'set fault.abort { grpcStatus, percent } or fault.delay { fixedDelay, percent }');
  }
  const abort = objectProp(check, 'fault.abort', fault.abort, '{ grpcStatus: GrpcStatus.UNAVAILABLE, percent: 10 }');
  const delay = objectProp(check, 'fault.delay', fault.delay, '{ fixedDelay: Duration.seconds(2), percent: 10 }');
  if (abort && !STATUSES.includes(abort.grpcStatus)) {
    check.fail('fault.abort.grpcStatus', abort.grpcStatus, 'is not a gRPC status name Istio accepts (OK aborts nothing)', `use one of GrpcStatus: ${STATUSES.join(', ')}`);
  }
  const header = resolveHeader(check, fault);
  if (!header && props.dangerouslyAllowFaultsWithoutHeaderScope !== true) {
    check.fail('fault.header', undefined, 'without a header scope the faults hit every real caller of the routes, not only test calls', 'set fault.header (e.g. { name: "x-chaos" }) and send that header from the test client; set dangerouslyAllowFaultsWithoutHeaderScope: true only for an environment where real callers may fail');
  }
  return {
    ...(abort ? { abort: { grpcStatus: abort.grpcStatus, percentage: { value: percent(check, 'fault.abort.percent', abort.percent) } } } : {}),
    ...(delay ? {
      delay: {
        fixedDelay: renderDuration(check.construct, 'fault.delay.fixedDelay', delay.fixedDelay),
        percentage: { value: percent(check, 'fault.delay.percent', delay.percent) },
      },
    } : {}),
    ...(header ? { header } : {}),
    routeNames: faultRoutes(check, fault, routes),
  };
}

function resolveHeader(check: PropChecker, fault: FaultInjection): FaultModel['header'] {
  const header = objectProp(check, 'fault.header', fault.header, '{ name: "x-chaos", exact: "true" }');
  if (!header) return undefined;
  if (typeof header.name !== 'string' || !HEADER_NAME.test(header.name) || header.name.length > 256) {
    check.fail('fault.header.name', header.name, 'must be a lower-case header name (gRPC metadata keys are lower case)', 'use e.g. "x-chaos"');
  }
  if (['content-type', 'te'].includes(header.name)) {
    check.fail('fault.header.name', header.name, 'every gRPC call carries this header, so it cannot tell test calls apart', 'use a header only test clients send, e.g. "x-chaos"');
  }
  const exact = header.exact ?? 'true';
  if (typeof exact !== 'string' || exact === '') check.fail('fault.header.exact', exact, 'must be a non-empty string', 'use e.g. "true"');
  return { name: header.name, exact };
}

/** A percentage above 0 and at most 100. */
function percent(check: PropChecker, field: string, value: unknown): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 100)) {
    check.fail(field, value, 'must be a percentage above 0 and at most 100', 'e.g. 10 affects one call in ten; 0.5 one in two hundred');
  }
  return value;
}

/** The routes named by `fault.methods` (by method name or `package.Service/Method`), else all. */
function faultRoutes(check: PropChecker, fault: FaultInjection, routes: readonly RouteModel[]): string[] {
  const methods = listProp(check, 'fault.methods', fault.methods, '["GetUser"]');
  if (methods.length === 0) return routes.map((r) => r.name);
  const names = methods.map((m, i) => {
    const matches = routes.filter((r) => r.methodPath !== undefined && (r.name === m || r.methodPath.endsWith(`/${m}`)));
    if (typeof m !== 'string' || matches.length === 0) {
      const declared = routes.filter((r) => r.methodPath).map((r) => r.name.split('/')[1]);
      check.fail(`fault.methods[${i}]`, m, 'is not one of the declared methods, so no route would get the fault', declared.length ? `name one of ${declared.join(', ')}, or declare the method in methods` : 'declare the method in methods first');
    }
    if (matches.length > 1) check.fail(`fault.methods[${i}]`, m, `names methods of several services (${matches.map((r) => r.name).join(', ')})`, 'write it as package.Service/Method');
    return matches[0].name;
  });
  if (new Set(names).size !== names.length) check.fail('fault.methods', methods, 'names a method twice', 'list each method once');
  return names;
}

