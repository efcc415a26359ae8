import { Issues, obj } from './issues';
import { checkMetadata } from './metadata';
import { KubeObject } from '../../core/kube-object';
import { Finding } from '../finding';
import { memoByType } from '../type-memo';

export { WEBHOOK_CODES } from './codes';

/** A module loaded on first use: each kind's rules load with the first object of that kind. */
function lazy<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
/* eslint-disable @typescript-eslint/no-require-imports */
const destinationRule = lazy(() => require('./destination-rule') as typeof import('./destination-rule'));
const envoyFilter = lazy(() => require('./envoy-filter') as typeof import('./envoy-filter'));
const gateway = lazy(() => require('./gateway') as typeof import('./gateway'));
const proxyConfig = lazy(() => require('./proxy-config') as typeof import('./proxy-config'));
const requestAuthentication = lazy(() => require('./request-authentication') as typeof import('./request-authentication'));
const security = lazy(() => require('./security') as typeof import('./security'));
const serviceEntry = lazy(() => require('./service-entry') as typeof import('./service-entry'));
const sidecar = lazy(() => require('./sidecar') as typeof import('./sidecar'));
const telemetry = lazy(() => require('./telemetry') as typeof import('./telemetry'));
const virtualService = lazy(() => require('./virtual-service') as typeof import('./virtual-service'));
const wasmPlugin = lazy(() => require('./wasm-plugin') as typeof import('./wasm-plugin'));
const workloadGroup = lazy(() => require('./workload-group') as typeof import('./workload-group'));
/* eslint-enable @typescript-eslint/no-require-imports */

/** The namespace the object would live in (Istio checks exportTo against it). */
function namespaceOf(object: KubeObject): string {
  return typeof object.metadata.namespace === 'string' ? object.metadata.namespace : 'default';
}

type Check = (issues: Issues, spec: Record<string, any>, object: KubeObject) => void;

/** The webhook's checks by `group/Kind`; every served version of a kind gets the same rules. */
const CHECKS = new Map<string, Check>([
  ['networking.istio.io/VirtualService', (issues, spec, object) => virtualService().checkVirtualService(issues, spec, obj(object.metadata.annotations), namespaceOf(object))],
  ['networking.istio.io/DestinationRule', (issues, spec, object) => destinationRule().checkDestinationRule(issues, spec, namespaceOf(object))],
  ['networking.istio.io/Gateway', (issues, spec, object) => gateway().checkGateway(issues, spec, object.metadata.name, obj(object.metadata.annotations))],
  ['networking.istio.io/ServiceEntry', (issues, spec, object) => serviceEntry().checkServiceEntry(issues, spec, namespaceOf(object), obj(object.metadata.labels))],
  ['networking.istio.io/WorkloadEntry', (issues, spec) => serviceEntry().checkWorkloadEntrySpec(issues, spec, 'spec', undefined, true)],
  ['security.istio.io/AuthorizationPolicy', (issues, spec) => security().checkAuthorizationPolicy(issues, spec)],
  ['networking.istio.io/Sidecar', (issues, spec, object) => sidecar().checkSidecar(issues, spec, namespaceOf(object))],
  ['security.istio.io/RequestAuthentication', (issues, spec) => requestAuthentication().checkRequestAuthentication(issues, spec)],
  ['security.istio.io/PeerAuthentication', (issues, spec) => security().checkPeerAuthentication(issues, spec)],
  ['telemetry.istio.io/Telemetry', (issues, spec) => telemetry().checkTelemetry(issues, spec)],
  ['networking.istio.io/EnvoyFilter', (issues, spec) => envoyFilter().checkEnvoyFilter(issues, spec)],
  ['networking.istio.io/ProxyConfig', (issues, spec) => proxyConfig().checkProxyConfig(issues, spec)],
  ['networking.istio.io/WorkloadGroup', (issues, spec) => workloadGroup().checkWorkloadGroup(issues, spec)],
  ['extensions.istio.io/WasmPlugin', (issues, spec) => wasmPlugin().checkWasmPlugin(issues, spec)],
]);

/** The check of a type, by its API group and kind (found once per type). */
const checkOf = memoByType((apiVersion: string, kind: string): Check | undefined => {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return CHECKS.get(`${group}/${kind}`);
});

/** The kinds (`group/Kind`) the webhook stage checks. */
export const WEBHOOK_CHECKED_KINDS: readonly string[] = [...CHECKS.keys()];

/**
 * What Istio's validating admission webhook refuses (errors) or accepts with a warning, for
 * objects that already passed the CRD schema. Other kinds pass through.
 */
export function checkWebhook(object: KubeObject): Finding[] {
  const check = checkOf(object.apiVersion, object.kind);
  if (!check) return [];
  const issues = new Issues(object);
  const spec = obj((object as Record<string, unknown>).spec) ?? {};
  if (checkMetadata(issues, object, spec)) check(issues, spec, object);
  return issues.findings;
}
