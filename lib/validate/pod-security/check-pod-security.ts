import { POD_SECURITY_CODES as C } from './codes';
import { podTemplateOf } from './pod-templates';
import { CodeInfo } from '../code-info';
import { Finding, findingOf } from '../finding';

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
export function checkPodSecurity(object: unknown): Finding[] {
  const o = record(object);
  const template = podTemplateOf(o);
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
  const annotations = record(template.metadata.annotations);
  for (const key of Object.keys(annotations)) {
    const value = annotations[key];
    if (key.startsWith(APPARMOR_ANNOTATION) && typeof value === 'string' && value !== 'runtime/default' && !value.startsWith('localhost/')) {
      warn(C.APPARMOR, `.metadata.annotations.${key}`, `AppArmor profile ${quote(value)} is not runtime/default or localhost/*`);
    }
  }

  const containers = containersOf(spec);
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

/** Every container of the pod spec with its path, init containers first (holes of a sparse list skipped). */
function containersOf(spec: Record<string, any>): { readonly c: Record<string, any>; readonly path: string }[] {
  const out: { c: Record<string, any>; path: string }[] = [];
  for (const kind of CONTAINER_LISTS) {
    const items = list(spec[kind]);
    for (let i = 0; i < items.length; i++) if (i in items) out.push({ c: record(items[i]), path: `.${kind}[${i}]` });
  }
  return out;
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
