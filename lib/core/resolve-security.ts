import { PropChecker } from './checks';
import { RouteModel } from './mesh-service-model';
import { GrpcMeshServiceProps } from './mesh-service-props';
import { MtlsMode } from './security';

const PRINCIPAL = /^\*?[A-Za-z0-9.-]*\/ns\/[a-z0-9-*]+\/sa\/[a-z0-9.*-]+$|^\*$|^[^\s]*\*$|^\*[^\s]*$/;
const NAMESPACE = /^(\*|\*?[a-z0-9-]{1,63}\*?)$/;

/** Inbound mTLS, callers and access logs, checked; returns the routes with the service-wide callers on the catch-all. */
export function resolveSecurity(check: PropChecker, props: GrpcMeshServiceProps, routes: readonly RouteModel[]) {
  const mtls = props.mtls ?? MtlsMode.STRICT;
  if (!Object.values(MtlsMode).includes(mtls)) check.fail('mtls', mtls, 'is not an mTLS mode', `use one of ${Object.values(MtlsMode).join(', ')}`);
  const principals = callers(check, 'allowedPrincipals', props.allowedPrincipals, PRINCIPAL, 'a SPIFFE principal such as "cluster.local/ns/web/sa/frontend" (principalOf(namespace, serviceAccount))');
  const namespaces = callers(check, 'allowedNamespaces', props.allowedNamespaces, NAMESPACE, 'a namespace name (optionally with a leading or trailing *)');
  routes.forEach((r, i) => {
    if (!r.methodPath) return;
    callers(check, `methods[${i}].allowedPrincipals`, r.allowedPrincipals, PRINCIPAL, 'a SPIFFE principal such as "cluster.local/ns/web/sa/frontend"');
    callers(check, `methods[${i}].allowedNamespaces`, r.allowedNamespaces, NAMESPACE, 'a namespace name');
  });
  const resolved = routes.map((r) => (r.methodPath ? r : { ...r, allowedPrincipals: principals, allowedNamespaces: namespaces }));
  const restricted = resolved.some((r) => r.allowedPrincipals.length > 0 || r.allowedNamespaces.length > 0);
  if (restricted && mtls !== MtlsMode.STRICT) {
    check.fail('mtls', mtls, 'caller principals and namespaces come from the peer\'s mTLS certificate, so plain-text callers would be denied without a clear reason', 'keep mtls: MtlsMode.STRICT (the default) when you restrict callers');
  }
  if (props.accessLogFilter !== undefined && (typeof props.accessLogFilter !== 'string' || props.accessLogFilter.trim() === '')) {
    check.fail('accessLogFilter', props.accessLogFilter, 'must be a CEL expression', 'e.g. "response.code >= 400"');
  }
  if (props.accessLogFilter !== undefined && props.accessLogs !== true) {
    check.fail('accessLogFilter', props.accessLogFilter, 'filters access logs, which are off', 'set accessLogs: true as well');
  }
  return {
    routes: resolved,
    mtls,
    ...(props.accessLogs ? { accessLog: props.accessLogFilter ? { filter: props.accessLogFilter } : {} } : {}),
  };
}

function callers(check: PropChecker, field: string, values: readonly string[] | undefined, pattern: RegExp, what: string): string[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) check.fail(field, values, 'must be a list', `list values like ${what}`);
  values.forEach((v, i) => {
    if (typeof v !== 'string' || !pattern.test(v)) check.fail(`${field}[${i}]`, v, `is not ${what.split(' (')[0]}`, `use ${what}`);
  });
  return [...values];
}
