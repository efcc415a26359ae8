import { IST } from './codes';
import { labelsMatch, listOf, MeshIndex, namespaceOf, objOf } from './mesh-index';
import { hostsOverlap } from '../../core/hosts';
import { KubeObject } from '../../core/kube-object';
import { Finding, findingOf } from '../finding';

/** IST0101/IST0162: gateway selectors with no pods, ports the gateway Service lacks, missing credentials. */
export function checkGatewayWorkloads(index: MeshIndex, gw: KubeObject, out: Finding[]): void {
  const spec = objOf((gw as any).spec);
  const selector = objOf(spec.selector);
  const workloads = index.gatewayWorkloads(selector);
  if (workloads.length === 0) {
    out.push(findingOf(gw, IST.REFERENCED_RESOURCE_NOT_FOUND.severity, IST.REFERENCED_RESOURCE_NOT_FOUND.code,
      `selector ${Object.entries(selector).map(([k, v]) => `${k}=${String(v)}`).join(', ')} matches no gateway pod; use the labels of your ingress gateway (e.g. istio=ingressgateway)`, 'spec.selector'));
    return;
  }
  // The default ingress gateway is assumed, not seen: its Service and Secrets are not in the input.
  if (workloads.every((w) => w.assumed)) return;
  const ports = new Set<number>();
  for (const svc of index.of('Service')) {
    const svcSelector = objOf(objOf((svc as any).spec).selector);
    if (Object.keys(svcSelector).length === 0) continue;
    if (!workloads.some((w) => w.namespace === namespaceOf(svc) && labelsMatch(svcSelector, w.labels))) continue;
    for (const p of listOf(objOf((svc as any).spec).ports)) {
      if (typeof objOf(p).port === 'number') ports.add(p.port);
      if (typeof objOf(p).targetPort === 'number') ports.add(p.targetPort);
    }
  }
  const namespaces = [...new Set(workloads.map((w) => w.namespace))];
  listOf(spec.servers).forEach((s, i) => {
    const number = objOf(objOf(s).port).number;
    if (typeof number === 'number' && !ports.has(number)) {
      out.push(findingOf(gw, IST.GATEWAY_PORT_NOT_ON_SERVICE.severity, IST.GATEWAY_PORT_NOT_ON_SERVICE.code,
        `port ${number} is neither a port nor a targetPort of the Service in front of the gateway pods, so no traffic reaches it; use one of ${[...ports].join(', ') || 'its ports'}`, `spec.servers[${i}].port.number`));
    }
    const tls = objOf(objOf(s).tls);
    const credentials = [tls.credentialName, ...listOf(tls.credentialNames)].filter((c): c is string => typeof c === 'string' && c !== '');
    for (const credential of credentials) {
      for (const ns of namespaces) {
        if (index.secrets.has(`${ns}/${credential}`) || index.secrets.has(`${ns}/${credential}-cacert`)) continue;
        out.push(findingOf(gw, IST.REFERENCED_RESOURCE_NOT_FOUND.severity, IST.REFERENCED_RESOURCE_NOT_FOUND.code,
          `credentialName ${credential} has no Secret in ${ns}, the namespace of the gateway pods; create the TLS Secret there`, `spec.servers[${i}].tls.credentialName`));
      }
    }
  });
}

interface ServerRef { gw: KubeObject; index: number; port: number; hosts: string[]; credential?: string; selectorKey: string }

/** IST0145/IST0138: gateways on the same workload that fight over a port and host, or share a certificate. */
export function checkGatewayConflicts(index: MeshIndex, out: Finding[]): void {
  const servers: ServerRef[] = [];
  for (const gw of index.gateways.values()) {
    const spec = objOf((gw as any).spec);
    const selectorKey = JSON.stringify(Object.entries(objOf(spec.selector)).sort());
    listOf(spec.servers).forEach((s, i) => {
      const tls = objOf(objOf(s).tls);
      servers.push({
        gw,
        index: i,
        port: objOf(objOf(s).port).number,
        selectorKey,
        hosts: listOf(objOf(s).hosts).map((h) => String(h).split('/').pop()!),
        credential: tls.credentialName ?? tls.serverCertificate,
      });
    });
  }
  const bySelector = new Map<string, ServerRef[]>();
  for (const s of servers) bySelector.set(s.selectorKey, [...(bySelector.get(s.selectorKey) ?? []), s]);
  for (const group of bySelector.values()) {
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        const x = group[a];
        const y = group[b];
        if (x.gw === y.gw) continue;
        const overlap = x.hosts.some((h) => y.hosts.some((k) => hostsOverlap(h, k)));
        if (x.port === y.port && overlap) {
          for (const [me, other] of [[x, y], [y, x]] as const) {
            out.push(findingOf(me.gw, IST.CONFLICTING_GATEWAYS.severity, IST.CONFLICTING_GATEWAYS.code,
              `server ${me.index} conflicts with gateway ${namespaceOf(other.gw)}/${other.gw.metadata.name}: same workload, port ${me.port} and overlapping hosts; merge them into one Gateway`, `spec.servers[${me.index}]`));
          }
        } else if (x.credential && x.credential === y.credential && !overlap) {
          for (const [me, other] of [[x, y], [y, x]] as const) {
            out.push(findingOf(me.gw, IST.DUPLICATE_CERTIFICATE.severity, IST.DUPLICATE_CERTIFICATE.code,
              `gateway ${namespaceOf(other.gw)}/${other.gw.metadata.name} uses the same certificate; clients reusing one HTTP/2 connection for both hosts get 404s; merge the servers or use one certificate each`, `spec.servers[${me.index}].tls`));
          }
        }
      }
    }
  }
}
