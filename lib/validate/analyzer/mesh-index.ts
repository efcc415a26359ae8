import { LabelIndex } from './label-index';
import { fqdn, listOf, namespaceOf, objOf, stringLabels, SVC_SUFFIX } from './objects';
import { MeshHosts } from './service-hosts';
import { hostCovers } from '../../core/hosts';
import { KubeObject } from '../../core/kube-object';

export { fqdn, labelsMatch, listOf, namespaceOf, objOf } from './objects';

/** A set of pods: a Pod, or the pod template of a Deployment/StatefulSet/... */
export interface Workload {
  /** The Pod, or the object whose pod template this is (absent for the assumed gateway). */
  readonly object?: KubeObject;
  readonly namespace: string;
  readonly annotations: Readonly<Record<string, string>>;
  readonly podSpec: Readonly<Record<string, any>>;
  readonly labels: Readonly<Record<string, string>>;
  /** Runs an Istio sidecar or gateway proxy. */
  readonly inMesh: boolean;
  /** Assumed rather than read from the input (Istio's default ingress gateway). */
  readonly assumed?: boolean;
}

const POD_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);


/** The objects under analysis, indexed once so each analyzer runs in linear time. */
export class MeshIndex {
  readonly byKind = new Map<string, KubeObject[]>();
  readonly services = new Map<string, KubeObject>();
  readonly workloads: Workload[] = [];
  readonly namespaces = new Set<string>();
  readonly secrets = new Set<string>();
  /** Secrets by `namespace/name`. */
  readonly secretObjects = new Map<string, KubeObject>();
  readonly serviceEntryHosts: { host: string; namespace: string }[] = [];
  readonly gateways = new Map<string, KubeObject>();
  /** DestinationRules by their host resolved to an FQDN; wildcard hosts under "*". */
  readonly destinationRulesByHost = new Map<string, KubeObject[]>();
  /** Workloads by their labels: all of them, and those of each namespace (built on first selection). */
  private workloadLabels?: { all: LabelIndex<Workload>; byNamespace: Map<string, LabelIndex<Workload>> };
  private meshHosts?: MeshHosts;
  private namespacesByName?: Map<string, KubeObject>;

  /**
   * @param objects the input
   * @param assumed objects not in the input that Istio assumes present (its default ingress gateway)
   */
  constructor(objects: readonly KubeObject[], assumed: readonly KubeObject[] = []) {
    const assumedSet = new Set(assumed);
    for (const o of [...objects, ...assumed]) {
      const list = this.byKind.get(o.kind) ?? [];
      list.push(o);
      this.byKind.set(o.kind, list);
      const ns = namespaceOf(o);
      const spec = objOf((o as any).spec);
      if (o.apiVersion === 'v1' && o.kind === 'Service') {
        this.services.set(`${o.metadata.name}.${ns}.${SVC_SUFFIX}`, o);
      } else if (o.apiVersion === 'v1' && o.kind === 'Namespace') {
        this.namespaces.add(o.metadata.name);
      } else if (o.apiVersion === 'v1' && o.kind === 'Secret') {
        this.secrets.add(`${ns}/${o.metadata.name}`);
        this.secretObjects.set(`${ns}/${o.metadata.name}`, o);
      } else if (o.apiVersion === 'v1' && o.kind === 'Pod') {
        const workload = workloadOf(o, ns, o.metadata.labels, o.metadata.annotations, spec);
        this.workloads.push(assumedSet.has(o) ? { ...workload, assumed: true } : workload);
      } else if (POD_TEMPLATE_KINDS.has(o.kind) && spec.template !== undefined) {
        const t = objOf(spec.template);
        this.workloads.push(workloadOf(o, ns, objOf(t.metadata).labels, objOf(t.metadata).annotations, t.spec));
      } else if (o.kind === 'ServiceEntry') {
        for (const host of listOf(spec.hosts)) this.serviceEntryHosts.push({ host: String(host), namespace: ns });
      } else if (o.kind === 'Gateway' && o.apiVersion.startsWith('networking.istio.io/')) {
        this.gateways.set(`${ns}/${o.metadata.name}`, o);
      } else if (o.kind === 'DestinationRule' && o.apiVersion.startsWith('networking.istio.io/')) {
        const host = typeof spec.host === 'string' ? spec.host : '';
        const key = host.includes('*') ? '*' : fqdn(host, ns);
        const rules = this.destinationRulesByHost.get(key);
        if (rules) rules.push(o);
        else this.destinationRulesByHost.set(key, [o]);
      } else if (o.kind === 'Certificate' && o.apiVersion.startsWith('cert-manager.io/') && typeof spec.secretName === 'string') {
        // cert-manager writes the Secret, so it counts as present.
        this.secrets.add(`${ns}/${spec.secretName}`);
      }
    }
  }

