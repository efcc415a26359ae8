import { Testing } from 'cdk8s';
import fc from 'fast-check';
import { GrpcCanary, GrpcMeshService, GrpcMeshServiceProps, GrpcWorkloadProps } from '../lib';
import { only, synthMeshService } from './util/synth';
import { parseQuantity } from '../lib/core/quantity';

const BASE: GrpcMeshServiceProps = { name: 'users', namespace: 'shop', workload: { image: 'registry.example.com/users:1.0.0' } };
const podSpec = (workload: Partial<GrpcWorkloadProps>) =>
  only(synthMeshService({ ...BASE, workload: { ...BASE.workload!, ...workload } }), 'Deployment').spec.template.spec;

describe('Deployments meet Pod Security restricted by default', () => {
  test('non-root, RuntimeDefault seccomp, no API token, no escalation, no capabilities, read-only root with /tmp', () => {
    const spec = podSpec({});
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec.securityContext).toStrictEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(spec.containers[0].securityContext).toStrictEqual({
      allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true,
    });
    expect(spec.containers[0].volumeMounts).toStrictEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(spec.volumes).toStrictEqual([{ name: 'tmp', emptyDir: {} }]);
  });

  test('readOnlyRootFilesystem: false opts out, and drops the /tmp volume', () => {
    const spec = podSpec({ readOnlyRootFilesystem: false });
    expect(spec.containers[0].securityContext.readOnlyRootFilesystem).toBe(false);
    expect(spec.containers[0].volumeMounts).toBeUndefined();
    expect(spec.volumes).toBeUndefined();
  });

  test('runAsUser sets the pod UID; root and non-integers are refused', () => {
    expect(podSpec({ runAsUser: 65532 }).securityContext.runAsUser).toBe(65532);
    expect(() => podSpec({ runAsUser: 0 })).toThrow(/workload\.runAsUser: got 0; must be a whole number from 1/);
    expect(() => podSpec({ runAsUser: 1.5 })).toThrow(/workload\.runAsUser: got 1\.5/);
  });

  test('canary Deployments get the same security context and resources', () => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'users', BASE);
    new GrpcCanary(chart, 'canary', { service, canaryWorkload: { image: 'registry.example.com/users:2.0.0', readOnlyRootFilesystem: false } });
    const deployments = Testing.synth(chart).filter((o) => o.kind === 'Deployment');
    expect(deployments.map((d) => d.metadata.name)).toStrictEqual(['users-v1', 'users-v2']);
    for (const d of deployments) {
      expect(d.spec.template.spec.automountServiceAccountToken).toBe(false);
      expect(d.spec.template.spec.containers[0].securityContext.capabilities).toStrictEqual({ drop: ['ALL'] });
      expect(d.spec.template.spec.containers[0].resources.limits).toStrictEqual({ cpu: '1', memory: '512Mi' });
    }
    expect(deployments[1].spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem).toBe(false);
  });
});

describe('resources: requests and limits with defaults, quantities validated', () => {
  const resources = (r: GrpcWorkloadProps['resources']) => podSpec({ resources: r }).containers[0].resources;

  test('defaults: 100m/128Mi requested, 1 CPU/512Mi limit', () => {
    expect(resources(undefined)).toStrictEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } });
  });

  test('each value can be set alone; a limit left out never falls below the request', () => {
    expect(resources({ cpuRequest: '250m' })).toStrictEqual({ requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } });
    expect(resources({ cpuRequest: '2', memoryRequest: '1Gi' })).toStrictEqual({ requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } });
    expect(resources({ memoryLimit: '256Mi' }).limits.memory).toBe('256Mi');
    expect(resources({ cpuLimit: '50m', memoryLimit: '64Mi' })).toStrictEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '50m', memory: '64Mi' } });
  });

  test.each([
    [{ cpuRequest: 'lots' }, /workload\.resources\.cpuRequest: got "lots"; is not a Kubernetes quantity/],
    [{ memoryLimit: '-1Gi' }, /workload\.resources\.memoryLimit: got "-1Gi"; must be greater than zero/],
    [{ cpuLimit: '0' }, /cpuLimit: got "0"; must be greater than zero/],
    [{ memoryRequest: '128m' }, /memoryRequest: got "128m"; means 0\.128 bytes \("m" is milli, not mega\)\. Fix: write "128Mi"/],
    [{ memoryRequest: '1Gi', memoryLimit: '512Mi' }, /memoryRequest: got "1Gi"; is more than memoryLimit 512Mi; Kubernetes refuses a request above its limit/],
    [{ cpuRequest: '1.5', cpuLimit: '1' }, /cpuRequest: got "1\.5"; is more than cpuLimit 1/],
    [{ cpuRequest: 2 as unknown as string }, /cpuRequest: got 2; must be a string/],
    ['big' as any, /workload\.resources: got "big"; must be an object/],
  ])('%j is refused', (r, message) => {
    expect(() => resources(r)).toThrow(message);
  });

  test('quantity grammar: every number form and suffix Kubernetes accepts parses to its value', () => {
    expect(parseQuantity('250m')!.value).toBeCloseTo(0.25);
    expect(parseQuantity('1.5Gi')!.value).toBe(1.5 * 2 ** 30);
    expect(parseQuantity('1e3')!.value).toBe(1000);
    expect(parseQuantity('.5')!.value).toBe(0.5);
    expect(parseQuantity('5.')!.value).toBe(5);
    expect(parseQuantity('+1k')!.value).toBe(1000);
    for (const bad of ['', 'Mi', '1 Mi', '1mi', '1KB', '1.2.3', '0x10', '1e', '--1', 'Infinity', '1 Gi']) expect(parseQuantity(bad)).toBeUndefined();
  });

  test('generated quantities: accepted exactly when written in the grammar, and equal to number times suffix', () => {
    const suffixes: Record<string, number> = { '': 1, 'm': 1e-3, 'k': 1e3, 'M': 1e6, 'G': 1e9, 'Ki': 1024, 'Mi': 2 ** 20, 'Gi': 2 ** 30 };
    const suffix = fc.constantFrom(...Object.keys(suffixes));
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 999 }), suffix, fc.boolean(),
      (whole, fraction, unit, withFraction) => {
        const text = `${whole}${withFraction ? `.${fraction}` : ''}${unit}`;
        const expected = Number(`${whole}${withFraction ? `.${fraction}` : ''}`) * suffixes[unit];
        expect(parseQuantity(text)!.value).toBeCloseTo(expected, 6);
        expect(parseQuantity(`${text}x`)).toBeUndefined();
      }));
  });
});

describe('container args and env must be strings', () => {
  test.each([
    [{ args: ['--port', 50051 as unknown as string] }, /workload\.args\[1\]: got 50051; must be a string\. Fix: quote it: "50051"/],
    [{ args: '--verbose' as unknown as string[] }, /workload\.args: got "--verbose"; must be a list/],
    [{ env: ['A=b'] as unknown as Record<string, string> }, /workload\.env: got \["A=b"\]; must be a map/],
    [{ readOnlyRootFilesystem: 'no' as unknown as boolean }, /workload\.readOnlyRootFilesystem: got "no"; must be true or false/],
  ])('%j is refused', (workload, message) => {
    expect(() => podSpec(workload)).toThrow(message);
  });
});
