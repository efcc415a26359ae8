import { Chart, Testing } from 'cdk8s';
import { GrpcCanary, GrpcIngress, GrpcMeshService, GrpcMeshServiceProps } from '../lib';
import { IstioGrpcError } from '../lib/core/errors';
import { GrpcCanary as PulumiGrpcCanary } from '../lib/pulumi';
import { installPulumiMocks } from './util/pulumi-mocks';

/** Lists and objects given the wrong shape, as JavaScript or JSON callers can: IstioGrpcError, never a TypeError. */
const BASE = { name: 'svc', protoService: 'p.v1.S' };

const thrown = (build: (chart: Chart) => void): unknown => {
  try {
    const chart = Testing.chart();
    build(chart);
    Testing.synth(chart);
  } catch (err) {
    return err;
  }
  return undefined;
};

beforeAll(() => installPulumiMocks());

describe('mesh service props of the wrong shape', () => {
  test.each([
    ['methods: [null]', { methods: [null] }, /methods\[0\]: got null; must be an object/],
    ['methods: [5]', { methods: [5] }, /methods\[0\]: got 5; must be an object/],
    ['methods: a string', { methods: 'GetUser' }, /methods: got "GetUser"; must be a list/],
    ['methods: an object', { methods: {} }, /methods: got \{\}; must be a list/],
    ['retryOn: a string', { retries: { attempts: 2, retryOn: 'unavailable' } }, /retries\.retryOn: got "unavailable"; must be a list\. Fix: wrap the value in a list/],
    ['method retryOn: a string', { methods: [{ name: 'A', idempotency: 'IDEMPOTENT', retries: { attempts: 1, retryOn: 'unavailable,cancelled' } }] }, /methods\[0\]\.retries\.retryOn: got "unavailable,cancelled"/],
    ['retryOnHttpStatusCodes: a string', { retries: { attempts: 2, retryOnHttpStatusCodes: '503' } }, /retries\.retryOnHttpStatusCodes: got "503"; must be a list/],
    ['retries: a string', { retries: 'x' }, /retries: got "x"; must be an object/],
    ['connectionPool: a string', { connectionPool: 'x' }, /connectionPool: got "x"; must be an object/],
    ['outlierDetection: a list', { outlierDetection: [] }, /outlierDetection: got \[\]; must be an object/],
    ['workload: a string', { workload: 'img' }, /workload: got "img"; must be an object/],
    ['workload: a list', { workload: [] }, /workload: got \[\]; must be an object/],
    ['allowedPrincipals: a string', { allowedPrincipals: 'cluster.local/ns/a/sa/b' }, /allowedPrincipals: got .*; must be a list/],
    ['timeout: a string', { timeout: '5s' }, /timeout: got "5s"; must be a Duration/],
  ])('%s', (_name, props, message) => {
    const err = thrown((chart) => new GrpcMeshService(chart, 'svc', { ...BASE, ...props } as unknown as GrpcMeshServiceProps));
    expect(err).toBeInstanceOf(IstioGrpcError);
    expect((err as Error).message).toMatch(message);
  });
});

describe('canary and ingress given something that is not a GrpcMeshService', () => {
  test.each([
    ['GrpcCanary({ service: {} })', (c: Chart) => new GrpcCanary(c, 'k', { service: {} as any }), /\[test\/k\] service: got \{\}; must be a GrpcMeshService construct/],
    ['GrpcCanary({})', (c: Chart) => new GrpcCanary(c, 'k', {} as any), /service: got undefined; must be a GrpcMeshService construct/],
    ['GrpcCanary(undefined)', (c: Chart) => new GrpcCanary(c, 'k', undefined as any), /props: got undefined; props are required/],
    ['GrpcIngress({ service: {} })', (c: Chart) => new GrpcIngress(c, 'i', { service: {} as any, hosts: ['a.example.com'], tls: { credentialName: 'x' } }), /service: got \{\}; must be a GrpcMeshService/],
    ['GrpcIngress(undefined)', (c: Chart) => new GrpcIngress(c, 'i', undefined as any), /props: got undefined; props are required/],
  ])('%s', (_name, build, message) => {
    const err = thrown(build);
    expect(err).toBeInstanceOf(IstioGrpcError);
    expect((err as Error).message).toMatch(message);
  });

  test('Pulumi GrpcCanary({ service: {} }) names the missing service name', () => {
    expect(() => new PulumiGrpcCanary('c', { service: {} as any })).toThrow(IstioGrpcError);
  });
});

describe('canary and ingress options of the wrong shape', () => {
  const withService = (build: (chart: Chart, service: GrpcMeshService) => void) => (chart: Chart) => build(chart, new GrpcMeshService(chart, 's', BASE));
  test.each([
    ['additionalSubsets: a string', withService((c, service) => new GrpcCanary(c, 'k', { service, additionalSubsets: 'v3' as any })), /additionalSubsets: got "v3"; must be a list/],
    ['additionalSubsets: [null]', withService((c, service) => new GrpcCanary(c, 'k', { service, additionalSubsets: [null] as any })), /additionalSubsets\[0\]: got null; must be an object/],
    ['headerRoutes: a string', withService((c, service) => new GrpcCanary(c, 'k', { service, headerRoutes: 'x-canary' as any })), /headerRoutes: got "x-canary"; must be a list/],
    ['headerRoutes: [null]', withService((c, service) => new GrpcCanary(c, 'k', { service, headerRoutes: [null] as any })), /headerRoutes\[0\]: got null; must be an object/],
    ['steps: a string', withService((c, service) => new GrpcCanary(c, 'k', { service, steps: '10,50' as any })), /steps: got "10,50"; must be a list/],
    ['canaryWorkload: a string', withService((c, service) => new GrpcCanary(c, 'k', { service, canaryWorkload: 'img' as any })), /canaryWorkload: got "img"; must be an object/],
    ['tls: a string', withService((c, service) => new GrpcIngress(c, 'i', { service, hosts: ['a.example.com'], tls: 'x' as any })), /tls: got "x"; must be an object/],
    ['grpcWeb: a string', withService((c, service) => new GrpcIngress(c, 'i', { service, hosts: ['a.example.com'], tls: { credentialName: 'x' }, grpcWeb: 'x' as any })), /grpcWeb: got "x"; must be an object/],
    ['certificate: a string', withService((c, service) => new GrpcIngress(c, 'i', { service, hosts: ['a.example.com'], tls: { credentialName: 'x' }, certificate: 'x' as any })), /certificate: got "x"; must be an object/],
  ])('%s', (_name, build, message) => {
    const err = thrown(build);
    expect(err).toBeInstanceOf(IstioGrpcError);
    expect((err as Error).message).toMatch(message);
  });
});
