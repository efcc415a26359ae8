import { Testing } from 'cdk8s';
import fc from 'fast-check';
import { Duration, GrpcCanary, GrpcIngress, GrpcMeshService } from '../lib';
import { validMeshServicePropsArb } from './util/arbitraries';
import { FieldShape, ObjectShape } from '../lib/core/props-shape';
import { MESH_SERVICE_SHAPE } from '../lib/core/props-shapes';

const build = (props: any) => () => new GrpcMeshService(Testing.chart(), 'users', props);

describe('unknown props', () => {
  test.each([
    ['a top-level typo', { name: 'users', timout: Duration.seconds(1) }, /^\[test\/users\] timout: got "1s"; "timout" is not a prop of GrpcMeshServiceProps \(did you mean timeout\?\)\. Fix: rename timout to timeout$/],
    ['a typo in methods[i]', { name: 'users', protoService: 'a.B', methods: [{ name: 'Get', retires: { attempts: 1 } }] }, /methods\[0\]\.retires: got \{"attempts":1\}; "retires" is not a prop of GrpcMethodProps \(did you mean retries\?\)/],
    ['a typo in retries', { name: 'users', retries: { attempts: 1, perTryTimeOut: Duration.seconds(1) } }, /retries\.perTryTimeOut: .*did you mean perTryTimeout\?/],
    ['a typo in connectionPool', { name: 'users', connectionPool: { maxConnection: 3 } }, /connectionPool\.maxConnection: got 3; .*Http2ConnectionPool \(did you mean maxConnections\?\)/],
    ['a typo in workload', { name: 'users', workload: { image: 'a:1', replica: 3 } }, /workload\.replica: .*did you mean replicas\?/],
    ['a key nothing resembles', { name: 'users', colour: 'blue' }, /colour: got "blue"; "colour" is not a prop of GrpcMeshServiceProps\. Fix: remove it; GrpcMeshServiceProps has name, namespace, /],
  ])('%s is refused with the closest prop', (_what, props, message) => {
    expect(build(props)).toThrow(message);
  });

  test('canary and ingress props are checked at every level too', () => {
    const chart = Testing.chart();
    const service = new GrpcMeshService(chart, 'users', { name: 'users' });
    expect(() => new GrpcCanary(chart, 'c', { service, canaryWieght: 20 } as any)).toThrow(/\[test\/c\] canaryWieght: got 20; "canaryWieght" is not a prop of GrpcCanaryProps \(did you mean canaryWeight\?\)/);
    expect(() => new GrpcCanary(chart, 'c2', { service, steps: [10], headerRoutes: [{ header: 'x-canary', subet: 'canary' }] } as any)).toThrow(/headerRoutes\[0\]\.subet: .*did you mean subset\?/);
    expect(() => new GrpcIngress(chart, 'i', { service, hosts: ['a.example.com'], tls: { credentialName: 'c' }, httpsRedirect: true } as any)).toThrow(/httpsRedirect: got true; .*GrpcIngressProps \(did you mean httpRedirect\?\)/);
    expect(() => new GrpcIngress(chart, 'i2', { service, hosts: ['a.example.com'], tls: { credentialName: 'c' }, grpcweb: { allowOrigins: [] } } as any)).toThrow(/grpcweb: .*did you mean grpcWeb\?/);
    expect(() => new GrpcIngress(chart, 'i4', { service, hosts: ['a.example.com'], tls: { credentialName: 'c', mode: 'MUTAL' } } as any)).toThrow(/tls\.mode: got "MUTAL"; is not an IngressTlsMode \(did you mean MUTUAL\?\)/);
    expect(() => new GrpcIngress(chart, 'i3', { service, hosts: ['a.example.com'], tls: { credentialName: 'c', minTlsVersion: 'TLSV1_3' } } as any)).toThrow(/tls\.minTlsVersion: .*IngressTlsProps/);
  });

  test('fromProto checks its own props and the method overrides', () => {
    const base = { name: 'users', protoFiles: ['examples/protos/example/users/v1/users.proto'], includePaths: ['examples/protos'], protoService: 'example.users.v1.UserService' };
    expect(() => GrpcMeshService.fromProto(Testing.chart(), 'u', { ...base, includePath: ['x'] } as any)).toThrow(/includePath: .*GrpcMeshServiceFromProtoProps \(did you mean includePaths\?\)/);
    expect(() => GrpcMeshService.fromProto(Testing.chart(), 'u', { ...base, methodOverrides: { CreateUser: { timout: Duration.seconds(1) } } } as any)).toThrow(/methodOverrides\.CreateUser\.timout: .*GrpcMethodOverride \(did you mean timeout\?\)/);
  });
});

