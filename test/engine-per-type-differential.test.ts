import * as fc from 'fast-check';
import { KNOWN_HTTP_STATUS_CODES } from '../lib/core/http-status';
import { KubeObject } from '../lib/core/kube-object';
import { CodeInfo } from '../lib/validate/code-info';
import { Finding, findingOf } from '../lib/validate/finding';
import { checkPodSecurity, PodTemplate, podTemplateOf } from '../lib/validate/pod-security';
import { POD_SECURITY_CODES as C } from '../lib/validate/pod-security/codes';
import { lookupCrd } from '../lib/validate/schema/crd-catalog';
import { memoByType } from '../lib/validate/type-memo';
import { checkWebhook } from '../lib/validate/webhook';
import { WEBHOOK_CODES } from '../lib/validate/webhook/codes';
import { checkDuration } from '../lib/validate/webhook/durations';
import { checkAuthorityRewrite } from '../lib/validate/webhook/header-operations';
import { Issues, obj } from '../lib/validate/webhook/issues';
import { checkRetries, RETRY_ON_POLICIES } from '../lib/validate/webhook/retries';

// Differential: the checks that now look their type up once, or judge a text once, against the
// checks as first written (looked up, split and listed again for every object).

/* eslint-disable */

// ---- The pod template lookup and Pod Security checks as first written ----
const recordOrUndefined = (v: unknown): Record<string, any> | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, any> : undefined);

/** The built-in workload kinds and the path to their pod template, by API group. */
const TEMPLATE_PATHS: Record<string, { readonly groups: readonly string[]; readonly path: readonly string[] }> = {
  Pod: { groups: [''], path: [] },
  Deployment: { groups: ['apps'], path: ['spec', 'template'] },
  StatefulSet: { groups: ['apps'], path: ['spec', 'template'] },
  DaemonSet: { groups: ['apps'], path: ['spec', 'template'] },
  ReplicaSet: { groups: ['apps'], path: ['spec', 'template'] },
  ReplicationController: { groups: [''], path: ['spec', 'template'] },
  Job: { groups: ['batch'], path: ['spec', 'template'] },
  CronJob: { groups: ['batch'], path: ['spec', 'jobTemplate', 'spec', 'template'] },
  PodTemplate: { groups: [''], path: ['template'] },
};

/** The pod template of a built-in workload object, or undefined for other kinds (or no spec). */
function podTemplateAsFirstWritten(object: Record<string, any>): PodTemplate | undefined {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const entry = TEMPLATE_PATHS[kind];
  if (!entry || !entry.groups.includes(group)) return undefined;
  let node: Record<string, any> | undefined = object;
  for (const key of entry.path) node = recordOrUndefined(node?.[key]);
  const spec = recordOrUndefined(node?.spec);
  if (!spec) return undefined;
  return { metadata: recordOrUndefined(node?.metadata) ?? {}, spec, path: [...entry.path, 'spec'].join('.') };
}

const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
];
const SELINUX_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

