import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ApiObject, App, Chart, IResolver, JsonPatch, Lazy, ResolutionContext, resolve, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { buildServiceRange } from '../bench/mesh-range';
import { buildExampleApp } from '../examples/cdk8s/app';
import { EXTRA_BUILDERS } from '../examples/cdk8s/builders';
import { DestinationRule } from '../imports/networking.istio.io';
import { exact, outcome } from './util/exact-json';
import { installedCdk8sDigest, VERIFIED_CDK8S_DIGEST } from '../lib/synth/cdk8s-fingerprint';
import { objectJson, oneWalkJson } from '../lib/synth/object-json';
import { NOT_PLAIN, resolvedJson, SanitizeOptions } from '../lib/synth/resolved-json';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sanitizeValue } = require('cdk8s/lib/_util') as { sanitizeValue: (value: unknown, options: object) => unknown };

function apiObjects(app: App): ApiObject[] {
  return app.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
}

describe('one-walk object JSON (the synth fast path) against ApiObject.toJson()', () => {
  test('the installed cdk8s is the release the one walk was verified against', () => {
    // When this fails after a cdk8s upgrade: compare ApiObject.toJson, its metadata's toJson,
    // resolve and sanitizeValue with lib/synth/resolved-json.ts and object-json.ts, then record
    // the new digest. Until then objects serialize the cdk8s way (correct, slower).
    expect(installedCdk8sDigest()).toBe(VERIFIED_CDK8S_DIGEST);
  });

  test('every object of the examples and of a bench mesh takes the one walk and gives the same JSON, key order included', () => {
    const apps = [buildExampleApp(mkdtempSync(join(tmpdir(), 'object-json-')), EXTRA_BUILDERS), buildServiceRange(0, 12)];
    const objects = apps.flatMap(apiObjects);
    expect(objects.length).toBeGreaterThan(200);
    const kinds = new Set<string>();
    for (const object of objects) {
      const fast = oneWalkJson(object);
      expect({ path: object.node.path, fast: fast === undefined ? 'fell back' : exact(fast) }).toStrictEqual({ path: object.node.path, fast: exact(object.toJson()) });
      kinds.add(`${object.apiVersion}/${object.kind}`);
    }
    // The classes our constructs create, core and custom resources alike.
    for (const kind of ['v1/Service', 'apps/v1/Deployment', 'v1/ServiceAccount', 'networking.istio.io/v1/DestinationRule', 'networking.istio.io/v1/VirtualService', 'gateway.networking.k8s.io/v1/GRPCRoute']) {
      expect(kinds).toContain(kind);
    }
  });

  test('metadata added through the escape hatch serializes the same', () => {
    const chart = Testing.chart();
    const rule = new DestinationRule(chart, 'dr', { metadata: { name: 'users', annotations: { b: '2', a: '1' } }, spec: { host: 'users' } });
    const meta = ApiObject.of(rule).metadata;
    meta.addLabel('team', 'payments');
    meta.addAnnotation('argocd.argoproj.io/sync-wave', '1');
    meta.addFinalizers('example.com/keep');
    meta.addOwnerReference({ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '1234' });
    meta.add('generateName', 'users-');
    // ObjectMeta's converter drops fields it does not know: so does the one walk.
    meta.add('notAField', 'x');
    expect(exact(oneWalkJson(rule))).toBe(exact(rule.toJson()));
  });

  test('falls back where cdk8s would do something the walk does not copy', () => {
    const chart = Testing.chart();
    const patched = new DestinationRule(chart, 'patched', { metadata: { name: 'a' }, spec: { host: 'a' } });
    patched.addJsonPatch(JsonPatch.add('/spec/exportTo', ['.']));
    class OwnJson extends DestinationRule {
      public toJson(): any {
        return { ...super.toJson(), extra: true };
      }
    }
    const subclassed = new OwnJson(chart, 'subclassed', { metadata: { name: 'b' }, spec: { host: 'b' } });
    const overridden = new DestinationRule(chart, 'overridden', { metadata: { name: 'c' }, spec: { host: 'c' } });
    (overridden as any).toJson = () => ({ own: true });
    const ownMetadata = new DestinationRule(chart, 'own-metadata', { metadata: { name: 'd' }, spec: { host: 'd' } });
    const metadata = ApiObject.of(ownMetadata).metadata;
    const metadataJson = metadata.toJson.bind(metadata);
    (metadata as any).toJson = () => ({ ...metadataJson(), labels: { replaced: 'yes' } });
    for (const object of [patched, subclassed, overridden, ownMetadata]) {
      expect(oneWalkJson(object)).toBeUndefined();
      expect(exact(objectJson(object))).toBe(exact(object.toJson()));
    }
    expect(objectJson(patched)).toMatchObject({ spec: { exportTo: ['.'] } });
    expect(objectJson(ownMetadata)).toMatchObject({ metadata: { labels: { replaced: 'yes' } } });
  });

  test.each<[string, string, object, unknown]>([
    ['String', 'resolve', String.prototype, () => 42],
    ['Number', 'value', Number.prototype, 'seven'],
    ['Boolean', 'resolve', Boolean.prototype, () => 'yes'],
    ['Object', 'value', Object.prototype, 7],
  ])('with a %s.prototype.%s, every object serializes the cdk8s way', (_name, key, prototype, value) => {
    // GIVEN an object whose JSON holds strings, numbers and booleans
    const chart = Testing.chart();
    const rule = new DestinationRule(chart, 'rule', {
      metadata: { name: 'users', namespace: 'shop' },
      spec: { host: 'users', trafficPolicy: { connectionPool: { http: { http2MaxRequests: 100, useClientProtocol: true } } } },
    });
    const clean = objectJson(rule);
    // WHEN a primitive's prototype chain gains what cdk8s' resolvers look for
    Object.defineProperty(prototype, key, { value, configurable: true, writable: true });
    try {
      // THEN the one walk takes nothing on, and the JSON is cdk8s' own (whatever that makes of it)
      expect(resolvedJson('users', { sortKeys: false, filterEmpty: false })).toBe(NOT_PLAIN);
      expect(oneWalkJson(rule)).toBeUndefined();
      expect(outcome(() => objectJson(rule))).toBe(outcome(() => rule.toJson()));
    } finally {
      delete (prototype as Record<string, unknown>)[key];
    }
    expect(exact(objectJson(rule))).toBe(exact(clean));
  });

  test('an app with a resolver of its own serializes the cdk8s way', () => {
    class Upper implements IResolver {
      public resolve(context: ResolutionContext): void {
        if (typeof context.value === 'string' && /[a-z]/.test(context.value) && context.key.join('.') === 'spec.host') context.replaceValue(context.value.toUpperCase());
      }
    }
    const app = new App({ resolvers: [new Upper()] });
    const rule = new DestinationRule(new Chart(app, 'c'), 'dr', { metadata: { name: 'a' }, spec: { host: 'users' } });
    expect(oneWalkJson(rule)).toBeUndefined();
    expect(objectJson(rule)).toMatchObject({ spec: { host: 'USERS' } });
  });

  test('a value cdk8s refuses gives the error cdk8s gives, naming the construct', () => {
    const chart = Testing.chart();
    const rule = new DestinationRule(chart, 'dated', { metadata: { name: 'a' }, spec: { host: Lazy.any({ produce: () => new Date(0) }) as any } });
    expect(outcome(() => objectJson(rule))).toBe(outcome(() => rule.toJson()));
    expect(outcome(() => objectJson(rule))).toMatch(/Failed serializing construct at path 'test\/dated'.*non-simple object of type 'Date'/);
  });

  test('CDK8S_DISABLE_SORT keeps the fields in their order, as cdk8s does', () => {
    const chart = Testing.chart();
    const service = new k8s.KubeService(chart, 's', { metadata: { name: 's', labels: { z: '1', a: '2' } }, spec: { selector: { z: 'a', b: 'c' }, ports: [{ port: 80, targetPort: k8s.IntOrString.fromNumber(8080) }] } });
    const raw = new ApiObject(chart, 'raw', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'raw' }, data: { z: '1', a: '2' } });
    process.env.CDK8S_DISABLE_SORT = '1';
    try {
      for (const object of [service, raw]) expect(exact(oneWalkJson(object))).toBe(exact(object.toJson()));
    } finally {
      delete process.env.CDK8S_DISABLE_SORT;
    }
    for (const object of [service, raw]) expect(exact(oneWalkJson(object))).toBe(exact(object.toJson()));
  });

  describe('resolvedJson against resolve + sanitizeValue', () => {
    const chart = Testing.chart();
    const owner = new ApiObject(chart, 'owner', { apiVersion: 'v1', kind: 'ConfigMap' });
    class Union {
      constructor(public readonly value: unknown) {}
    }
    class Opaque {
      public readonly field = 1;
    }
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'constructor', 'value', 'resolve', 'b', 'a', 'B', '10', '2'));
    const leaf = fc.oneof(
      fc.string({ maxLength: 4 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
      fc.constant(new Date(0)), fc.constant(() => 1), fc.constant(new Opaque()), fc.constant(Symbol.for('s')),
    );
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.array(tie('value'), { maxLength: 3 }).map((items) => {
          const sparse = [...items];
          sparse.length += 1; // a hole at the end
          return sparse;
        }),
        fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => {
          const record: Record<string, unknown> = {};
          for (const [k, v] of entries) Object.defineProperty(record, k, { value: v, enumerable: true, writable: true, configurable: true });
          return record;
        }),
        tie('value').map((v) => Lazy.any({ produce: () => v })),
        tie('value').map((v) => ({ resolve: () => v })),
        fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.boolean()).map((v) => new Union(v)),
      ),
    }));
    const options = fc.record({ sortKeys: fc.boolean(), filterEmpty: fc.boolean() });
    const cdk8sWay = (v: unknown, o: SanitizeOptions) =>
      sanitizeValue(resolve([], v, owner), { sortKeys: o.sortKeys, filterEmptyArrays: o.filterEmpty, filterEmptyObjects: o.filterEmpty });

    test('the same value wherever the one walk takes the input on', () => {
      let takenOn = 0;
      fc.assert(fc.property(value, options, (v, o) => {
        let fast: unknown;
        try {
          fast = resolvedJson(v, o);
        } catch (err) {
          fast = new Error(`throws ${(err as Error).message}`);
        }
        if (fast === NOT_PLAIN) return;
        takenOn++;
        expect(fast instanceof Error ? fast.message : exact(fast)).toBe(outcome(() => cdk8sWay(v, o)));
      }), { numRuns: 3000 });
      expect(takenOn).toBeGreaterThan(1000);
    });

    test('JSON values (what our renderers produce) are always taken on, but for a __proto__ key', () => {
      const json = fc.jsonValue().filter((v) => !JSON.stringify(v).includes('"__proto__"'));
      fc.assert(fc.property(json, options, (v, o) => {
        const fast = resolvedJson(v, o);
        expect(fast).not.toBe(NOT_PLAIN);
        expect(exact(fast)).toBe(exact(cdk8sWay(v, o)));
      }), { numRuns: 1000 });
    });
  });

  test('a class not generated by cdk8s import is serialized by its own toJson', () => {
    class Custom extends ApiObject {
      constructor(scope: Construct, id: string) {
        super(scope, id, { apiVersion: 'example.com/v1', kind: 'Custom', metadata: { name: 'c' } });
      }
    }
    const custom = new Custom(Testing.chart(), 'custom');
    expect(oneWalkJson(custom)).toBeUndefined();
    expect(objectJson(custom)).toStrictEqual(custom.toJson());
  });
});
