import { IST } from './codes';
import { fqdn, labelsMatch, listOf, MeshIndex, namespaceOf, objOf } from './mesh-index';
import { KubeObject } from '../../core/kube-object';
import { Finding, findingOf } from '../finding';

/** IST0174/IST0173: unknown hosts, and subsets that select none of the service's known pods. */
export function checkDestinationRuleHosts(index: MeshIndex, dr: KubeObject, out: Finding[]): void {
  const spec = objOf((dr as any).spec);
  const host = typeof spec.host === 'string' ? spec.host : '';
  if (!host || host.includes('*')) return;
  const ns = namespaceOf(dr);
  if (!index.hostKnown(host, ns)) {
    out.push(findingOf(dr, IST.UNKNOWN_DESTINATION_RULE_HOST.severity, IST.UNKNOWN_DESTINATION_RULE_HOST.code,
      `host ${host} matches no Service or ServiceEntry (${fqdn(host, ns)}), so this DestinationRule applies to nothing`, 'spec.host'));
    return;
  }
  const service = index.service(host, ns);
  const selector = objOf(objOf((service as any)?.spec).selector);
  if (!service || Object.keys(selector).length === 0) return;
  const serviceNs = namespaceOf(service);
  const pods = index.selected(selector, serviceNs);
  // Without any of the service's pods in the input, nothing can be said about its subsets.
  if (pods.length === 0) return;
  listOf(spec.subsets).forEach((s, i) => {
    const labels = objOf(objOf(s).labels);
    if (pods.some((p) => labelsMatch(labels, p.labels))) return;
    out.push(findingOf(dr, IST.SUBSET_SELECTS_NO_PODS.severity, IST.SUBSET_SELECTS_NO_PODS.code,
      `subset ${String(objOf(s).name)} (${Object.entries(labels).map(([k, v]) => `${k}=${String(v)}`).join(', ')}) selects none of the pods of ${host}; traffic routed to it fails with "no healthy upstream" (UH); create pods with these labels (e.g. GrpcCanary canaryWorkload) or fix the subset labels`,
      `spec.subsets[${i}].labels`));
  });
}

/** IST0128/IST0129: client TLS (SIMPLE, MUTUAL) that does not verify the server certificate. */
export function checkServerVerification(dr: KubeObject, out: Finding[]): void {
  const spec = objOf((dr as any).spec);
  const selected = spec.workloadSelector !== undefined;
  const unverified = (tls: Record<string, any>) => (tls.mode === 'SIMPLE' || tls.mode === 'MUTUAL') && !tls.caCertificates && !(tls.credentialName && selected);
  const policy = objOf(spec.trafficPolicy);
  if (unverified(objOf(policy.tls))) {
    out.push(findingOf(dr, IST.NO_SERVER_CERT_VERIFICATION_DESTINATION.severity, IST.NO_SERVER_CERT_VERIFICATION_DESTINATION.code,
      `TLS ${String(policy.tls.mode)} without caCertificates does not verify the server's certificate; set caCertificates`, 'spec.trafficPolicy.tls'));
  }
  listOf(policy.portLevelSettings).forEach((p, i) => {
    const tls = objOf(objOf(p).tls);
    if (unverified(tls)) {
      out.push(findingOf(dr, IST.NO_SERVER_CERT_VERIFICATION_PORT.severity, IST.NO_SERVER_CERT_VERIFICATION_PORT.code,
        `TLS ${String(tls.mode)} on port ${String(objOf(objOf(p).port).number)} without caCertificates does not verify the server's certificate; set caCertificates`,
        `spec.trafficPolicy.portLevelSettings[${i}].tls`));
    }
  });
}