const record = (v: unknown): Record<string, any> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, any> : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const quote = (v: unknown) => JSON.stringify(typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}...` : v);

/**
 * The Pod Security Standards "restricted" violations of a workload's pod template (Pod,
 * Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob,
 * PodTemplate), as warnings with one code per control. Other kinds give no finding. Containers
 * injected later (the Istio sidecar) are not in the manifest, so they are not checked here.
 */
function checkPodSecurityAsFirstWritten(object: unknown): Finding[] {
  const o = record(object);
  const template = podTemplateAsFirstWritten(o);
  if (!template) return [];
  const findings: Finding[] = [];
  const warn = (code: CodeInfo, path: string, message: string) => findings.push(findingOf(object, 'warning', code.code, `${message} (Pod Security "restricted")`, `${template.path}${path}`));
  const { spec } = template;
  const podSc = record(spec.securityContext);
  const windows = record(spec.os).name === 'windows';

  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (spec[field] === true) warn(C.HOST_NAMESPACES, `.${field}`, `${field} shares the node's namespace with the pod; remove it`);
  }
  if (record(podSc.windowsOptions).hostProcess === true) warn(C.HOST_PROCESS, '.securityContext.windowsOptions.hostProcess', 'HostProcess containers have node access; remove hostProcess');
  checkSeLinux(warn, '.securityContext', podSc);
  checkAppArmor(warn, '.securityContext', podSc);
  if (podSc.runAsUser === 0) warn(C.RUN_AS_USER, '.securityContext.runAsUser', 'runAsUser 0 runs the pod as root; use a non-zero UID');
  const podSeccomp = record(podSc.seccompProfile).type;
  if (podSeccomp === 'Unconfined') warn(C.SECCOMP, '.securityContext.seccompProfile.type', 'seccomp Unconfined lets containers make every system call; use RuntimeDefault');
  list(podSc.sysctls).forEach((s, i) => {
    const name = record(s).name;
    if (!SAFE_SYSCTLS.includes(name)) warn(C.SYSCTLS, `.securityContext.sysctls[${i}].name`, `sysctl ${quote(name)} is not one of the safe sysctls`);
  });
  list(spec.volumes).forEach((v, i) => {
    const volume = record(v);
    if (volume.hostPath !== undefined) warn(C.HOST_PATH_VOLUMES, `.volumes[${i}].hostPath`, `volume ${quote(volume.name)} mounts a path of the node; use an emptyDir, configMap, secret or persistentVolumeClaim`);
    const types = Object.keys(volume).filter((k) => k !== 'name' && volume[k] !== undefined && volume[k] !== null);
    const other = types.filter((t) => !ALLOWED_VOLUMES.includes(t) && t !== 'hostPath');
    if (other.length) warn(C.VOLUME_TYPES, `.volumes[${i}]`, `volume ${quote(volume.name)} is of type ${other.join(', ')}; use one of ${ALLOWED_VOLUMES.join(', ')}`);
  });
  for (const [key, value] of Object.entries(record(template.metadata.annotations))) {
    if (key.startsWith(APPARMOR_ANNOTATION) && typeof value === 'string' && value !== 'runtime/default' && !value.startsWith('localhost/')) {
      warn(C.APPARMOR, `.metadata.annotations.${key}`, `AppArmor profile ${quote(value)} is not runtime/default or localhost/*`);
    }
  }

  const containers = CONTAINER_LISTS.flatMap((kind) => list(spec[kind]).map((c, i) => ({ c: record(c), path: `.${kind}[${i}]` })));
  const nonRootEverywhere = containers.length > 0 && containers.every(({ c }) => record(c.securityContext).runAsNonRoot === true);
  if (podSc.runAsNonRoot !== true && !nonRootEverywhere && !containers.some(({ c }) => record(c.securityContext).runAsNonRoot === false)) {
    warn(C.RUN_AS_NON_ROOT, '.securityContext.runAsNonRoot', 'runAsNonRoot is not true for the pod or for every container; set securityContext.runAsNonRoot: true');
  }
  if (!windows && podSeccomp !== 'RuntimeDefault' && podSeccomp !== 'Localhost' && podSeccomp !== 'Unconfined') {
    const unset = containers.filter(({ c }) => record(record(c.securityContext).seccompProfile).type === undefined);
    if (unset.length) warn(C.SECCOMP, '.securityContext.seccompProfile', `no seccomp profile for the pod or for ${unset.map((u) => quote(u.c.name)).join(', ')}; set securityContext.seccompProfile.type: RuntimeDefault`);
  }
  for (const { c, path } of containers) {
    const sc = record(c.securityContext);
    const at = `${path}.securityContext`;
    const name = quote(c.name);
    if (sc.privileged === true) warn(C.PRIVILEGED, `${at}.privileged`, `container ${name} is privileged; remove privileged`);
    if (record(sc.windowsOptions).hostProcess === true) warn(C.HOST_PROCESS, `${at}.windowsOptions.hostProcess`, `container ${name} is a HostProcess container; remove hostProcess`);
    if (sc.procMount !== undefined && sc.procMount !== 'Default') warn(C.PROC_MOUNT, `${at}.procMount`, `container ${name} uses procMount ${quote(sc.procMount)}; use Default`);
    if (sc.runAsNonRoot === false) warn(C.RUN_AS_NON_ROOT, `${at}.runAsNonRoot`, `container ${name} sets runAsNonRoot: false; set true`);
    if (sc.runAsUser === 0) warn(C.RUN_AS_USER, `${at}.runAsUser`, `container ${name} runs as root (runAsUser 0); use a non-zero UID`);
    checkSeLinux(warn, at, sc, name);
    checkAppArmor(warn, at, sc, name);
    const seccomp = record(sc.seccompProfile).type;
    if (seccomp !== undefined && seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') {
      warn(C.SECCOMP, `${at}.seccompProfile.type`, `container ${name} has seccomp profile ${quote(seccomp)}; use RuntimeDefault`);
    }
    list(c.ports).forEach((p, i) => {
      const hostPort = record(p).hostPort;
      if (hostPort !== undefined && hostPort !== 0) warn(C.HOST_PORTS, `${path}.ports[${i}].hostPort`, `container ${name} binds host port ${quote(hostPort)}; remove hostPort`);
    });
    if (windows) continue;
    if (sc.allowPrivilegeEscalation !== false) warn(C.PRIVILEGE_ESCALATION, `${at}.allowPrivilegeEscalation`, `container ${name} does not set allowPrivilegeEscalation: false`);
    const caps = record(sc.capabilities);
    if (!list(caps.drop).includes('ALL')) warn(C.CAPABILITIES, `${at}.capabilities.drop`, `container ${name} does not drop ALL capabilities; set capabilities.drop: ["ALL"]`);
    const added = list(caps.add).filter((cap) => cap !== 'NET_BIND_SERVICE');
    if (added.length) warn(C.CAPABILITIES, `${at}.capabilities.add`, `container ${name} adds ${added.map(quote).join(', ')}; only NET_BIND_SERVICE may be added`);
  }
  return findings;
}

