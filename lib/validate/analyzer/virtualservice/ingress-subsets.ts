import { gatewaysOf } from './util';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, nameOf, objOf, specOf, stringsOf } from '../objects';

/**
 * IST0140: a VirtualService bound to gateways routes to a host without a subset, while another
 * VirtualService for that host routes it by subsets: those subsets do not apply to the gateway's
 * requests. Hosts compare as written, as Istio compares them.
 */
export const ingressSubsetsAnalyzer: Analyzer = {
  name: 'virtualservice.DestinationHostAnalyzer',
  inputs: ['VirtualService'],
  analyze({ index, report }) {
    // VirtualService -> the hosts it routes to subsets of (hosts it also declares).
    const pinning = new Map<string, Set<string>>();
    for (const vs of index.of('VirtualService')) {
      const hosts = new Set(stringsOf(specOf(vs).hosts));
      // Written once per VirtualService, not per route.
      let name: string | undefined;
      for (const rule of listOf(specOf(vs).http)) {
        for (const route of listOf(objOf(rule).route)) {
          const d = objOf(objOf(route).destination);
          if (typeof d.subset === 'string' && d.subset !== '' && typeof d.host === 'string' && hosts.has(d.host)) {
            name ??= nameOf(vs);
            const pinned = pinning.get(name);
            if (pinned) pinned.add(d.host);
            else pinning.set(name, new Set([d.host]));
          }
        }
      }
    }
    // Host -> the VirtualServices pinning it, in the order of `pinning`: each route looks up its host only.
    const pinnedBy = new Map<string, string[]>();
    for (const [name, hosts] of pinning) {
      for (const host of hosts) {
        const names = pinnedBy.get(host);
        if (names) names.push(name);
        else pinnedBy.set(host, [name]);
      }
    }
    for (const vs of index.of('VirtualService')) {
      if (gatewaysOf(vs).length === 0) continue;
      listOf(specOf(vs).http).forEach((rule, i) => {
        listOf(objOf(rule).route).forEach((route, j) => {
          const d = objOf(objOf(route).destination);
          if ((typeof d.subset === 'string' && d.subset !== '') || typeof d.host !== 'string') return;
          for (const other of pinnedBy.get(d.host) ?? []) {
            report(IST.IngressRouteRulesNotAffected, vs,
              `the subsets VirtualService ${other} routes ${d.host} by do not apply to requests through this VirtualService's gateways; route to the subsets here too`, `spec.http[${i}].route[${j}].destination`);
          }
        });
      });
    }
  },
};
