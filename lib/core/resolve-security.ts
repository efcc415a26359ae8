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
    // Routes list the methods in order; the props tell an empty list apart from one not given.
    const method = props.methods?.[i];
    callers(check, `methods[${i}].allowedPrincipals`, method?.allowedPrincipals, PRINCIPAL, 'a SPIFFE principal such as "cluster.local/ns/web/sa/frontend"');
    callers(check, `methods[${i}].allowedNamespaces`, method?.allowedNamespaces, NAMESPACE, 'a namespace name');
  });
  const resolved = routes.map((r) => (r.methodPath ? r : { ...r, allowedPrincipals: principals, allowedNamespaces: namespaces }));
  const restricted = resolved.some((r) => r.allowedPrincipals.length > 0 || r.allowedNamespaces.length > 0);
  checkUnlistedMethods(check, props, resolved);
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

/**
 * With callers on some methods only, the ALLOW policy has no rule for the others, so nobody can
 * call them. That is a legitimate lock-down, but easy to get by accident (callers added to one
 * method), so it has to be asked for with `denyUnlisted: true`.
 */
function checkUnlistedMethods(check: PropChecker, props: GrpcMeshServiceProps, routes: readonly RouteModel[]): void {
  const restricted = (r: RouteModel) => r.allowedPrincipals.length > 0 || r.allowedNamespaces.length > 0;
  const deny = props.denyUnlisted;
  if (deny !== undefined && typeof deny !== 'boolean') check.fail('denyUnlisted', deny, 'must be true or false', 'set denyUnlisted: true, or leave it out');
  const listed = routes.filter((r) => r.methodPath && restricted(r));
  const serviceWide = routes.some((r) => !r.methodPath && restricted(r));
  if (deny === true && serviceWide) {
    check.fail('denyUnlisted', deny, 'has no effect: the service-wide allowedPrincipals/allowedNamespaces already decide who calls every method without callers of its own', 'remove denyUnlisted, or remove the service-wide callers if only the listed methods should be callable');
  }
  if (deny === true && listed.length === 0) {
    check.fail('denyUnlisted', deny, 'no method names its callers, so every call of the service would be denied', 'give methods allowedPrincipals or allowedNamespaces, or remove denyUnlisted');
  }
  if (listed.length > 0 && !serviceWide && deny !== true) {
    const names = listed.map((r) => r.name.split('/').pop()!);
    const others = routes.filter((r) => r.methodPath && !restricted(r)).map((r) => r.name.split('/').pop()!);
    const unreachable = others.length ? `${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''} and every undeclared method` : 'every other method';
    check.fail('allowedPrincipals', undefined,
      `${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''} ${names.length === 1 ? 'names its' : 'name their'} callers, so the AuthorizationPolicy allows only those calls: ${unreachable} would be denied to every caller`,
      'set allowedPrincipals or allowedNamespaces on the service for the other methods, or set denyUnlisted: true if only the listed methods may be called');
  }
}

function callers(check: PropChecker, field: string, values: readonly string[] | undefined, pattern: RegExp, what: string): string[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) check.fail(field, values, 'must be a list', `list values like ${what}`);
  if (values.length === 0) {
    // An empty list would render no rule, and no AuthorizationPolicy means every caller is allowed.
    check.fail(field, values, 'an empty list of callers cannot be expressed as an ALLOW policy and would leave the service open to every caller', `list the callers (${what}), or leave ${field} out to allow every caller`);
  }
  values.forEach((v, i) => {
    if (typeof v !== 'string' || !pattern.test(v)) check.fail(`${field}[${i}]`, v, `is not ${what.split(' (')[0]}`, `use ${what}`);
  });
  return [...values];
}