type Warn = (code: CodeInfo, path: string, message: string) => void;

function checkSeLinux(warn: Warn, at: string, sc: Record<string, any>, container?: string): void {
  const se = record(sc.seLinuxOptions);
  const who = container ? `container ${container}` : 'the pod';
  if (se.type !== undefined && !SELINUX_TYPES.includes(se.type)) warn(C.SELINUX, `${at}.seLinuxOptions.type`, `${who} uses SELinux type ${quote(se.type)}; use container_t (or leave it out)`);
  for (const field of ['user', 'role']) {
    if (se[field] !== undefined && se[field] !== '') warn(C.SELINUX, `${at}.seLinuxOptions.${field}`, `${who} sets SELinux ${field} ${quote(se[field])}; remove it`);
  }
}

function checkAppArmor(warn: Warn, at: string, sc: Record<string, any>, container?: string): void {
  const type = record(sc.appArmorProfile).type;
  if (type !== undefined && type !== 'RuntimeDefault' && type !== 'Localhost') {
    warn(C.APPARMOR, `${at}.appArmorProfile.type`, `${container ? `container ${container}` : 'the pod'} uses AppArmor profile ${quote(type)}; use RuntimeDefault or Localhost`);
  }
}


// ---- The retries and authority rewrite checks as first written ----
function atoi(text: string): number {
  return /^[+-]?\d+$/.test(text) ? Number(text) : 0;
}

