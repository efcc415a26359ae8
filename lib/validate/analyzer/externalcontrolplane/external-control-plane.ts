import { isIP } from 'net';
import { KubeObject } from '../../../core/kube-object';
import { Analyzer } from '../analyzer';
import { IST } from '../messages';
import { listOf, objOf } from '../objects';

/**
 * IST0163/IST0164: Istio's webhooks (validators `istiod-default-validator` and `istio-validator*`,
 * injectors `istio-sidecar-injector*`) that reach the control plane by no address at all, by an
 * unparsable URL, or by an IP address rather than a host name.
 */
export const externalControlPlaneAnalyzer: Analyzer = {
  name: 'externalcontrolplane.ExternalControlPlaneAnalyzer',
  inputs: ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'],
  analyze({ index, report }) {
    const check = (config: KubeObject) => {
      listOf((config as any).webhooks).map(objOf).forEach((hook, i) => {
        const client = objOf(hook.clientConfig);
        const name = String(hook.name ?? '');
        const path = `webhooks[${i}].clientConfig`;
        if (typeof client.url === 'string') {
          const host = urlHostname(client.url);
          if (host === undefined) {
            report(IST.InvalidExternalControlPlaneConfig, config, `webhook ${name} has a malformed URL (${client.url}), so the external control plane cannot be reached`, `${path}.url`);
          } else if (isIP(host)) {
            report(IST.ExternalControlPlaneAddressIsNotAHostname, config, `webhook ${name} reaches the external control plane by IP address (${client.url}); use a host name in production`, `${path}.url`);
          }
        } else if (client.service === undefined || client.service === null) {
          report(IST.InvalidExternalControlPlaneConfig, config, `webhook ${name} has neither a URL nor a service, so the external control plane cannot be reached`, path);
        }
      });
    };
    for (const c of index.of('ValidatingWebhookConfiguration')) {
      if (c.metadata.name === 'istiod-default-validator' || c.metadata.name.startsWith('istio-validator')) check(c);
    }
    for (const c of index.of('MutatingWebhookConfiguration')) if (c.metadata.name.startsWith('istio-sidecar-injector')) check(c);
  },
};

/**
 * The host of a URL as Go's url.Parse reads it (no brackets, no port); "" for a URL without
 * authority; undefined when Go would refuse it (control characters, bad escapes, bad port).
 */
export function urlHostname(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(url) || /%(?![0-9a-fA-F]{2})/.test(url)) return undefined;
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(url);
  if (!m) return '';
  const authority = m[1].slice(m[1].lastIndexOf('@') + 1);
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']');
    if (end < 0) return undefined;
    const rest = authority.slice(end + 1);
    if (rest !== '' && !/^:\d*$/.test(rest)) return undefined;
    return authority.slice(1, end);
  }
  const colon = authority.lastIndexOf(':');
  if (colon < 0) return authority;
  if (!/^\d*$/.test(authority.slice(colon + 1))) return undefined;
  return authority.slice(0, colon);
}
