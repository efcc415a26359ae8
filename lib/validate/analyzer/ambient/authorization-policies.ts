import { AmbientIndex, ambientIndex } from './membership';
import { ztunnelOutcome, ztunnelView } from './ztunnel-policy';
import { WAYPOINT_GATEWAY_CLASS } from '../../../core/ambient/ambient-labels';
import { GATEWAY_API_GROUP } from '../../../core/gateway-api-group';
import { KubeObject } from '../../../core/kube-object';
import { AnalysisContext, Analyzer } from '../analyzer';
import { gatewayApiIndex } from '../gatewayapi/index';
import { keyOf } from '../gatewayapi/refs';
import { IGR } from '../messages';
import { formatLabels, listOf, namespaceOf, objOf, specOf, stringLabels } from '../objects';

/**
 * IGR3302: a selector or namespace-wide AuthorizationPolicy on ambient pods that ztunnel cannot
 * enforce as written: HTTP attributes (it omits them; what that does depends on the action) or
 * an action it lacks (CUSTOM, AUDIT: it drops the policy). IGR3307: a policy with targetRefs to
 * an ambient Service (or a waypoint Gateway) that no waypoint serves: ztunnel ignores targetRefs
 * policies, so nothing enforces it.
 */
export const ambientAuthorizationPolicyAnalyzer: Analyzer = {
  name: 'ambient.AuthorizationPolicyAnalyzer',
  inputs: ['AuthorizationPolicy', 'Service', 'Namespace', 'Pod', 'Deployment', 'Gateway'],
  analyze(ctx) {
    const ambient = ambientIndex(ctx.index);
    for (const ap of ctx.index.of('AuthorizationPolicy')) {
      if (!ap.apiVersion.startsWith('security.istio.io/')) continue;
      const spec = specOf(ap);
      const targets = [...(spec.targetRef !== undefined && spec.targetRef !== null ? [{ raw: spec.targetRef, path: 'spec.targetRef' }] : []),
        ...listOf(spec.targetRefs).map((raw, i) => ({ raw, path: `spec.targetRefs[${i}]` }))];
      if (targets.length > 0) for (const t of targets) checkTarget(ctx, ambient, ap, objOf(t.raw), t.path);
      else checkAtZtunnel(ctx, ambient, ap);
    }
  },
};

function checkTarget(ctx: AnalysisContext, ambient: AmbientIndex, ap: KubeObject, ref: Record<string, any>, path: string): void {
  const ns = typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : namespaceOf(ap);
  const name = keyOf(ns, String(ref.name ?? ''));
  if ((ref.group ?? '') === '' && ref.kind === 'Service') {
    const service = ambient.gw.services.get(name);
    if (!service || !ambient.serviceAmbient(service)) return;
    const binding = ambient.serviceWaypoint(service);
    if (binding.waypoint) return;
    ctx.report(IGR.AMBIENT_POLICY_NOT_ENFORCED, ap,
      `the policy targets ambient Service ${name}, which no waypoint serves (${binding.why ?? 'neither the Service nor its Namespace has an istio.io/use-waypoint label'}); ztunnel ignores policies with targetRefs, so nothing enforces this one; label the Service istio.io/use-waypoint: <waypoint> and deploy that waypoint`,
      path);
  } else if (ref.group === GATEWAY_API_GROUP && ref.kind === 'Gateway') {
    const gateway = gatewayApiIndex(ctx.index).gateways.get(name);
    // A Gateway of another class is an ingress, whose own proxy enforces the policy.
    if (!gateway && ctx.workloadsComplete) {
      ctx.report(IGR.AMBIENT_POLICY_NOT_ENFORCED, ap, `the policy targets Gateway ${name}, which is not in the input, so no proxy enforces it; deploy the waypoint (a Gateway of class ${WAYPOINT_GATEWAY_CLASS}) or fix the name`, path);
    }
  }
}

function checkAtZtunnel(ctx: AnalysisContext, ambient: AmbientIndex, ap: KubeObject): void {
  const spec = specOf(ap);
  const ns = namespaceOf(ap);
  const hasSelector = spec.selector !== undefined && spec.selector !== null;
  const selector = stringLabels(objOf(spec.selector).matchLabels);
  const root = ns === ctx.mesh.rootNamespace;
  const pods = ambient.someAmbientPod(selector, root ? undefined : ns);
  // A namespace-wide policy reaches the namespace's ambient pods even where the input holds none.
  if (!pods && (hasSelector || root || !ambient.namespaceAmbient(ns))) return;
  const where = pods ? `ambient pods${hasSelector ? ` carrying ${formatLabels(selector)}` : ''} in ${root ? 'the mesh' : ns}` : `the pods of ambient namespace ${ns}`;
  const fix = 'attach it to the waypoint instead: targetRefs to the Service (kind: Service) or to the waypoint Gateway, with the Service labelled istio.io/use-waypoint';
  const action = typeof spec.action === 'string' ? spec.action : 'ALLOW';
  if (action === 'CUSTOM' || action === 'AUDIT') {
    ctx.report(IGR.AMBIENT_L7_POLICY_AT_ZTUNNEL, ap, `this ${action} policy applies at ztunnel to ${where}, and ztunnel does not support the ${action} action: istiod drops the policy, so it is not enforced; ${fix}`, 'spec.action');
    return;
  }
  const view = ztunnelView(spec);
  if (view.l7.length === 0) return;
  ctx.report(IGR.AMBIENT_L7_POLICY_AT_ZTUNNEL, ap,
    `this ${hasSelector ? 'selector' : 'namespace-wide'} ${action} policy applies at ztunnel to ${where}, which cannot match HTTP attributes (${view.l7.join(', ')}): ${ztunnelOutcome(action, view)}; ${fix}`,
    hasSelector ? 'spec.selector' : 'spec.rules');
}
