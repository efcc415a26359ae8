import { checkDestinationRule } from './destination-rule';
import { checkEnvoyFilter } from './envoy-filter';
import { checkGateway } from './gateway';
import { Issues, obj } from './issues';
import { checkMetadata } from './metadata';
import { checkProxyConfig } from './proxy-config';
import { checkRequestAuthentication } from './request-authentication';
import { checkAuthorizationPolicy, checkPeerAuthentication } from './security';
import { checkServiceEntry, checkWorkloadEntrySpec } from './service-entry';
import { checkSidecar } from './sidecar';
import { checkTelemetry } from './telemetry';
import { checkVirtualService } from './virtual-service';
import { checkWasmPlugin } from './wasm-plugin';
import { checkWorkloadGroup } from './workload-group';
import { KubeObject } from '../../core/kube-object';
import { Finding } from '../finding';

export { WEBHOOK_CODES } from './codes';

/** The namespace the object would live in (Istio checks exportTo against it). */
function namespaceOf(object: KubeObject): string {
  return typeof object.metadata.namespace === 'string' ? object.metadata.namespace : 'default';
}

type Check = (issues: Issues, spec: Record<string, any>, object: KubeObject) => void;

/** The webhook's checks by `group/Kind`; every served version of a kind gets the same rules. */
const CHECKS = new Map<string, Check>([
  ['networking.istio.io/VirtualService', (issues, spec, object) => checkVirtualService(issues, spec, obj(object.metadata.annotations), namespaceOf(object))],
  ['networking.istio.io/DestinationRule', (issues, spec, object) => checkDestinationRule(issues, spec, namespaceOf(object))],
  ['networking.istio.io/Gateway', (issues, spec, object) => checkGateway(issues, spec, object.metadata.name, obj(object.metadata.annotations))],
  ['networking.istio.io/ServiceEntry', (issues, spec, object) => checkServiceEntry(issues, spec, namespaceOf(object), obj(object.metadata.labels))],
  ['networking.istio.io/WorkloadEntry', (issues, spec) => checkWorkloadEntrySpec(issues, spec, 'spec', undefined, true)],
  ['security.istio.io/AuthorizationPolicy', (issues, spec) => checkAuthorizationPolicy(issues, spec)],
  ['networking.istio.io/Sidecar', (issues, spec, object) => checkSidecar(issues, spec, namespaceOf(object))],
  ['security.istio.io/RequestAuthentication', (issues, spec) => checkRequestAuthentication(issues, spec)],
  ['security.istio.io/PeerAuthentication', (issues, spec) => checkPeerAuthentication(issues, spec)],
  ['telemetry.istio.io/Telemetry', (issues, spec) => checkTelemetry(issues, spec)],
  ['networking.istio.io/EnvoyFilter', (issues, spec) => checkEnvoyFilter(issues, spec)],
  ['networking.istio.io/ProxyConfig', (issues, spec) => checkProxyConfig(issues, spec)],
  ['networking.istio.io/WorkloadGroup', (issues, spec) => checkWorkloadGroup(issues, spec)],
  ['extensions.istio.io/WasmPlugin', (issues, spec) => checkWasmPlugin(issues, spec)],
]);

/** The kinds (`group/Kind`) the webhook stage checks. */
export const WEBHOOK_CHECKED_KINDS: readonly string[] = [...CHECKS.keys()];

/**
 * What Istio's validating admission webhook refuses (errors) or accepts with a warning, for
 * objects that already passed the CRD schema. Other kinds pass through.
 */
export function checkWebhook(object: KubeObject): Finding[] {
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
  const check = CHECKS.get(`${group}/${object.kind}`);
  if (!check) return [];
  const issues = new Issues(object);
  const spec = obj((object as Record<string, unknown>).spec) ?? {};
  if (checkMetadata(issues, object, spec)) check(issues, spec, object);
  return issues.findings;
}
