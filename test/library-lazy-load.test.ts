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
