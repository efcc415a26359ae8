import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { labelSelectorMatches, listOf, objOf, stringLabels, stringsOf } from '../objects';

const REVISION_LABEL = 'istio.io/rev';

interface Hook { readonly config: KubeObject; readonly index: number; readonly id: string; readonly hook: Record<string, any> }

/**
 * IST0139: Istio injection webhooks that overlap (some namespace/pod label combination of
 * Istio's injection labels is selected by two of them, so a pod would be injected twice), and
 * injectors whose control-plane Service is not in the input.
 */
export const webhookAnalyzer: Analyzer = {
  name: 'webhook.Analyzer',
  inputs: ['MutatingWebhookConfiguration', 'Service'],
  analyze({ index, report }) {
    const hooks: Hook[] = [];
    const revisions = new Set<string>();
    for (const config of index.of('MutatingWebhookConfiguration')) {
      const list = listOf((config as any).webhooks).map(objOf);
      const revs = revisionsOf(config, list);
      if (revs.length === 0 && !list.some((w) => typeof w.name === 'string' && w.name.endsWith('istio.io'))) continue;
      revs.forEach((r) => revisions.add(r));
      list.forEach((hook, i) => hooks.push({ config, index: i, id: `${config.metadata.name}/${String(hook.name ?? '')}`, hook }));
    }
    const withRevisions = (base: Record<string, string>[]) => [
      ...base, ...[...revisions].flatMap((rev) => base.map((b) => ({ ...b, [REVISION_LABEL]: rev }))),
    ];
    const namespaceLabels = withRevisions([{}, { 'istio-injection': 'enabled' }, { 'istio-injection': 'disabled' }]);
    const objectLabels = withRevisions([{}, { 'sidecar.istio.io/inject': 'true' }, { 'sidecar.istio.io/inject': 'false' }]);
    const overlaps = new Map<Hook, Set<string>>();
    for (const nl of namespaceLabels) {
      for (const ol of objectLabels) {
        const matching = hooks.filter((h) => labelSelectorMatches(h.hook.namespaceSelector, nl) && labelSelectorMatches(h.hook.objectSelector, ol));
        if (matching.length < 2) continue;
        for (const h of matching) {
          const others = overlaps.get(h) ?? new Set<string>();
          matching.filter((o) => o !== h).forEach((o) => others.add(o.id));
          overlaps.set(h, others);
        }
      }
    }
    for (const [h, others] of overlaps) {
      report(IST.InvalidWebhook, h.config, `webhook ${h.id} overlaps with ${[...others].sort().join(', ')}: a pod may be injected twice; make their selectors exclusive`, `webhooks[${h.index}]`);
    }
    for (const h of hooks) {
      const service = objOf(objOf(h.hook.clientConfig).service);
      if (objOf(h.hook.clientConfig).service === undefined || objOf(h.hook.clientConfig).service === null) continue;
      const ns = typeof service.namespace === 'string' ? service.namespace : '';
      const name = typeof service.name === 'string' ? service.name : '';
      if (index.services.has(`${name}.${ns}.svc.cluster.local`)) continue;
      report(IST.InvalidWebhook, h.config, `injector ${h.id} calls control-plane Service ${ns}/${name}, which does not exist`, `webhooks[${h.index}].clientConfig.service`);
    }
  },
};

function revisionsOf(config: KubeObject, hooks: Record<string, any>[]): string[] {
  const revs = new Set<string>();
  const label = stringLabels(config.metadata.labels)[REVISION_LABEL];
  if (label !== undefined) revs.add(label);
  for (const hook of hooks) {
    for (const selector of [objOf(hook.namespaceSelector), objOf(hook.objectSelector)]) {
      const value = objOf(selector.matchLabels)[REVISION_LABEL];
      if (typeof value === 'string') revs.add(value);
      for (const e of listOf(selector.matchExpressions).map(objOf)) if (e.key === REVISION_LABEL) stringsOf(e.values).forEach((v) => revs.add(v));
    }
  }
  return [...revs];
}
