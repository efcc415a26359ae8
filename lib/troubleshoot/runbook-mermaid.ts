import { formatLabels, ServiceRunbookModel, WorkloadModel } from './runbook-model';
import { mermaidLabel as label, mermaidLines as labelLines } from './runbook-text';

/** A Mermaid node id from any name. */
function id(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
}

function workloadText(w: WorkloadModel): string {
  return w.replicas !== undefined ? labelLines(`${w.kind} ${w.name}`, `replicas: ${w.replicas}`) : label(`${w.kind} ${w.name}`);
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
  lines.push(`  ${svcNode}["${labelLines(`Service ${m.name}`, `${m.fqdn}:${port.port} (${port.protocol})`)}"]`);

  const callersOfVs = m.virtualServices.flatMap((vs) => vs.gateways.filter((g) => g === 'mesh'));
  if (callersOfVs.length > 0 || m.virtualServices.length === 0) lines.push('  mesh(["in-mesh callers"])');
  for (const gw of m.gateways) {
    // Each server on its own line: the parts are escaped, the <br/> between them is not.
    const servers = gw.servers.map((s) => `${s.port ?? '?'}/${s.protocol ?? '?'} ${s.hosts.join(' ')}`);
    const parts = [`Gateway ${gw.ref}`, ...(servers.length ? servers : gw.found ? [] : ['(not in these manifests)'])];
    lines.push(`  ${id('gw', gw.ref)}["${labelLines(...parts)}"]`);
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
      for (const mirror of route.mirrors) {
        // A dotted edge: copies of the calls, whose responses nobody waits for.
        const node = id('mirror', `${mirror.host}_${mirror.subset ?? ''}`);
        lines.push(`  ${node}["${labelLines(`mirror ${mirror.host}`, ...(mirror.subset ? [`subset ${mirror.subset}`] : []))}"]`);
        edges.push(`  ${vsNode} -.->|"${label(`mirror ${mirror.percent !== undefined ? `${mirror.percent}%` : '100%'}`)}"| ${node}`);
      }
    }
  }

  const subsets = m.destinationRule?.subsets ?? [];
  for (const name of subsetNodes) {
    const subset = subsets.find((s) => s.name === name);
    const node = id('subset', name);
    lines.push(`  ${node}["${labelLines(`subset ${name}`, subset ? formatLabels(subset.labels) : 'not defined in any DestinationRule')}"]`);
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
