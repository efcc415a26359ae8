import { flagsMarkdownTable } from './flag-explain';
import { findResponseFlag } from './flag-lookup';
import { ResponseFlagInfo } from './response-flags';
import { authorizationSection, mirroringSection } from './runbook-access';
import { renderTrafficFlowchart } from './runbook-mermaid';
import { buildRunbookModels, formatLabels, ServiceRunbookModel } from './runbook-model';
import { isDns1123Label, isValidSelector, runbookFileName, shellQuote } from './runbook-names';
import { expectedClusterSettings, flagNotes } from './runbook-sections';
import { KubeObject } from '../core/kube-object';

/** One rendered runbook. */
export interface RenderedRunbook {
  /** Name of the Service. */
  readonly serviceName: string;
  /** Namespace of the Service. */
  readonly namespace: string;
  /** `<namespace>.<name>.runbook.md` (both DNS labels, so distinct services never share a file). */
  readonly fileName: string;
  /** The runbook. */
  readonly markdown: string;
}

/** Flags a runbook lists for every gRPC service, in the order an operator meets them. */
const RUNBOOK_FLAGS = ['UH', 'UF', 'UO', 'NR', 'NC', 'UT', 'URX', 'UR', 'UC', 'LR', 'DC', 'DPE', 'UPE'];

/**
 * One Markdown runbook per gRPC Service among the objects (a Service with a port named
 * grpc/grpc-*, http2/http2-*, or appProtocol grpc/http2): its exact names, the istioctl and
 * kubectl commands to run with what healthy output looks like, the response flags to expect,
 * and a Mermaid diagram of its traffic. Services Istio would not read as gRPC get no runbook,
 * nor do Services whose name or namespace is not a DNS label (see `refusedServices`). Every value
 * in a command is a checked Kubernetes name, shell-quoted.
 */
export function renderRunbooks(objects: readonly KubeObject[]): RenderedRunbook[] {
  return buildRunbookModels(objects).map((m) => ({
    serviceName: m.name,
    namespace: m.namespace,
    fileName: runbookFileName(m.namespace, m.name),
    markdown: renderRunbook(m),
  }));
}

