import { templateInMesh } from './in-mesh';
import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { SelectorIndex } from '../label-index';
import { IST } from '../messages';
import { listOf, nameOf, namespaceOf, objOf, specOf, stringEntry, stringLabels } from '../objects';

/**
 * IST0116: an in-mesh Deployment behind several Services that give one port different protocols;
 * IST0137: behind several Services that send different ports to one targetPort. The proxy keeps
 * one listener per port, so one of them loses.
 */
export const serviceAssociationAnalyzer: Analyzer = {
  name: 'deployment.MultiServiceAnalyzer',
  inputs: ['Service', 'Deployment', 'Namespace'],
  analyze({ index, report }) {
    // Services by selector, per namespace: a Deployment looks up only those its pod labels satisfy.
    const servicesByNamespace = new Map<string, SelectorIndex<KubeObject>>();
    for (const s of index.of('Service')) {
      const selector = stringLabels(specOf(s).selector);
      if (s.apiVersion !== 'v1' || Object.keys(selector).length === 0) continue;
      let local = servicesByNamespace.get(namespaceOf(s));
      if (!local) servicesByNamespace.set(namespaceOf(s), local = new SelectorIndex());
      local.add(s, selector);
    }
    for (const d of index.of('Deployment')) {
      if (!d.apiVersion.startsWith('apps/')) continue;
      const template = objOf(specOf(d).template);
      // Waypoints are Deployments Istio manages; they serve many Services by design.
      if (stringEntry(d.metadata.labels, 'gateway.istio.io/managed') === 'istio.io-mesh-controller') continue;
      if (!templateInMesh(index, namespaceOf(d), template)) continue;
      const podLabels = stringLabels(objOf(template.metadata).labels);
      const services = servicesByNamespace.get(namespaceOf(d))?.selecting(podLabels) ?? [];
      checkProtocols(d, services, report);
      checkTargetPorts(d, services, report);
    }
  },
};

type Report = Parameters<Analyzer['analyze']>[0]['report'];

function checkProtocols(d: KubeObject, services: KubeObject[], report: Report): void {
  // port -> protocol -> services
  const byPort = new Map<number, Map<string, string[]>>();
  for (const svc of services) {
    for (const p of listOf(specOf(svc).ports).map(objOf)) {
      if (typeof p.port !== 'number') continue;
      const protocols = byPort.get(p.port) ?? new Map<string, string[]>();
      const protocol = typeof p.protocol === 'string' && p.protocol ? p.protocol : 'TCP';
      protocols.set(protocol, [...(protocols.get(protocol) ?? []), nameOf(svc)]);
      byPort.set(p.port, protocols);
    }
  }
  for (const [port, protocols] of byPort) {
    if (protocols.size < 2) continue;
    const names = [...protocols.values()].flat().sort();
    report(IST.DeploymentAssociatedToMultipleServices, d,
      `Deployment ${d.metadata.name} is behind Services ${names.join(', ')} that use port ${port} with different protocols (${[...protocols.keys()].sort().join(', ')}); the proxy can serve one; use one protocol`, 'metadata.name');
  }
}

function checkTargetPorts(d: KubeObject, services: KubeObject[], report: Report): void {
  // targetPort -> port -> service
  const byTarget = new Map<string, Map<number, string>>();
  for (const svc of services) {
    for (const p of listOf(specOf(svc).ports).map(objOf)) {
      if (typeof p.port !== 'number') continue;
      let target = p.targetPort === undefined || p.targetPort === null ? '' : String(p.targetPort);
      if (target === '0' || target === '') target = String(p.port);
      const ports = byTarget.get(target) ?? new Map<number, string>();
      ports.set(p.port, nameOf(svc));
      byTarget.set(target, ports);
    }
  }
  for (const [target, ports] of byTarget) {
    if (ports.size < 2) continue;
    report(IST.DeploymentConflictingPorts, d,
      `Deployment ${d.metadata.name} is behind Services ${[...new Set(ports.values())].sort().join(', ')} that send different ports (${[...ports.keys()].sort((a, b) => a - b).join(', ')}) to targetPort ${target}; the proxy keeps one; use one port`, 'metadata.name');
  }
}