function checkRetriesAsFirstWritten(issues: Issues, retries: unknown, path: string): void {
  const r = obj(retries);
  if (!r) return;
  const attempts = typeof r.attempts === 'number' ? r.attempts : 0;
  if (attempts < 0) issues.error(WEBHOOK_CODES.RETRIES, `${path}.attempts`, `attempts must not be negative (got ${attempts})`);
  if (attempts === 0) {
    const present = (k: string) => r[k] !== undefined && r[k] !== null && !(k === 'retryOn' && r[k] === '');
    const others = ['perTryTimeout', 'retryOn', 'retryRemoteLocalities'].filter(present);
    if (others.length) {
      issues.error(WEBHOOK_CODES.RETRIES, path, `attempts is 0, which switches retries off, yet ${others.join(' and ')} ${others.length > 1 ? 'are' : 'is'} set; remove ${others.length > 1 ? 'them' : 'it'} or set attempts > 0`);
    }
  }
  checkDuration(issues, r.perTryTimeout, `${path}.perTryTimeout`);
  if (typeof r.retryOn === 'string' && r.retryOn !== '') {
    for (const token of r.retryOn.split(',')) {
      if (RETRY_ON_POLICIES.has(token) || KNOWN_HTTP_STATUS_CODES.has(atoi(token))) continue;
      const why = token.trim() !== token && RETRY_ON_POLICIES.has(token.trim())
        ? `"${token}" is not a valid retryOn policy: Istio does not trim spaces, write "${r.retryOn.split(',').map((t: string) => t.trim()).join(',')}"`
        : /^[+-]?\d+$/.test(token) ? `${token} is not a known HTTP status code` : `"${token}" is not a valid retryOn policy`;
      issues.error(WEBHOOK_CODES.RETRIES, `${path}.retryOn`, `${why}; use gRPC conditions (cancelled, deadline-exceeded, internal, resource-exhausted, unavailable), Envoy's (5xx, gateway-error, reset, connect-failure, refused-stream, retriable-4xx, ...) or an HTTP status code`);
    }
  }
  checkDuration(issues, r.backoff, `${path}.backoff`);
}

const isAuthorityHeader = (name: string) => name.toLowerCase() === ':authority' || name.toLowerCase() === 'host';

function checkAuthorityRewriteAsFirstWritten(issues: Issues, rewrite: unknown, headers: unknown, path: string): void {
  let current = typeof obj(rewrite)?.authority === 'string' ? obj(rewrite)!.authority as string : '';
  const request = obj(obj(headers)?.request);
  for (const op of ['set', 'add'] as const) {
    for (const [name, value] of Object.entries(obj(request?.[op]) ?? {})) {
      if (!isAuthorityHeader(name)) continue;
      if (current !== '') {
        issues.error(WEBHOOK_CODES.HTTP_ROUTE, `${path}.headers.request.${op}.${name}`, `authority header cannot be set multiple times: have "${current}", attempting to set "${String(value)}"`);
        return;
      }
      current = String(value);
    }
  }
}
/* eslint-enable */

const OBJECT: KubeObject = { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'vs', namespace: 'ns' } };

/** The findings one check of the webhook writes for `run`. */
function issuesOf(run: (issues: Issues) => void): Finding[] {
  const issues = new Issues(OBJECT);
  run(issues);
  return issues.findings;
}

const apiVersion = fc.constantFrom(
  'v1', 'apps/v1', 'batch/v1', 'apps', 'networking.istio.io/v1', 'networking.istio.io/v1beta1', 'security.istio.io/v1', 'extensions/v1beta1', 'x/y/z', '');
const kind = fc.constantFrom(
  'Pod', 'Deployment', 'CronJob', 'PodTemplate', 'ReplicationController', 'VirtualService', 'DestinationRule', 'PeerAuthentication', 'Service',
  'toString', 'constructor', '__proto__', '');
const value = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: -1, max: 2 }),
  fc.constantFrom('', 'windows', 'Unconfined', 'RuntimeDefault', 'Localhost', 'ALL', 'NET_ADMIN', 'runtime/default', 'x'));
