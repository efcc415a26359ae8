import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, objOf, specOf } from '../objects';

const ROUTE_LEVEL = new Set(['ROUTE_CONFIGURATION', 'HTTP_ROUTE']);
const REPLACEABLE = new Set(['NETWORK_FILTER', 'HTTP_FILTER', 'VIRTUAL_HOST']);

/**
 * IST0151-IST0155: EnvoyFilter patch operations that Envoy ignores (ADD/REMOVE on route-level
 * objects, REPLACE outside filters and virtual hosts), and relative operations (INSERT_BEFORE/AFTER,
 * REPLACE, REMOVE) without a priority, which may apply in the wrong order; IST0155 instead of
 * IST0151 when an earlier patch with a proxyVersion match touched the same filter.
 */
export const envoyPatchAnalyzer: Analyzer = {
  name: 'envoyfilter.EnvoyPatchAnalyzer',
  inputs: ['EnvoyFilter'],
  analyze({ index, report }) {
    // Names of filters patched under a proxyVersion match, across EnvoyFilters in input order.
    const versioned = new Set<string>();
    for (const ef of index.of('EnvoyFilter')) {
      const spec = specOf(ef);
      const priority = typeof spec.priority === 'number' ? spec.priority : 0;
      for (const [i, raw] of listOf(spec.configPatches).entries()) {
        const patch = objOf(raw);
        if (patch.patch === undefined || patch.patch === null) break;
        const name = patchedName(patch);
        const operation = objOf(patch.patch).operation;
        const applyTo = String(patch.applyTo ?? '');
        const path = `spec.configPatches[${i}]`;
        const relative = () => {
          if (priority !== 0) return;
          if (versioned.has(name)) {
            report(IST.EnvoyFilterUsesRelativeOperationWithProxyVersion, ef,
              `patch ${i} uses ${String(operation)} without a priority, and an earlier patch of the same filter matches a proxyVersion: after an upgrade it may apply in another order or not at all; set spec.priority or use INSERT_FIRST/ADD`, path);
          } else {
            report(IST.EnvoyFilterUsesRelativeOperation, ef,
              `patch ${i} uses the relative operation ${String(operation)} without a priority, so it may apply before the object it is relative to exists; set spec.priority or use INSERT_FIRST/ADD`, path);
          }
        };
        if (operation === 'ADD') {
          if (ROUTE_LEVEL.has(applyTo)) report(IST.EnvoyFilterUsesAddOperationIncorrectly, ef, `ADD on ${applyTo} is ignored by Istio; use MERGE`, path);
        } else if (operation === 'REMOVE') {
          if (ROUTE_LEVEL.has(applyTo)) report(IST.EnvoyFilterUsesRemoveOperationIncorrectly, ef, `REMOVE on ${applyTo} is ignored by Istio; use MERGE`, path);
          else relative();
        } else if (operation === 'REPLACE') {
          if (!REPLACEABLE.has(applyTo)) report(IST.EnvoyFilterUsesReplaceOperationIncorrectly, ef, `REPLACE works only on HTTP_FILTER, NETWORK_FILTER and VIRTUAL_HOST, not ${applyTo || 'an unset applyTo'}`, path);
          else relative();
        } else if (operation === 'INSERT_BEFORE' || operation === 'INSERT_AFTER') {
          relative();
        }
        const proxyVersion = objOf(objOf(patch.match).proxy).proxyVersion;
        if (typeof proxyVersion === 'string' && proxyVersion !== '') versioned.add(name);
      }
    }
  },
};

/** The filter a patch is about: `patch.value.name`, else the listener filter it matches (tagged: Istio compares them as different strings). */
function patchedName(patch: Record<string, any>): string {
  const value = objOf(patch.patch).value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return '';
  if (value.name !== undefined && value.name !== null) return `value:${JSON.stringify(value.name)}`;
  const filter = objOf(objOf(objOf(objOf(patch.match).listener).filterChain).filter).name;
  return typeof filter === 'string' ? `filter:${filter}` : '';
}
