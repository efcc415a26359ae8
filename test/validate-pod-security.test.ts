import fc from 'fast-check';
import { buildExampleApp } from '../examples/cdk8s/app';
import { EXTRA_BUILDERS } from '../examples/cdk8s/builders';
import { validateObjects } from '../lib/validate';
import { validMeshServicePropsArb } from './util/arbitraries';
import { synthMeshService } from './util/synth';
import { ALL_CODES } from '../lib/validate/codes';
import { checkPodSecurity, POD_SECURITY_CODES } from '../lib/validate/pod-security';

/** A pod spec that meets "restricted". */
const compliantSpec = () => ({
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [{ name: 'app', image: 'app:1', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
  volumes: [{ name: 'tmp', emptyDir: {} }],
});
const pod = (spec: any) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' }, spec });
const codes = (object: unknown) => checkPodSecurity(object).map((f) => `${f.code} ${f.path}`);

/** One violation per control: a change to the compliant spec and the finding it must give. */
const VIOLATIONS: readonly [string, (s: any) => void, string][] = [
  ['hostProcess', (s) => { s.securityContext.windowsOptions = { hostProcess: true }; }, 'IGR4001 spec.securityContext.windowsOptions.hostProcess'],
  ['hostNetwork', (s) => { s.hostNetwork = true; }, 'IGR4002 spec.hostNetwork'],
  ['hostPID', (s) => { s.hostPID = true; }, 'IGR4002 spec.hostPID'],
  ['hostIPC', (s) => { s.hostIPC = true; }, 'IGR4002 spec.hostIPC'],
  ['privileged', (s) => { s.containers[0].securityContext.privileged = true; }, 'IGR4003 spec.containers[0].securityContext.privileged'],
  ['no drop ALL', (s) => { s.containers[0].securityContext.capabilities = { drop: ['NET_RAW'] }; }, 'IGR4004 spec.containers[0].securityContext.capabilities.drop'],
  ['add NET_ADMIN', (s) => { s.containers[0].securityContext.capabilities.add = ['NET_ADMIN']; }, 'IGR4004 spec.containers[0].securityContext.capabilities.add'],
  ['hostPath', (s) => { s.volumes.push({ name: 'host', hostPath: { path: '/' } }); }, 'IGR4005 spec.volumes[1].hostPath'],
  ['hostPort', (s) => { s.containers[0].ports = [{ containerPort: 80, hostPort: 80 }]; }, 'IGR4006 spec.containers[0].ports[0].hostPort'],
  ['AppArmor Unconfined', (s) => { s.securityContext.appArmorProfile = { type: 'Unconfined' }; }, 'IGR4007 spec.securityContext.appArmorProfile.type'],
  ['SELinux type', (s) => { s.securityContext.seLinuxOptions = { type: 'spc_t' }; }, 'IGR4008 spec.securityContext.seLinuxOptions.type'],
  ['SELinux user', (s) => { s.containers[0].securityContext.seLinuxOptions = { user: 'root' }; }, 'IGR4008 spec.containers[0].securityContext.seLinuxOptions.user'],
  ['procMount', (s) => { s.containers[0].securityContext.procMount = 'Unmasked'; }, 'IGR4009 spec.containers[0].securityContext.procMount'],
  ['seccomp Unconfined', (s) => { s.securityContext.seccompProfile.type = 'Unconfined'; }, 'IGR4010 spec.securityContext.seccompProfile.type'],
  ['no seccomp', (s) => { delete s.securityContext.seccompProfile; }, 'IGR4010 spec.securityContext.seccompProfile'],
  ['container seccomp Unconfined', (s) => { s.containers[0].securityContext.seccompProfile = { type: 'Unconfined' }; }, 'IGR4010 spec.containers[0].securityContext.seccompProfile.type'],
  ['unsafe sysctl', (s) => { s.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '1' }]; }, 'IGR4011 spec.securityContext.sysctls[0].name'],
  ['nfs volume', (s) => { s.volumes.push({ name: 'n', nfs: { server: 'x', path: '/' } }); }, 'IGR4012 spec.volumes[1]'],
  ['privilege escalation', (s) => { delete s.containers[0].securityContext.allowPrivilegeEscalation; }, 'IGR4013 spec.containers[0].securityContext.allowPrivilegeEscalation'],
  ['init container escalation', (s) => { s.initContainers = [{ name: 'init', image: 'i', securityContext: { capabilities: { drop: ['ALL'] } } }]; }, 'IGR4013 spec.initContainers[0].securityContext.allowPrivilegeEscalation'],
  ['runAsNonRoot missing', (s) => { delete s.securityContext.runAsNonRoot; }, 'IGR4014 spec.securityContext.runAsNonRoot'],
  ['container runAsNonRoot false', (s) => { s.containers[0].securityContext.runAsNonRoot = false; }, 'IGR4014 spec.containers[0].securityContext.runAsNonRoot'],
  ['runAsUser 0', (s) => { s.containers[0].securityContext.runAsUser = 0; }, 'IGR4015 spec.containers[0].securityContext.runAsUser'],
];