const securityContext = fc.record({
  runAsNonRoot: value,
  runAsUser: value,
  privileged: value,
  allowPrivilegeEscalation: value,
  procMount: value,
  seccompProfile: fc.oneof(value, fc.record({ type: value })),
  capabilities: fc.oneof(value, fc.record({
    drop: fc.oneof(value, fc.array(value, { maxLength: 2 })),
    add: fc.oneof(value, fc.array(value, { maxLength: 2 })),
  }, { requiredKeys: [] })),
}, { requiredKeys: [] });
const container = fc.oneof(value, fc.record({
  name: value,
  securityContext: fc.oneof(value, securityContext),
  ports: fc.oneof(value, fc.array(fc.oneof(value, fc.record({ hostPort: value }, { requiredKeys: [] })), { maxLength: 2 })),
}, { requiredKeys: [] }));
/** A container list, sometimes with holes (a sparse array, as a program may hand over). */
const sparseContainers = fc.array(container, { minLength: 1, maxLength: 3 }).map((items) => {
  const sparse = [...items];
  delete sparse[0];
  return sparse;
});
const containers = fc.oneof(value, fc.array(container, { maxLength: 3 }), sparseContainers);
const volume = fc.record({ name: value, hostPath: value, emptyDir: value, nfs: value }, { requiredKeys: [] });
const podSpec = fc.record({
  hostNetwork: value,
  containers,
  initContainers: containers,
  ephemeralContainers: containers,
  securityContext: fc.oneof(value, securityContext),
  os: fc.oneof(value, fc.record({ name: value })),
  volumes: fc.oneof(value, fc.array(volume, { maxLength: 2 })),
}, { requiredKeys: [] });
const podMetadata = fc.oneof(value, fc.record({
  annotations: fc.oneof(value, fc.dictionary(fc.constantFrom('container.apparmor.security.beta.kubernetes.io/app', 'a'), value, { maxKeys: 2 })),
}, { requiredKeys: [] }));
const template = fc.oneof(value, fc.record({ metadata: podMetadata, spec: fc.oneof(value, podSpec) }, { requiredKeys: [] }));
const jobTemplate = fc.record({ spec: fc.record({ template }, { requiredKeys: [] }) });
const workload = fc.record({
  apiVersion: fc.oneof(apiVersion, value),
  kind: fc.oneof(kind, value),
  metadata: podMetadata.map((m) => ({ name: 'w', ...(typeof m === 'object' && m !== null ? m : {}) })),
  spec: fc.oneof(podSpec, fc.record({ template, jobTemplate: fc.oneof(value, jobTemplate) }, { requiredKeys: [] })),
  template,
}, { requiredKeys: ['metadata'] });

/** What a check gives, or the message it throws with (a throw becomes an IGR0003 finding). */
function outcome<T>(run: () => T): T | { threw: string } {
  try {
    return run();
  } catch (err) {
    return { threw: (err as Error).message };
  }
}

