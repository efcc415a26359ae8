import { CodeInfo } from '../code-info';

/**
 * One code per control of the Kubernetes Pod Security Standards, "restricted" profile (which
 * includes "baseline"). Warnings: they never fail synth or lint, since a namespace may enforce a
 * weaker level on purpose.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export const POD_SECURITY_CODES = {
  HOST_PROCESS: { code: 'IGR4001', severity: 'warning', title: 'Pod Security restricted: Windows HostProcess containers are not allowed' },
  HOST_NAMESPACES: { code: 'IGR4002', severity: 'warning', title: 'Pod Security restricted: hostNetwork, hostPID and hostIPC must not be set' },
  PRIVILEGED: { code: 'IGR4003', severity: 'warning', title: 'Pod Security restricted: privileged containers are not allowed' },
  CAPABILITIES: { code: 'IGR4004', severity: 'warning', title: 'Pod Security restricted: containers must drop ALL capabilities and may add only NET_BIND_SERVICE' },
  HOST_PATH_VOLUMES: { code: 'IGR4005', severity: 'warning', title: 'Pod Security restricted: hostPath volumes are not allowed' },
  HOST_PORTS: { code: 'IGR4006', severity: 'warning', title: 'Pod Security restricted: host ports are not allowed' },
  APPARMOR: { code: 'IGR4007', severity: 'warning', title: 'Pod Security restricted: the AppArmor profile must be RuntimeDefault or Localhost' },
  SELINUX: { code: 'IGR4008', severity: 'warning', title: 'Pod Security restricted: SELinux type must be a container type, and user and role must not be set' },
  PROC_MOUNT: { code: 'IGR4009', severity: 'warning', title: 'Pod Security restricted: procMount must be Default' },
  SECCOMP: { code: 'IGR4010', severity: 'warning', title: 'Pod Security restricted: the seccomp profile must be RuntimeDefault or Localhost' },
  SYSCTLS: { code: 'IGR4011', severity: 'warning', title: 'Pod Security restricted: only the safe sysctls are allowed' },
  VOLUME_TYPES: { code: 'IGR4012', severity: 'warning', title: 'Pod Security restricted: volumes must be configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected or secret' },
  PRIVILEGE_ESCALATION: { code: 'IGR4013', severity: 'warning', title: 'Pod Security restricted: containers must set allowPrivilegeEscalation: false' },
  RUN_AS_NON_ROOT: { code: 'IGR4014', severity: 'warning', title: 'Pod Security restricted: runAsNonRoot must be true for the pod or every container' },
  RUN_AS_USER: { code: 'IGR4015', severity: 'warning', title: 'Pod Security restricted: runAsUser must not be 0 (root)' },
} satisfies Record<string, CodeInfo>;
