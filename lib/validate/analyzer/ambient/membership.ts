import { AMBIENT_LABELS, WAYPOINT_LISTENER } from '../../../core/ambient/ambient-labels';
import { KubeObject } from '../../../core/kube-object';
import { GatewayApiIndex, gatewayApiIndex } from '../gatewayapi/index';
import { listenersOf, namespaceRefusal } from '../gatewayapi/listeners';
import { isGatewayApi, keyOf } from '../gatewayapi/refs';
import { DATAPLANE_MODE_LABEL, INJECTION_LABEL, REVISION_LABEL } from '../injection/labels';
import { LabelIndex } from '../label-index';
import { MeshIndex, Workload } from '../mesh-index';
import { namespaceOf, objOf, specOf, stringLabels } from '../objects';

/** The traffic an object sends through its waypoint: a Service's, or a workload's own. */
export type TrafficKind = 'service' | 'workload';

/** Which waypoint serves an object, as istiod binds it (pilot/pkg/serviceregistry/ambient/waypoints.go). */
export interface WaypointBinding {
  /** `namespace/name` of the waypoint named, if any. */
  readonly name?: string;
  /** Where the name comes from: the object's own label, or its Namespace's. */
  readonly from?: 'object' | 'namespace';
  /** The waypoint Gateway, when the input holds it and it takes the object's traffic. */
  readonly waypoint?: KubeObject;
  /** Why the named waypoint does not serve the object (absent from the input, wrong traffic type, attachment refused). */
  readonly problem?: 'not-found' | 'traffic-type' | 'attachment';
  /** A sentence saying why not, for messages. */
  readonly why?: string;
}

/**
 * Ambient membership and waypoints of the input, built once per run: which workloads ztunnel
 * captures (istio-cni's default enablement selectors), which Services are ambient, which
 * waypoint serves a Service or a workload.
 */
export class AmbientIndex {
  readonly gw: GatewayApiIndex;
  private readonly ambientWorkloads = new Map<Workload, boolean>();
  private readonly ambientServices = new Map<KubeObject, boolean>();
  private ambientByLabels?: { readonly all: LabelIndex<Workload>; readonly byNamespace: Map<string, LabelIndex<Workload>> };
  /** The istio.io/waypoint-for label of each GatewayClass that has one. */
  private readonly classTrafficTypes = new Map<string, string>();

  constructor(readonly mesh: MeshIndex) {
    this.gw = gatewayApiIndex(mesh);
    for (const cls of mesh.of('GatewayClass')) {
      const type = stringLabels(cls.metadata.labels)[AMBIENT_LABELS.waypointFor];
      if (isGatewayApi(cls) && type !== undefined) this.classTrafficTypes.set(cls.metadata.name, type);
    }
  }

  /** The labels of a Namespace of the input ({} when absent). */
  namespaceLabels(name: string): Readonly<Record<string, string>> {
    return this.gw.namespaces.get(name) ?? {};
  }

  /** Whether a Namespace of the input is labelled for ambient (istio.io/dataplane-mode=ambient). */
  namespaceAmbient(name: string): boolean {
    return this.namespaceLabels(name)[DATAPLANE_MODE_LABEL] === 'ambient';
  }

  /**
   * Whether pods get a sidecar: one in the manifest (istio-proxy, sidecar.istio.io/status, an
   * inject label or annotation `true`), or a Namespace labelled istio-injection=enabled or
   * istio.io/rev without the pod opting out.
   */
  workloadInjected(w: Workload): boolean {
    if (w.inMesh) return true;
    const optOut = (w.labels['sidecar.istio.io/inject'] ?? w.annotations['sidecar.istio.io/inject']) === 'false';
    const ns = this.namespaceLabels(w.namespace);
    return !optOut && (ns[INJECTION_LABEL] === 'enabled' || (ns[INJECTION_LABEL] === undefined && (ns[REVISION_LABEL] ?? '') !== ''));
  }

  /** Whether the pod's or its Namespace's labels ask for ambient (the pod's `none` opts out). */
  workloadLabelledAmbient(w: Workload): boolean {
    const own = w.labels[DATAPLANE_MODE_LABEL];
    if (own === 'ambient') return true;
    return own !== 'none' && this.namespaceAmbient(w.namespace);
  }

  /**
   * Whether ztunnel captures the pods, as istio-cni decides: labelled for ambient, not on the
   * host network, and without a sidecar (a pod with both keeps its sidecar and is left out).
   */
  workloadAmbient(w: Workload): boolean {
    let found = this.ambientWorkloads.get(w);
    if (found === undefined) {
      found = !w.assumed && objOf(w.podSpec).hostNetwork !== true && !this.workloadInjected(w)
        && (this.workloadLabelledAmbient(w) || w.annotations['ambient.istio.io/redirection'] === 'enabled');
      this.ambientWorkloads.set(w, found);
    }
    return found;
  }