describe('wrong types quote the value passed', () => {
  test.each([
    ['a duration as text', { name: 'users', timeout: '10s' }, /^\[test\/users\] timeout: got "10s"; must be a Duration\. Fix: use Duration\.seconds\(10\)$/],
    ['a duration as text in methods', { name: 'users', protoService: 'a.B', methods: [{ name: 'Get', timeout: '250ms' }] }, /methods\[0\]\.timeout: got "250ms"; must be a Duration\. Fix: use Duration\.millis\(250\)/],
    ['a duration as a number', { name: 'users', connectionPool: { idleTimeout: 90 } }, /connectionPool\.idleTimeout: got 90; must be a Duration\. Fix: use Duration\.seconds\(90\)/],
    ['a number as text', { name: 'users', workload: { image: 'a:1', replicas: '3' } }, /workload\.replicas: got "3"; must be a number\. Fix: pass 3 without quotes/],
    ['a boolean as text', { name: 'users', headless: 'true' }, /headless: got "true"; must be true or false\. Fix: pass true without quotes/],
    ['a list as a single value', { name: 'users', retries: { attempts: 2, retryOn: 'unavailable' } }, /retries\.retryOn: got "unavailable"; must be a list\. Fix: wrap the value in a list, e.g\. \["unavailable"\]/],
    ['an object as a number', { name: 'users', retries: 3 }, /retries: got 3; must be an object \(RetryPolicy\)/],
    ['methods as an object', { name: 'users', methods: { name: 'Get' } }, /methods: got \{"name":"Get"\}; must be a list/],
    ['a list element of the wrong type', { name: 'users', allowedNamespaces: ['shop', 7] }, /allowedNamespaces\[1\]: got 7; must be a string\. Fix: quote it: "7"/],
    ['a label value that is not a string', { name: 'users', selector: { app: 1 } }, /selector\.app: got 1; must be a string/],
    ['an enum value in the wrong case', { name: 'users', protoService: 'a.B', methods: [{ name: 'Get', idempotency: 'idempotent' }] },
      /methods\[0\]\.idempotency: got "idempotent"; is not an Idempotency \(did you mean IDEMPOTENT\?\)\. Fix: use one of Idempotency: NO_SIDE_EFFECTS, IDEMPOTENT, NON_IDEMPOTENT, UNKNOWN/],
    ['an unknown streaming kind', { name: 'users', protoService: 'a.B', methods: [{ name: 'Get', streaming: 'SERVER_STREAMING' }] }, /methods\[0\]\.streaming: got "SERVER_STREAMING"; is not a StreamingKind/],
  ])('%s', (_what, props, message) => {
    expect(build(props)).toThrow(message);
  });
});

describe('unknown props over generated props', () => {
  /** Every object of `props` the shape describes, with its path: where an unknown key can hide. */
  function objectNodes(value: any, shape: FieldShape, path: string): { path: string; node: any; shape: ObjectShape }[] {
    if (value === undefined || typeof shape === 'string') return [];
    switch (shape.kind) {
      case 'object':
        return [{ path, node: value, shape }, ...Object.keys(value).flatMap((k) => objectNodes(value[k], shape.fields[k], path ? `${path}.${k}` : k))];
      case 'list':
        return (value as any[]).flatMap((v, i) => objectNodes(v, shape.of, `${path}[${i}]`));
      case 'map':
        return Object.keys(value).flatMap((k) => objectNodes(value[k], shape.of, `${path}.${k}`));
      default:
        return [];
    }
  }

  test('a key no props interface declares is refused wherever it is added, naming its path', () => {
    const keyArb = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,15}$/);
    fc.assert(fc.property(validMeshServicePropsArb, fc.nat(), keyArb, (props, pick, key) => {
      // GIVEN valid props, and a key that is not a prop of the object it is added to
      const copy = structuredCloneWithDurations(props);
      const nodes = objectNodes(copy, MESH_SERVICE_SHAPE, '');
      const { path, node, shape } = nodes[pick % nodes.length];
      fc.pre(!(key in shape.fields) && !(key in Object.prototype));
      node[key] = 1;
      // WHEN / THEN
      const field = path ? `${path}.${key}` : key;
      expect(build(copy)).toThrow(new RegExp(`^\\[test/users\\] ${field.replace(/[.[\]]/g, '\\$&')}: got 1; "${key}" is not a prop of ${shape.name}`));
    }), { numRuns: 200, seed: 20261201 });
  });
});

/** A deep copy that keeps Duration instances (they are values, not props objects). */
function structuredCloneWithDurations<T>(value: T): T {
  if (Array.isArray(value)) return value.map(structuredCloneWithDurations) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneWithDurations(v)])) as T;
  }
  return value;
}