  /** Hosts as Istio's analyzers look them up (ServiceEntries and Services, with exportTo). */
  get hosts(): MeshHosts {
    this.meshHosts ??= new MeshHosts(this.of('ServiceEntry').filter((o) => o.apiVersion.startsWith('networking.istio.io/')), this.of('Service').filter((o) => o.apiVersion === 'v1'));
    return this.meshHosts;
  }

  /** DestinationRules that may apply to an FQDN: exact host matches, then wildcard ones. */
  destinationRulesFor(host: string): readonly KubeObject[] {
    const exact = this.destinationRulesByHost.get(host);
    const wildcard = this.destinationRulesByHost.get('*');
    // Most hosts have rules of one kind only: their list is returned as it is, not copied.
    if (!wildcard) return exact ?? [];
    return exact ? [...exact, ...wildcard] : wildcard;
  }

  /** The first v1 Namespace of that name in the input, as scanning `of('Namespace')` finds it (indexed on first use). */
  namespaceObject(name: string): KubeObject | undefined {
    if (!this.namespacesByName) {
      this.namespacesByName = new Map();
      for (const n of this.of('Namespace')) {
        if (n.apiVersion === 'v1' && !this.namespacesByName.has(n.metadata.name)) this.namespacesByName.set(n.metadata.name, n);
      }
    }
    return this.namespacesByName.get(name);
  }

  /** Objects of a kind (any API version). */
  of(kind: string): KubeObject[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The Kubernetes Service a host names, resolving short names against `namespace`. */
  service(host: string, namespace: string): KubeObject | undefined {
    return this.services.get(fqdn(host, namespace)) ?? this.services.get(`${host}.${SVC_SUFFIX}`) ?? this.services.get(`${host}.cluster.local`);
  }

  /** Whether a host is known: a Service, or covered by a ServiceEntry host. */
  hostKnown(host: string, namespace: string): boolean {
    if (this.service(host, namespace)) return true;
    const full = fqdn(host, namespace);
    return this.serviceEntryHosts.some((se) => hostCovers(se.host, host) || hostCovers(se.host, full));
  }

  /**
   * Workloads in `namespace` (any when undefined) whose labels include every selector label, in
   * input order (as `labelsMatch` over `workloads` would find them).
   */
  selected(selector: Readonly<Record<string, unknown>>, namespace?: string): Workload[] {
    const labels = this.labelIndex();
    if (namespace === undefined) return labels.all.matching(selector);
    return labels.byNamespace.get(namespace)?.matching(selector) ?? [];
  }

  /** Whether any workload, in any namespace, has every selector label (`selected(selector).length > 0`). */
  anySelected(selector: Readonly<Record<string, unknown>>): boolean {
    return this.labelIndex().all.some(selector);
  }

  private labelIndex(): NonNullable<MeshIndex['workloadLabels']> {
    if (!this.workloadLabels) {
      const all = new LabelIndex<Workload>();
      const byNamespace = new Map<string, LabelIndex<Workload>>();
      for (const w of this.workloads) {
        all.add(w, w.labels);
        let local = byNamespace.get(w.namespace);
        if (!local) byNamespace.set(w.namespace, local = new LabelIndex());
        local.add(w, w.labels);
      }
      this.workloadLabels = { all, byNamespace };
    }
    return this.workloadLabels;
  }

  /** Gateway pods matching a selector, in any namespace, as Istio selects gateway workloads (its default ingress gateway included). */
  gatewayWorkloads(selector: Readonly<Record<string, unknown>>): Workload[] {
    return this.selected(selector);
  }
}

function workloadOf(object: KubeObject, namespace: string, labels: unknown, annotations: unknown, podSpec: unknown): Workload {
  const spec = objOf(podSpec);
  const containers = listOf(spec.containers).map(objOf);
  const ann = stringLabels(annotations);
  const stringLabelMap = stringLabels(labels);
  const inMesh = containers.some((c) => c.name === 'istio-proxy') || ann['sidecar.istio.io/status'] !== undefined || ann['sidecar.istio.io/inject'] === 'true'
    || stringLabelMap['sidecar.istio.io/inject'] === 'true';
  return { object, namespace, labels: stringLabelMap, annotations: ann, podSpec: spec, inMesh };
}
