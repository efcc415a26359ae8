import { KubeObject } from '../../../lib/core/kube-object';
import { Analyzer } from '../../../lib/validate/analyzer/analyzer';
import { IST } from '../../../lib/validate/analyzer/messages';
import { labelsMatch, listOf, nameOf, objOf, specOf, stringLabels, stringsOf } from '../../../lib/validate/analyzer/objects';

/** A selector as Kubernetes prints it: `k=v` pairs sorted by key, comma-joined. */
export function selectorString(selector: Readonly<Record<string, string>>): string {
  return Object.keys(selector).sort().map((k) => `${k}=${selector[k]}`).join(',');
}

/**
 * IST0145: two Gateways on the same workload that declare the same host (and bind) on the same
 * port. As Istio does it: workloads are the same when the selectors print the same, or when one
 * printed selector contains the other and a pod matches both; hosts compare as written.
 */
export const conflictingGatewayAnalyzer: Analyzer = {
  name: 'gateway.ConflictingGatewayAnalyzer',
  inputs: ['Gateway', 'Pod'],
  analyze({ index, report }) {
    // selector~port -> gateway -> host -> bind (the last server of a gateway on a port wins, as in Istio).
    const byKey = new Map<string, Map<KubeObject, Map<string, string>>>();
    const selectors = new Map<KubeObject, Record<string, string>>();
    for (const gw of index.gateways.values()) {
      const selector = stringLabels(specOf(gw).selector);
      selectors.set(gw, selector);
      for (const server of listOf(specOf(gw).servers).map(objOf)) {
        const key = `${selectorString(selector)}~${portOf(server)}`;
        const gateways = byKey.get(key) ?? new Map<KubeObject, Map<string, string>>();
        gateways.set(gw, new Map(stringsOf(server.hosts).map((h) => [h, bindOf(server)])));
        byKey.set(key, gateways);
      }
    }
    const pods = index.workloads;
    for (const gw of index.gateways.values()) {
      const selector = selectors.get(gw)!;
      const mine = selectorString(selector);
      const sameWorkload = [...byKey.entries()].filter(([key]) => {
        const theirs = key.slice(0, key.lastIndexOf('~'));
        if (theirs === mine) return true;
        if (!theirs.includes(mine) && !mine.includes(theirs)) return false;
        const other = parseSelector(theirs);
        return pods.some((p) => labelsMatch(selector, p.labels) && labelsMatch(other, p.labels));
      });
      listOf(specOf(gw).servers).map(objOf).forEach((server, i) => {
        const port = portOf(server);
        const conflicting = new Set<string>();
        for (const [key, gateways] of sameWorkload) {
          if (key.slice(key.lastIndexOf('~') + 1) !== port) continue;
          for (const [other, hosts] of gateways) {
            if (other === gw) continue;
            if (stringsOf(server.hosts).some((h) => hosts.has(h) && hosts.get(h) === bindOf(server))) conflicting.add(nameOf(other));
          }
        }
        if (conflicting.size === 0) return;
        report(IST.ConflictingGateways, gw,
          `server ${i} conflicts with gateway ${[...conflicting].sort().join(', ')}: same workload (${mine || 'any'}), port ${port} and host ${stringsOf(server.hosts).join(', ')}; merge them into one Gateway`, `spec.servers[${i}]`);
      });
    }
  },
};

function portOf(server: Record<string, any>): string {
  const n = objOf(server.port).number;
  return typeof n === 'number' ? String(n) : '0';
}

function bindOf(server: Record<string, any>): string {
  return typeof server.bind === 'string' ? server.bind : '';
}

function parseSelector(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const kv = pair.split('=');
    if (kv.length === 2) out[kv[0]] = kv[1];
  }
  return out;
}
