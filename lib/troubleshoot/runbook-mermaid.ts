import { formatLabels, ServiceRunbookModel, WorkloadModel } from './runbook-model';

/** Text inside a quoted Mermaid label: quotes and angle brackets would end or break it. */
function label(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/** A Mermaid node id from any name. */
function id(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}

function workloadText(w: WorkloadModel): string {
  return `${label(`${w.kind} ${w.name}`)}${w.replicas !== undefined ? `<br/>replicas: ${w.replicas}` : ''}`;
}

/**
 * A Mermaid flowchart of the service's traffic: gateways and in-mesh callers → VirtualServices →
 * subsets (edges labelled with match and weight) → the workloads whose pod labels the subsets select.
 */
export function renderTrafficFlowchart(m: ServiceRunbookModel): string {
  const lines = ['flowchart LR'];
  const edges: string[] = [];
  const svcNode = id('svc', m.name);
  const port = m.ports[0];
  lines.push(`  ${svcNode}["Service ${label(m.name)}<br/>${label(m.fqdn)}:${port.port} (${port.protocol})"]`);

  const callersOfVs = m.virtualServices.flatMap((vs) => vs.gateways.filter((g) => g === 'mesh'));
  if (callersOfVs.length > 0 || m.virtualServices.length === 0) lines.push('  mesh(["in-mesh callers"])');
  for (const gw of m.gateways) {
    const servers = gw.servers.map((s) => `${s.port ?? '?'}/${s.protocol ?? '?'} ${s.hosts.join(' ')}`).join('<br/>');
    lines.push(`  ${id('gw', gw.ref)}["Gateway ${label(gw.ref)}${servers ? `<br/>${label(servers)}` : gw.found ? '' : '<br/>(not in these manifests)'}"]`);
  }
  if (m.virtualServices.length === 0) edges.push(`  mesh --> ${svcNode}`);

  const subsetNodes = new Set<string>();
  for (const vs of m.virtualServices) {
    const vsNode = id('vs', `${vs.namespace}_${vs.name}`);
    lines.push(`  ${vsNode}{{"VirtualService ${label(vs.name)}"}}`);
    for (const g of vs.gateways) {
      edges.push(g === 'mesh' ? `  mesh --> ${vsNode}` : `  ${id('gw', g.includes('/') ? g : `${vs.namespace}/${g}`)} --> ${vsNode}`);
    }
    for (const route of vs.routes) {
      for (const d of route.destinations) {
        const target = d.subset ? id('subset', d.subset) : svcNode;
        if (d.subset) subsetNodes.add(d.subset);
        const text = [route.match === 'all calls' && vs.routes.length === 1 ? '' : route.match, d.weight !== undefined ? `${d.weight}%` : 'weight unset']
          .filter((t) => t.length > 0).join(' · ');
        edges.push(`  ${vsNode} -->|"${label(text)}"| ${target}`);
      }
    }
  }

  const subsets = m.destinationRule?.subsets ?? [];
  for (const name of subsetNodes) {
    const subset = subsets.find((s) => s.name === name);
    const node = id('subset', name);
    lines.push(`  ${node}["subset ${label(name)}<br/>${subset ? label(formatLabels(subset.labels)) : 'not defined in any DestinationRule'}"]`);
    edges.push(`  ${svcNode} -.- ${node}`);
    const workloads = subset?.workloads ?? [];
    if (workloads.length === 0) {
      lines.push(`  ${id('none', name)}["no matching workload"]`);
      edges.push(`  ${node} --> ${id('none', name)}`);
    }
    for (const w of workloads) edges.push(`  ${node} --> ${id('wl', `${w.kind}_${w.name}`)}`);
  }
  // Routes straight to the host (no subset) reach every pod the Service selects.
  const direct = m.virtualServices.length === 0 || m.virtualServices.some((vs) => vs.routes.some((r) => r.destinations.some((d) => !d.subset)));
  if (direct) for (const w of m.workloads) edges.push(`  ${svcNode} --> ${id('wl', `${w.kind}_${w.name}`)}`);
  for (const w of m.workloads) lines.push(`  ${id('wl', `${w.kind}_${w.name}`)}["${workloadText(w)}"]`);

  return [...lines, ...[...new Set(edges)]].join('\n') + '\n';
}