/** The Markdown runbook of one service. */
export function renderRunbook(m: ServiceRunbookModel): string {
  const port = m.ports[0];
  // Subsets whose names are no DNS label are refused by Istio; they never reach a command.
  const subsetNames = (m.destinationRule?.subsets ?? []).map((s) => s.name).filter((n) => isDns1123Label(n));
  const clusters = [`outbound|${port.port}||${m.fqdn}`, ...subsetNames.map((n) => `outbound|${port.port}|${n}|${m.fqdn}`)];
  const selector = formatLabels(m.selector);
  const ns = shellQuote(m.namespace);
  const out: string[] = [];
  out.push(`# Runbook: gRPC service \`${m.name}\` (namespace \`${m.namespace}\`)`, '');
  out.push('Commands below use this service\'s exact names. Run them top to bottom; each says what healthy output looks like.', '');

  out.push('## Names', '', '| What | Value |', '| --- | --- |');
  out.push(`| Namespace | \`${m.namespace}\` |`, `| FQDN | \`${m.fqdn}\` |`);
  for (const p of m.ports) {
    out.push(`| Port | \`${p.name ?? '(unnamed)'}\` ${p.port} → ${p.targetPort ?? p.port}${p.appProtocol ? `, appProtocol \`${p.appProtocol}\`` : ''} (read as ${p.protocol === 'grpc' ? 'gRPC' : 'HTTP/2'}) |`);
  }
  out.push(`| Selector | \`${selector}\` |`);
  out.push(`| DestinationRule | ${m.destinationRule ? `\`${m.destinationRule.name}\` (subsets: ${m.destinationRule.subsets.map((s) => `\`${s.name}\` ${formatLabels(s.labels)}`).join(', ') || 'none'})` : 'none'} |`);
  out.push(`| VirtualServices | ${m.virtualServices.map((vs) => `\`${vs.name}\` (gateways: ${vs.gateways.join(', ')})`).join(', ') || 'none'} |`);
  out.push(`| Gateways | ${m.gateways.map((g) => `\`${g.ref}\`${g.found ? '' : ' (not in these manifests)'}`).join(', ') || 'none'} |`);
  out.push(`| Workloads | ${m.workloads.map((w) => `${w.kind} \`${w.name}\`${w.replicas !== undefined ? ` (${w.replicas} replica${w.replicas === 1 ? '' : 's'})` : ''}`).join(', ') || 'none in these manifests'} |`, '');

  if (m.virtualServices.length) {
    out.push('## Routes, subsets and weights', '', '| VirtualService | Route | Match | Subset | Weight | Workloads |', '| --- | --- | --- | --- | --- | --- |');
    for (const vs of m.virtualServices) {
      for (const r of vs.routes) {
        for (const d of r.destinations) {
          const subset = m.destinationRule?.subsets.find((s) => s.name === d.subset);
          const workloads = d.subset ? (subset?.workloads ?? []) : m.workloads;
          out.push(`| \`${vs.name}\` | ${r.name ?? '—'} | ${r.match} | ${d.subset ?? '(all pods)'} | ${d.weight !== undefined ? `${d.weight}%` : 'unset'} | ${workloads.map((w) => `\`${w.name}\``).join(', ') || '**none**'} |`);
        }
      }
    }
    out.push('');
  }

  out.push('## Traffic', '', '```mermaid', renderTrafficFlowchart(m).trimEnd(), '```', '');
  if (m.warnings.length) out.push('## Warnings from the manifests', '', ...m.warnings.map((w) => `- ${w}`), '');

  out.push(...mirroringSection(m), ...authorizationSection(m));

  out.push('## 0. Pick the pods', '', '```sh');
  if (isValidSelector(m.selector)) {
    out.push(`SERVER_POD=$(kubectl get pod -n ${ns} -l ${shellQuote(selector)} -o jsonpath='{.items[0].metadata.name}')`);
  } else {
    out.push('# The Service has no usable selector (none, or not valid label syntax): name a server pod yourself.');
    out.push(`SERVER_POD=$(kubectl get pod -n ${ns} -o jsonpath='{.items[0].metadata.name}')`);
  }
  out.push('# A pod whose sidecar calls the service; the server pod works too unless a Sidecar resource narrows its config.');
  out.push('CLIENT_POD="$SERVER_POD"', '```', '');

  out.push('## 1. Protocol detection', '', '```sh', `istioctl x describe service ${shellQuote(m.name)} -n ${ns}`, '```', '');
  out.push(`Healthy: the port shows as \`${port.port}/${port.protocol === 'grpc' ? 'GRPC' : 'HTTP2'}\`${m.destinationRule ? `, DestinationRule \`${m.destinationRule.name}\` is listed` : ''}${m.virtualServices.length ? ` and VirtualService${m.virtualServices.length > 1 ? 's' : ''} ${m.virtualServices.map((v) => `\`${v.name}\``).join(', ')} with the weights above` : ''}. A port shown as TCP or auto-detected means Istio does not read it as gRPC: no per-request balancing, retries or HTTP/2 pool settings.`, '');

  out.push('## 2. Cluster configuration', '', '```sh', `istioctl proxy-config cluster "$CLIENT_POD" -n ${ns} --fqdn ${shellQuote(m.fqdn)} -o json`, '```', '');
  out.push('Healthy:', '', `- one cluster per subset: ${clusters.map((c) => `\`${c}\``).join(', ')};`);
  out.push('- each has `typedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"]` with `explicitHttpConfig.http2ProtocolOptions` (older proxies: a top-level `http2ProtocolOptions`). Missing means Envoy talks HTTP/1.1 to the server;');
  out.push(...expectedClusterSettings(m.destinationRule?.trafficPolicy ?? {}).map((line) => `- ${line}`), '');

  out.push('## 3. Endpoints', '', '```sh', ...clusters.map((c) => `istioctl proxy-config endpoint "$CLIENT_POD" -n ${ns} --cluster ${shellQuote(c)}`), '```', '');
  out.push('Healthy: every cluster lists one row per ready pod with STATUS `HEALTHY` and OUTLIER CHECK `OK`.', '');
  for (const s of m.destinationRule?.subsets ?? []) {
    out.push(`- \`${s.name}\`: pods of ${s.workloads.map((w) => `${w.kind} \`${w.name}\`${w.replicas !== undefined ? ` (${w.replicas})` : ''}`).join(', ') || '**no workload in these manifests**'}`);
  }
  out.push('', 'No rows: the subset selects no ready pod (UH). `UNHEALTHY`: readiness fails. `FAILED` outlier check: ejected by outlier detection.', '');

  out.push('## 4. Routes', '', '```sh', `istioctl proxy-config route "$CLIENT_POD" -n ${ns} --name ${shellQuote(port.port)} -o json`, '```', '');
  out.push(`Healthy: a virtual host for \`${m.fqdn}:${port.port}\` whose routes follow the VirtualService order, with \`weightedClusters\` matching the weights above${timeoutsText(m)}.`, '');

  out.push('## 5. Access logs', '', '```sh');
  out.push(`kubectl logs "$SERVER_POD" -c istio-proxy -n ${ns} --tail=2000 | istio-grpc logs -`);
  out.push(`kubectl logs "$CLIENT_POD" -c istio-proxy -n ${ns} --tail=2000 | grep -F ${shellQuote(m.fqdn)} | istio-grpc logs -`, '```', '');
  out.push(`Server-side lines show cluster \`inbound|${port.targetPort ?? port.port}||\`; client-side lines show \`outbound|${port.port}|<subset>|${m.fqdn}\`. Healthy: no response flags and response code 200 (gRPC errors travel in trailers, so check grpc-status when the format has it).`, '');

  out.push('## 6. Static analysis', '', '```sh', `istioctl analyze -n ${ns}`, '```', '');
  out.push(`Healthy: "No validation issues found when analyzing namespace: ${m.namespace}."`, '');

  const flags = RUNBOOK_FLAGS.map((c) => findResponseFlag(c)).filter((f): f is ResponseFlagInfo => f !== undefined);
  out.push('## Response flags for this service', '', 'Decode any other flag with `istio-grpc flags <CODE>`.', '', flagsMarkdownTable(flags, flagNotes(m)));
  return out.join('\n');
}

function timeoutsText(m: ServiceRunbookModel): string {
  const parts = m.virtualServices.flatMap((vs) => vs.routes.flatMap((r) => {
    const bits = [r.timeout ? `timeout \`${r.timeout}\`` : '', r.retries ? `retryPolicy numRetries ${r.retries.attempts ?? '?'}${r.retries.perTryTimeout ? `, perTryTimeout \`${r.retries.perTryTimeout}\`` : ''}` : ''].filter(Boolean);
    return bits.length ? [`${r.name ?? r.match}: ${bits.join(', ')}`] : [];
  }));
  return parts.length ? `, and per route ${parts.join('; ')}` : '';
}