describe('per-type lookups', () => {
  test('memoByType gives what the function gives, for any sequence of types, however often the memory starts over', () => {
    const anyApiVersion = fc.oneof(apiVersion, fc.string({ maxLength: 4 }), fc.string({ minLength: 250, maxLength: 260 }));
    const type = fc.tuple(anyApiVersion, fc.oneof(kind, fc.string({ maxLength: 4 })));
    fc.assert(fc.property(fc.array(type, { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (types, maxEntries) => {
      const compute = (a: string, k: string) => (k === 'toString' ? undefined : { a, k, length: a.length + k.length });
      const remembered = memoByType(compute, maxEntries);
      for (const [a, k] of types) expect(remembered(a, k)).toStrictEqual(compute(a, k));
    }), { numRuns: 500 });
  });

  test('memoByType computes each type once while it is held, long ones every time, and remembers no throw', () => {
    // GIVEN a memo over a counting function that throws for one kind
    const calls: string[] = [];
    const remembered = memoByType((a, k) => { calls.push(`${a}|${k}`); if (k === 'bad') throw new Error('bad'); return undefined; }, 2);
    const long = 'x'.repeat(300);
    // WHEN types repeat, a throwing one is asked twice, then a third type starts the memory over
    for (const [a, k] of [['v1', 'Pod'], ['v1', 'Pod'], ['apps/v1', 'Pod'], [long, 'Pod'], [long, 'Pod'], ['v1', 'Pod'], ['v1', 'bad'], ['v1', 'bad'], ['v1', 'Service'], ['v1', 'Pod']]) {
      try { remembered(a, k); } catch { /* counted */ }
    }
    // THEN
    expect(calls).toStrictEqual(['v1|Pod', 'apps/v1|Pod', `${long}|Pod`, `${long}|Pod`, 'v1|bad', 'v1|bad', 'v1|Service', 'v1|Pod']);
  });

  test('the CRD lookup answers a repeated type as it answered it first', () => {
    fc.assert(fc.property(fc.array(fc.tuple(apiVersion, kind), { minLength: 1, maxLength: 8 }), (types) => {
      const first = types.map(([a, k]) => lookupCrd(a, k));
      expect(types.map(([a, k]) => lookupCrd(a, k))).toStrictEqual(first);
    }), { numRuns: 300 });
  });

  test('the webhook checks the kinds it checked, and passes the others', () => {
    const spec = fc.oneof(fc.constant(undefined), fc.record({ hosts: fc.array(fc.constantFrom('a', '*', 'b.c'), { maxLength: 2 }), host: fc.constantFrom('a', ''), http: fc.constant([{}]) }, { requiredKeys: [] }));
    fc.assert(fc.property(apiVersion, kind, spec, (a, k, s) => {
      const object = { apiVersion: a, kind: k, metadata: { name: 'x', namespace: 'ns' }, ...(s ? { spec: s } : {}) } as KubeObject;
      const group = a.includes('/') ? a.split('/')[0] : '';
      const checked = ['networking.istio.io', 'security.istio.io'].includes(group) && ['VirtualService', 'DestinationRule', 'PeerAuthentication'].includes(k);
      const findings = outcome(() => checkWebhook(object));
      if (!checked) expect(findings).toStrictEqual([]);
      // The same object gives the same findings whether or not its type was seen before.
      expect(outcome(() => checkWebhook(object))).toStrictEqual(findings);
    }), { numRuns: 500 });
  });
});

describe('Pod Security against the checks as first written', () => {
  test('the pod template of any object is found where it was found', () => {
    fc.assert(fc.property(workload, (o) => {
      expect(outcome(() => podTemplateOf(o))).toStrictEqual(outcome(() => podTemplateAsFirstWritten(o)));
    }), { numRuns: 2000 });
  });

  test('any workload gets the same findings, in the same order', () => {
    fc.assert(fc.property(workload, (o) => {
      expect(outcome(() => checkPodSecurity(o))).toStrictEqual(outcome(() => checkPodSecurityAsFirstWritten(o)));
    }), { numRuns: 3000 });
  });
});

describe('webhook route checks against the checks as first written', () => {
  const token = fc.oneof(
    fc.constantFrom('unavailable', 'reset', ' cancelled', 'cancelled ', '503', '999', '+503', '-1', '', 'bogus', '5xx', 'Unavailable'),
    fc.string({ maxLength: 4 }));
  const retryOn = fc.oneof(fc.array(token, { maxLength: 4 }).map((t) => t.join(',')), fc.integer(), fc.constant(undefined), fc.constant(null));
  const retries = fc.oneof(value, fc.record({
    attempts: fc.oneof(value, fc.integer({ min: -1, max: 3 })),
    retryOn,
    perTryTimeout: fc.constantFrom('1s', 'x', undefined),
    retryRemoteLocalities: value,
  }, { requiredKeys: [] }));

  test('retries give the same findings, a repeated retryOn text included', () => {
    fc.assert(fc.property(fc.array(retries, { minLength: 1, maxLength: 4 }), (routes) => {
      routes.forEach((r, i) => {
        expect(issuesOf((issues) => checkRetries(issues, r, `spec.http[${i}].retries`)))
          .toStrictEqual(issuesOf((issues) => checkRetriesAsFirstWritten(issues, r, `spec.http[${i}].retries`)));
      });
    }), { numRuns: 2000 });
  });

  test('authority rewrites give the same findings', () => {
    const headerName = fc.constantFrom('host', 'Host', ':authority', 'x-a', 'toString');
    const headerMap = fc.oneof(value, fc.dictionary(headerName, fc.oneof(value, fc.string({ maxLength: 3 })), { maxKeys: 3 }));
    const request = fc.oneof(value, fc.record({ set: headerMap, add: headerMap }, { requiredKeys: [] }));
    const headers = fc.oneof(value, fc.record({ request }, { requiredKeys: [] }));
    const rewrite = fc.oneof(value, fc.record({ authority: fc.oneof(value, fc.constantFrom('a.b', '')) }, { requiredKeys: [] }));
    fc.assert(fc.property(rewrite, headers, (rw, h) => {
      expect(issuesOf((issues) => checkAuthorityRewrite(issues, rw, h, 'spec.http[0]')))
        .toStrictEqual(issuesOf((issues) => checkAuthorityRewriteAsFirstWritten(issues, rw, h, 'spec.http[0]')));
    }), { numRuns: 2000 });
  });
});
