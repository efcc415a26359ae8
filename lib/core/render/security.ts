import * as security from '../../../imports/security.istio.io';
import * as telemetry from '../../../imports/telemetry.istio.io';
import { MeshServiceModel, RouteModel } from '../mesh-service-model';
import { methodMetricsTelemetry } from '../observability/method-metrics';
import { MtlsMode } from '../security';
import { policyTarget } from './ambient/policy-target';
import { renderWaypointOnlyPolicy } from './ambient/waypoint-only-policy';
import { objectMeta } from './labels';

/** STRICT (or PERMISSIVE) inbound mTLS for the service's pods; none when the mode is INHERIT. */
export function renderPeerAuthentication(model: MeshServiceModel): security.PeerAuthenticationProps | undefined {
  if (model.mtls === MtlsMode.INHERIT) return undefined;
  return {
    metadata: objectMeta(model.name, model.namespace, model.name),
    spec: {
      selector: { matchLabels: { ...model.selector } },
      mtls: { mode: model.mtls as unknown as security.PeerAuthenticationSpecMtlsMode },
    },
  };
}

/** The callers a route allows. */
type Callers = Pick<RouteModel, 'allowedPrincipals' | 'allowedNamespaces'>;

/**
 * One ALLOW policy for the service's pods (behind a waypoint: for its Service, at the waypoint)
 * when any caller restriction is given: a rule per method
 * with its own callers (`paths: ["/pkg.Service/Method"]`), and one for the service-wide callers
 * covering every other path. ALLOW policies deny whatever no rule allows. Kubelet gRPC probes are
 * rewritten by Istio to the sidecar agent, which calls the app directly, so they are not affected.
 */
export function renderAuthorizationPolicy(model: MeshServiceModel): security.AuthorizationPolicyProps | undefined {
  if (!model.routes.some(isRestricted)) return undefined;
  const methodRoutes = model.routes.filter((r) => r.methodPath && isRestricted(r));
  const catchAll = model.routes.find((r) => !r.methodPath);
  const source = (r: Callers) => ({
    ...(r.allowedPrincipals.length ? { principals: [...r.allowedPrincipals] } : {}),
    ...(r.allowedNamespaces.length ? { namespaces: [...r.allowedNamespaces] } : {}),
  });
  const rules: security.AuthorizationPolicySpecRules[] = methodRoutes.map((r) => ({
    from: [{ source: source(r) }],
    to: [{ operation: { paths: [r.methodPath!] } }],
  }));
  if (catchAll && isRestricted(catchAll)) {
    rules.push({
      from: [{ source: source(catchAll) }],
      // Methods with their own callers stay theirs.
      ...(methodRoutes.length ? { to: [{ operation: { notPaths: methodRoutes.map((r) => r.methodPath!) } }] } : {}),
    });
  }
  return {
    metadata: objectMeta(model.name, model.namespace, model.name),
    spec: {
      ...policyTarget(model),
      action: security.AuthorizationPolicySpecAction.ALLOW,
      rules,
    },
  };
}

/** Behind a waypoint with restricted callers: the pods admit only the waypoint (ztunnel enforces it). */
export function renderPodsAdmitWaypointOnly(model: MeshServiceModel): security.AuthorizationPolicyProps | undefined {
  return renderWaypointOnlyPolicy(model, model.routes.some(isRestricted));
}

function isRestricted(r: Callers): boolean {
  return r.allowedPrincipals.length > 0 || r.allowedNamespaces.length > 0;
}

/**
 * The service pods' Telemetry: Envoy access logs, so response flags show up in `kubectl logs -c
 * istio-proxy`, and the `grpc_method` metric label. One object for both, since Istio leaves it
 * undefined which of two Telemetries selecting the same pods applies (IST0159).
 */
export function renderTelemetry(model: MeshServiceModel): telemetry.TelemetryProps | undefined {
  const metrics = methodMetricsTelemetry(model);
  if (!model.accessLog && !metrics) return undefined;
  return {
    metadata: objectMeta(model.name, model.namespace, model.name),
    spec: {
      ...policyTarget(model),
      ...(model.accessLog ? {
        accessLogging: [{
          providers: [{ name: 'envoy' }],
          ...(model.accessLog.filter ? { filter: { expression: model.accessLog.filter } } : {}),
        }],
      } : {}),
      ...(metrics ? { metrics } : {}),
    },
  };
}