describe('Pod Security restricted: one finding per control', () => {
  test('a compliant pod has no finding', () => {
    expect(codes(pod(compliantSpec()))).toStrictEqual([]);
  });

  test.each(VIOLATIONS)('%s', (_name, change, expected) => {
    // GIVEN a compliant pod with one control broken
    const spec = compliantSpec();
    change(spec);
    // THEN exactly that control is reported, as a warning
    expect(codes(pod(spec))).toStrictEqual([expected]);
    expect(checkPodSecurity(pod(spec)).every((f) => f.severity === 'warning' && /Pod Security "restricted"/.test(f.message))).toBe(true);
  });

  test('every control has a code, registered with the other codes', () => {
    const registered = new Set(ALL_CODES.map((c) => c.code));
    for (const info of Object.values(POD_SECURITY_CODES)) expect(registered.has(info.code)).toBe(true);
    expect(new Set(VIOLATIONS.map(([, , e]) => e.split(' ')[0]))).toStrictEqual(new Set(Object.values(POD_SECURITY_CODES).map((c) => c.code)));
  });

  test('runAsNonRoot on every container instead of the pod is enough', () => {
    const spec: any = compliantSpec();
    delete spec.securityContext.runAsNonRoot;
    spec.containers[0].securityContext.runAsNonRoot = true;
    expect(codes(pod(spec))).toStrictEqual([]);
  });

  test('Windows pods are exempt from the Linux-only controls', () => {
    const spec: any = { os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'app', image: 'a' }] };
    expect(codes(pod(spec))).toStrictEqual([]);
  });
});

describe('Pod Security restricted: every workload kind', () => {
  const bad = { containers: [{ name: 'app', image: 'a', securityContext: { privileged: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }], securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } };
  test.each([
    ['apps/v1', 'Deployment', { template: { spec: bad } }, 'spec.template.spec'],
    ['apps/v1', 'StatefulSet', { template: { spec: bad } }, 'spec.template.spec'],
    ['apps/v1', 'DaemonSet', { template: { spec: bad } }, 'spec.template.spec'],
    ['apps/v1', 'ReplicaSet', { template: { spec: bad } }, 'spec.template.spec'],
    ['v1', 'ReplicationController', { template: { spec: bad } }, 'spec.template.spec'],
    ['batch/v1', 'Job', { template: { spec: bad } }, 'spec.template.spec'],
    ['batch/v1', 'CronJob', { jobTemplate: { spec: { template: { spec: bad } } } }, 'spec.jobTemplate.spec.template.spec'],
  ])('%s %s', (apiVersion, kind, spec, at) => {
    expect(codes({ apiVersion, kind, metadata: { name: 'w' }, spec })).toStrictEqual([`IGR4003 ${at}.containers[0].securityContext.privileged`]);
  });

  test('other kinds and other groups are not workloads', () => {
    expect(codes({ apiVersion: 'networking.istio.io/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { template: { spec: bad } } })).toStrictEqual([]);
    expect(codes({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: {} })).toStrictEqual([]);
  });

  test('the engine reports the warnings, and they are not errors', () => {
    const findings = validateObjects([pod({ ...compliantSpec(), hostNetwork: true })]);
    expect(findings.filter((f) => f.code.startsWith('IGR4')).map((f) => `${f.severity} ${f.code}`)).toStrictEqual(['warning IGR4002']);
  });

  test('malformed specs never throw', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), (spec, containers) => {
      const findings = checkPodSecurity(pod({ ...(typeof spec === 'object' && spec !== null ? spec : {}), containers }));
      expect(Array.isArray(findings)).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('our own workloads meet Pod Security restricted', () => {
  test('every example scenario (services, canaries, ingresses, proto) synthesizes without an IGR4xxx warning', () => {
    const app = buildExampleApp('/tmp/istio-grpc-pss', EXTRA_BUILDERS);
    const objects = app.charts.flatMap((c) => c.toJson());
    expect(objects.some((o) => o.kind === 'Deployment')).toBe(true);
    expect(validateObjects(objects).filter((f) => f.code.startsWith('IGR4'))).toStrictEqual([]);
  });

  test('generated valid services with workloads never get an IGR4xxx warning (readOnlyRootFilesystem opt-out included)', () => {
    let synthesized = 0;
    fc.assert(fc.property(validMeshServicePropsArb, fc.boolean(), (props, readOnly) => {
      const withWorkload = { ...props, workload: { ...(props.workload ?? { image: 'app:1' }), readOnlyRootFilesystem: readOnly } };
      let objects: any[];
      try {
        objects = synthMeshService(withWorkload);
      } catch {
        return; // refused props render nothing
      }
      synthesized++;
      expect(objects.flatMap((o) => checkPodSecurity(o))).toStrictEqual([]);
    }), { numRuns: 100 });
    expect(synthesized).toBeGreaterThan(10);
  });
});