  /** Whether a Service is ambient: its Namespace is labelled so, or it selects ambient pods of the input. */
  serviceAmbient(service: KubeObject): boolean {
    let found = this.ambientServices.get(service);
    if (found === undefined) {
      const ns = namespaceOf(service);
      const selector = stringLabels(specOf(service).selector);
      found = (this.namespaceAmbient(ns) && this.namespaceLabels(ns)[INJECTION_LABEL] !== 'enabled')
        || (Object.keys(selector).length > 0 && this.someAmbientPod(selector, ns));
      this.ambientServices.set(service, found);
    }
    return found;
  }

  /** Whether some ambient workload of `namespace` (any, when undefined) carries every selector label. */
  someAmbientPod(selector: Readonly<Record<string, unknown>>, namespace?: string): boolean {
    if (!this.ambientByLabels) {
      const all = new LabelIndex<Workload>();
      const byNamespace = new Map<string, LabelIndex<Workload>>();
      for (const w of this.mesh.workloads) {
        if (!this.workloadAmbient(w)) continue;
        all.add(w, w.labels);
        let local = byNamespace.get(w.namespace);
        if (!local) byNamespace.set(w.namespace, local = new LabelIndex());
        local.add(w, w.labels);
      }
      this.ambientByLabels = { all, byNamespace };
    }
    const index = namespace === undefined ? this.ambientByLabels.all : this.ambientByLabels.byNamespace.get(namespace);
    return index?.some(selector) ?? false;
  }

  /** The waypoint of a Service (`service` traffic). */
  serviceWaypoint(service: KubeObject): WaypointBinding {
    return this.bind(service.metadata.labels, namespaceOf(service), 'service');
  }

  /** The waypoint of a workload's own traffic. */
  workloadWaypoint(w: Workload): WaypointBinding {
    return this.bind(w.labels, w.namespace, 'workload');
  }

  /** The binding of an object with `labels` in `namespace`: its own use-waypoint label, else its Namespace's. */
  bind(rawLabels: unknown, namespace: string, traffic: TrafficKind): WaypointBinding {
    const own = stringLabels(rawLabels);
    let from: 'object' | 'namespace' = 'object';
    let labels: Readonly<Record<string, string>> = own;
    if (own[AMBIENT_LABELS.useWaypoint] === undefined) {
      from = 'namespace';
      labels = this.namespaceLabels(namespace);
    }
    const value = labels[AMBIENT_LABELS.useWaypoint];
    if (value === undefined || value === '' || value === 'none') return {};
    const name = keyOf(labels[AMBIENT_LABELS.useWaypointNamespace] || namespace, value);
    const waypoint = this.gw.gateways.get(name);
    if (!waypoint) return { name, from, problem: 'not-found', why: `waypoint ${name} is not in the input` };
    const hbone = listenersOf(specOf(waypoint)).find((l) => l.port === WAYPOINT_LISTENER.port && l.protocol === WAYPOINT_LISTENER.protocol);
    const refusal = hbone ? namespaceRefusal(this.gw, hbone, namespaceOf(waypoint), namespace)
      : (namespaceOf(waypoint) === namespace ? undefined : `it has no HBONE listener on 15008, so only its own namespace ${namespaceOf(waypoint)} may use it`);
    if (refusal) return { name, from, problem: 'attachment', why: `waypoint ${name} does not admit namespace ${namespace}: ${refusal}` };
    const takes = this.trafficType(waypoint);
    if (takes !== 'all' && takes !== traffic) {
      // istiod ignores a namespace's waypoint that does not take workload traffic for the workloads, without error.
      if (traffic === 'workload' && from === 'namespace') return {};
      return { name, from, problem: 'traffic-type', why: `waypoint ${name} takes ${takes} traffic (${AMBIENT_LABELS.waypointFor}), not ${traffic} traffic` };
    }
    return { name, from, waypoint };
  }

  /** A waypoint's istio.io/waypoint-for: the Gateway's label, else its GatewayClass's, else `service`. */
  trafficType(waypoint: KubeObject): string {
    const own = stringLabels(waypoint.metadata.labels)[AMBIENT_LABELS.waypointFor];
    if (own !== undefined) return own;
    const className = specOf(waypoint).gatewayClassName;
    return (typeof className === 'string' ? this.classTrafficTypes.get(className) : undefined) ?? 'service';
  }
}

const cache = new WeakMap<MeshIndex, AmbientIndex>();

/** The ambient index of a run, built on first use and shared by its analyzers. */
export function ambientIndex(mesh: MeshIndex): AmbientIndex {
  let found = cache.get(mesh);
  if (!found) cache.set(mesh, found = new AmbientIndex(mesh));
  return found;
}
