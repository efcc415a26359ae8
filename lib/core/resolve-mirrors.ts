import { PropChecker } from './checks';
import { GrpcMeshServiceProps } from './mesh-service-props';
import { MirrorProps } from './mirror';
import { listOfObjects } from './shape-checks';

/** One mirror destination in Istio's field form (`mirrors[]`). */
export interface MirrorModel {
  readonly destination: { readonly host: string; readonly subset?: string; readonly port?: { readonly number: number } };
  readonly percentage: { readonly value: number };
}

const SHORT_HOST = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const FQDN = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Checks `mirrors`; short hosts are Services in the service's namespace. */
export function resolveMirrors(
  check: PropChecker, props: GrpcMeshServiceProps, self: { fqdn: string; namespace: string; port: number },
): MirrorModel[] {
  const mirrors = listOfObjects<MirrorProps>(check, 'mirrors', props.mirrors, '{ host: "users-shadow", percent: 5 }');
  const seen = new Map<string, number>();
  return mirrors.map((m, i) => {
    const at = `mirrors[${i}]`;
    const host = m.host === undefined ? self.fqdn : mirrorHost(check, `${at}.host`, m.host, self.namespace);
    const toSelf = host === self.fqdn;
    if (m.subset !== undefined) check.dnsLabel(`${at}.subset`, m.subset);
    if (toSelf && m.subset === undefined) {
      check.fail(`${at}.subset`, undefined, 'a mirror to the service itself without a subset copies calls onto the same pods, doubling their load and side effects', 'name a subset (e.g. a canary version), or mirror to another host');
    }
    const port = m.port !== undefined ? check.port(`${at}.port`, m.port) : (toSelf ? self.port : undefined);
    if (!(typeof m.percent === 'number' && Number.isFinite(m.percent) && m.percent > 0 && m.percent <= 100)) {
      check.fail(`${at}.percent`, m.percent, 'must be a percentage above 0 and at most 100', 'e.g. 5 copies one call in twenty');
    }
    const key = `${host}|${m.subset ?? ''}|${port ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) check.fail(at, m, `copies to the same destination as mirrors[${earlier}], so each call would be copied there twice`, 'merge the two into one mirror with the combined percent');
    seen.set(key, i);
    return {
      destination: { host, ...(m.subset !== undefined ? { subset: m.subset } : {}), ...(port !== undefined ? { port: { number: port } } : {}) },
      percentage: { value: m.percent },
    };
  });
}

function mirrorHost(check: PropChecker, field: string, host: unknown, namespace: string): string {
  if (typeof host === 'string' && SHORT_HOST.test(host) && host.length <= 63) return `${host}.${namespace}.svc.cluster.local`;
  if (typeof host === 'string' && FQDN.test(host) && host.length <= 253) return host;
  return check.fail(field, host, 'must be a Service name in the same namespace or a fully-qualified host name (lower case, no wildcard)', 'use e.g. "users-shadow" or "users.shadow.svc.cluster.local"');
}
