import { execFileSync } from 'child_process';
import { join } from 'path';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..');

/** The module files a fresh process has loaded after running `script` (CommonJS, with tsx). */
function modulesLoadedAfter(script: string): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', `${script}\nprocess.stdout.write(JSON.stringify(Object.keys(require.cache)) + '\\n');`], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out.trim().split('\n').pop()!) as string[]).map((p) => p.split('\\').join('/'));
}

const PROTOBUFJS = /\/node_modules\/protobufjs\//;
const CDK8S_PLUS_INDEX = /\/node_modules\/cdk8s-plus-28\/lib\/index\.js$/;
const CDK8S_PLUS_K8S = /\/node_modules\/cdk8s-plus-28\/lib\/imports\/k8s\.js$/;

describe('importing the library', () => {
  test('loads no .proto parser; GrpcMeshService.fromProto loads it', () => {
    // GIVEN an app that imports the library and builds a service without a .proto
    const plain = modulesLoadedAfter(`
      const { App, Chart } = require('cdk8s');
      const { GrpcMeshService } = require('./lib');
      new GrpcMeshService(new Chart(new App(), 'c'), 'users', { name: 'users', namespace: 'shop', port: 50051 });`);
    // THEN the library loaded, protobufjs did not
    expect(plain.some((m) => m.endsWith('/lib/grpc-mesh-service.ts'))).toBe(true);
    expect(plain.filter((m) => PROTOBUFJS.test(m))).toStrictEqual([]);

    // WHEN a service is built from a .proto
    const proto = modulesLoadedAfter(`
      const { App, Chart } = require('cdk8s');
      const { GrpcMeshService } = require('./lib');
      const { PROTO_DIR } = require('./examples/cdk8s/proto-scenarios');
      GrpcMeshService.fromProto(new Chart(new App(), 'c'), 'users', {
        name: 'users', namespace: 'shop', protoFiles: [require('path').join(PROTO_DIR, 'example/users/v1/users.proto')],
        includePaths: [PROTO_DIR], protoService: 'example.users.v1.UserService' });`);
    // THEN it is loaded
    expect(proto.some((m) => PROTOBUFJS.test(m))).toBe(true);
  });
});

describe('cdk8s-plus-28', () => {
  test('the library loads its generated Kubernetes classes only, not its index and constructs', () => {
    // GIVEN an app that builds a service, a canary and monitoring (every construct creating core objects)
    const modules = modulesLoadedAfter(`
      const { App, Chart } = require('cdk8s');
      const { GrpcCanary, GrpcMeshService, GrpcServiceMonitoring } = require('./lib');
      const chart = new Chart(new App(), 'c');
      const service = new GrpcMeshService(chart, 'users', { name: 'users', namespace: 'shop', workload: { image: 'users:1' } });
      new GrpcCanary(chart, 'canary', { service, canaryWorkload: { image: 'users:2' } });
      new GrpcServiceMonitoring(chart, 'monitoring', { service });`);
    // THEN cdk8s-plus-28's k8s module is loaded, its index is not
    expect(modules.filter((m) => CDK8S_PLUS_K8S.test(m))).toHaveLength(1);
    expect(modules.filter((m) => CDK8S_PLUS_INDEX.test(m))).toStrictEqual([]);
  });

  test('the classes are the very ones cdk8s-plus-28 exports', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { k8sClasses } = require('../lib/k8s-classes') as typeof import('../lib/k8s-classes');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(k8sClasses).toBe((require('cdk8s-plus-28') as typeof import('cdk8s-plus-28')).k8s);
  });
});
