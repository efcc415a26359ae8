import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import type { ValidateFunction } from 'ajv';
import { App, Chart, ApiObject } from 'cdk8s';
import fc from 'fast-check';
import { ISTIO_VALIDATION_TABLE } from './istio-validation-table';
import { benchServiceProps } from '../bench/mesh';
import { GrpcCanary, GrpcIngress, GrpcMeshService, RoutingApi } from '../lib';
import { newCrdAjv } from '../lib/validate/schema/ajv-setup';
import { withDefaults } from '../lib/validate/schema/apply-defaults';
import { crdVersionsOf, CrdVersion } from '../lib/validate/schema/crd-bundle';
import { lookupCrd } from '../lib/validate/schema/crd-catalog';
import { deferredRootJsonSchema, INVALID, schemaVerdict, UNSURE, VALID, Verdict } from '../lib/validate/schema/schema-verdict';
import { rootJsonSchema, toJsonSchema } from '../lib/validate/schema/structural-to-json-schema';
import { CRD_VALIDATORS } from '../lib/validate/schemas/crd-validators.generated';
import { GATEWAY_API_CRD_SCHEMAS } from '../lib/validate/schemas/gateway-api-crds.generated';
import { ISTIO_CRD_SCHEMAS } from '../lib/validate/schemas/istio-crds.generated';
import { parseYamlDocuments } from '../lib/validate/yaml-documents';

/**
 * The schema walk against its oracle, ajv: the generated validators for the pinned CRDs, and ajv
 * compiling the same JSON Schema for keyword-level cases. On JSON values the walk must give ajv's
 * answer exactly (never UNSURE); a wrong VALID would hide a schema error.
 */

const CRDS = [ISTIO_CRD_SCHEMAS, GATEWAY_API_CRD_SCHEMAS].flatMap(crdVersionsOf);
const SHARED = resolve(__dirname, '../../shared');
const ajv = newCrdAjv();

const verdictName = (v: Verdict) => (v === VALID ? 'VALID' : v === INVALID ? 'INVALID' : 'UNSURE');

function crdOf(object: any): CrdVersion | undefined {
  if (!object || typeof object !== 'object' || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') return undefined;
  const found = lookupCrd(object.apiVersion, object.kind);
  return 'found' in found ? found.found : undefined;
}

const generated = new Map<CrdVersion, ValidateFunction>();
const walked = new Map<CrdVersion, Record<string, any>>();

/** The generated validator's answer and the walk's, on the object as checkSchema passes it (defaults applied). */
function bothOn(crd: CrdVersion, object: unknown): { ajv: boolean; walk: string } {
  let validate = generated.get(crd);
  if (!validate) generated.set(crd, validate = CRD_VALIDATORS[`${crd.group}/${crd.version}/${crd.kind}`]());
  let schema = walked.get(crd);
  if (!schema) walked.set(crd, schema = deferredRootJsonSchema(crd.schema));
  return { ajv: validate(object), walk: verdictName(schemaVerdict(schema, object)) };
}

const expected = (ajvSays: boolean) => (ajvSays ? 'VALID' : 'INVALID');

/** Every pinned object our constructs write for a mesh: canaries, an ingress, per-method routes, with Istio's routing and the Gateway API's. */
function constructObjects(): any[] {
  const app = new App();
  const chart = new Chart(app, 'c');
  for (let i = 0; i < 4; i++) {
    const { name, namespace, workload, protoService } = benchServiceProps(i);
    const props = i % 2 ? { name, namespace, workload, protoService, routingApi: RoutingApi.GATEWAY_API } : benchServiceProps(i);
    const service = new GrpcMeshService(chart, `svc-${i}`, props);
    new GrpcCanary(chart, `svc-${i}-canary`, { service, canaryWorkload: { image: `registry.example.com/svc-${i}:2.0.0` } });
    if (i < 2) new GrpcIngress(chart, `svc-${i}-ingress`, { service, hosts: [`svc-${i}.example.com`], tls: { credentialName: `svc-${i}-tls` } });
  }
  return app.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject).map((o) => o.toJson());
}

function tableObjects(): any[] {
  return ISTIO_VALIDATION_TABLE.map((c) => {
    const [group, kind] = c.kind.split('/');
    const crd = CRDS.find((v) => v.group === group && v.kind === kind);
    return crd && { apiVersion: `${crd.group}/${crd.version}`, kind, metadata: { name: c.objectName ?? 'x', namespace: c.namespace ?? 'default' }, spec: c.spec };
  }).filter(Boolean);
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Objects of YAML files: the repository's fixtures, and where ../shared is beside it, Istio's and the Gateway API's test data. */
function yamlObjects(dirs: readonly string[]): any[] {
  return dirs.flatMap(yamlFiles).flatMap((file) => parseYamlDocuments(readFileSync(file, 'utf8'), file).sources.map((s) => s.object));
}

const SHARED_DIRS = ['conformance', 'conformance-istio', 'gateway-api/examples-valid', 'gateway-api/examples-invalid'].map((d) => join(SHARED, d));
const sharedThere = existsSync(SHARED);
if (!sharedThere) process.stdout.write(`schema-verdict: ${SHARED} is not there; the walk is compared on the repository's own objects only\n`);

const SEEDS: { object: any; crd: CrdVersion }[] = [
  ...constructObjects(),
  ...tableObjects(),
  ...yamlObjects([join(__dirname, 'fixtures')]),
  ...(sharedThere ? yamlObjects(SHARED_DIRS) : []),
].flatMap((object) => {
  const crd = crdOf(object);
  return crd ? [{ object: withDefaults(crd.schema, object), crd }] : [];
});

describe('the schema walk gives the generated validators\' answer', () => {
  test('on every pinned object of our constructs, Istio\'s validation tables and the corpora', () => {
    // GIVEN objects of many kinds, valid and not
    expect(SEEDS.length).toBeGreaterThan(sharedThere ? 600 : 300);
    // WHEN both judge each
    const results = SEEDS.map(({ object, crd }) => ({ kind: `${crd.group}/${crd.version}/${crd.kind}`, name: object?.metadata?.name, ...bothOn(crd, object) }));
    const disagreements = results.filter((r) => r.walk !== expected(r.ajv));
    // THEN they agree on every one
    expect(disagreements).toStrictEqual([]);
    // and both answers occur
    const answers = new Set(results.map((r) => r.ajv));
    expect([...answers].sort()).toStrictEqual([false, true]);
  });

  test('every object our constructs write is VALID to the walk, so synth never loads a generated validator for it', () => {
    for (const object of constructObjects()) {
      const crd = crdOf(object);
      if (crd) expect(`${object.kind} ${verdictName(schemaVerdict(deferredRootJsonSchema(crd.schema), withDefaults(crd.schema, object)))}`).toBe(`${object.kind} VALID`);
    }
  });

  test('on objects mutated at random paths (fast-check): values replaced, fields removed and added', () => {
    const paths = (value: unknown, at: (string | number)[] = []): (string | number)[][] => {
      if (value === null || typeof value !== 'object') return [at];
      const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
      return [at, ...keys.flatMap((k) => paths((value as any)[k], [...at, k]))];
    };
    const replacement = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(0, -0, -1, 1, 1.5, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 4294967295, 4294967296, 1e21, '', 'a', 'A', '*', '1s', '10ms', '-1s', 'UPGRADE', 'ISTIO_MUTUAL', 'STRICT', 'ALLOW', 'DENY', 'HTTP', 'GRPC', 'HTTPS', 'TLS', 'grpc', 'x'.repeat(63), 'x'.repeat(64), 'x'.repeat(253), 'x'.repeat(254), '😀'.repeat(63), '😀'.repeat(64), '10.0.0.1', '::1', '10.0.0', 'a.b.c', 'Exact', 'PathPrefix', 'RegularExpression', true, false, null, [], {}),
    );
    const mutation = fc.record({ pick: fc.nat(), kind: fc.constantFrom('replace', 'delete', 'add'), value: replacement, key: fc.constantFrom('extra', 'name', 'host', 'port', 'number', 'mode', 'weight', 'subset', 'tls', 'match', 'route') });
    fc.assert(fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (seedAt, mutations) => {
      const { object: seed, crd } = SEEDS[seedAt % SEEDS.length];
      const object = structuredClone(seed);
      for (const m of mutations) {
        const all = paths(object).filter((p) => p.length > 0);
        if (all.length === 0) break;
        const path = all[m.pick % all.length];
        const parent = path.slice(0, -1).reduce((v: any, k) => v[k], object);
        const last = path[path.length - 1];
        const target = parent[last];
        if (m.kind === 'replace') parent[last] = structuredClone(m.value);
        else if (m.kind === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
        else if (target && typeof target === 'object' && !Array.isArray(target)) target[m.key] = structuredClone(m.value);
      }
      const r = bothOn(crd, object);
      expect(r.walk).toBe(expected(r.ajv));
    }), { numRuns: 4000, seed: 20261203 });
  });
});

describe('the schema walk against ajv, keyword by keyword (fast-check over small schemas and values)', () => {
  const leaf = fc.oneof(
    fc.record({ type: fc.constantFrom('string', 'integer', 'number', 'boolean', 'object', 'array', ['integer', 'null'], ['string', 'null']) }, { requiredKeys: [] }),
    fc.record({ type: fc.constant('string'), minLength: fc.nat(3), maxLength: fc.integer({ min: 1, max: 4 }), pattern: fc.constantFrom('^a', '^[a-z]+$', 'b$', '^.{2}$') }, { requiredKeys: ['type'] }),
    fc.record({ format: fc.constantFrom('ipv4', 'ipv6', 'int32', 'byte', 'date-time') }),
    fc.record({ type: fc.constantFrom('integer', 'number'), minimum: fc.integer({ min: -2, max: 1 }), maximum: fc.integer({ min: 1, max: 3 }) }, { requiredKeys: [] }),
    fc.record({ enum: fc.uniqueArray(fc.oneof(fc.constantFrom('a', 'b', ''), fc.integer({ min: -1, max: 2 })), { minLength: 1, maxLength: 3 }) }),
  );
  const schema: fc.Arbitrary<Record<string, any>> = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array'), tie('combined')),
    object: fc.record({
      type: fc.constant('object'),
      properties: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node') as fc.Arbitrary<Record<string, any>>, { maxKeys: 3 }),
      required: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }),
      additionalProperties: fc.oneof(fc.constant(false), fc.constant(true), tie('node')),
      minProperties: fc.nat(2),
      maxProperties: fc.integer({ min: 1, max: 3 }),
    }, { requiredKeys: ['type'] }),
    array: fc.record({ type: fc.constant('array'), items: tie('node'), minItems: fc.nat(2), maxItems: fc.integer({ min: 1, max: 3 }) }, { requiredKeys: ['type'] }),
    combined: fc.oneof(
      fc.record({ oneOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ anyOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ allOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('node') }),
    ),
  })).node as fc.Arbitrary<Record<string, any>>;
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' },
      fc.constantFrom('a', 'ab', 'abc', 'b', '', 'ba', '😀😀', '😀', '10.0.0.1', '::1', '1.2.3', 0, -0, 1, 2, 1.5, -3, 4, true, false, null),
      fc.string({ maxLength: 4 }),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', '__proto__'), tie('v'), { maxKeys: 3 })),
  })).v;

  test('JSON values: the same answer, never UNSURE', () => {
    fc.assert(fc.property(schema, value, (s, v) => {
      const json = JSON.parse(JSON.stringify(v ?? null));
      const validate = ajv.compile(s);
      expect(verdictName(schemaVerdict(s, json))).toBe(expected(validate(json)));
    }), { numRuns: 1500, seed: 1203 });
  });

  test('values JSON cannot hold (undefined, NaN, Infinity, a Date, a function): UNSURE or ajv\'s answer', () => {
    const odd = fc.constantFrom(undefined, NaN, Infinity, -Infinity, new Date(0), () => 1, Symbol('s'), new Map());
    const holding = fc.oneof(odd, odd.map((o) => ({ a: o })), odd.map((o) => [o]), odd.map((o) => ({ b: [1, o] })));
    fc.assert(fc.property(schema, holding, (s, v) => {
      const verdict = schemaVerdict(s, v);
      if (verdict !== UNSURE) expect(verdictName(verdict)).toBe(expected(ajv.compile(s)(v)));
    }), { numRuns: 800, seed: 1204 });
  });
});

describe('the schema walk, rule by rule', () => {
  const judge = (s: Record<string, any>, v: unknown) => verdictName(schemaVerdict(s, v));

  test.each([
    ['lengths count code points, as ajv does', { type: 'string', maxLength: 2 }, '😀😀', 'VALID'],
    ['a third code point is too long', { type: 'string', maxLength: 2 }, '😀😀😀', 'INVALID'],
    ['an own __proto__ field is a field like any other', { type: 'object', properties: { a: {} }, additionalProperties: false }, JSON.parse('{"__proto__": 1}'), 'INVALID'],
    ['a field set to undefined is absent to required', { type: 'object', required: ['a'] }, { a: undefined }, 'INVALID'],
    ['a declared field set to undefined is skipped, the next one still checked', { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } }, { a: undefined, b: 1 }, 'INVALID'],
    ['a field set to undefined is still a field to additionalProperties', { type: 'object', properties: {}, additionalProperties: false }, { a: undefined }, 'INVALID'],
    ['two oneOf branches that hold fail it', { oneOf: [{ type: 'integer' }, { type: 'number' }] }, 1, 'INVALID'],
    ['one oneOf branch that holds passes it', { oneOf: [{ type: 'integer' }, { type: 'string' }] }, 1, 'VALID'],
    ['not of an unsure branch is unsure', { not: { type: 'integer' } }, NaN, 'UNSURE'],
    ['a keyword the walk does not know', { type: 'array', uniqueItems: true }, [1, 1], 'UNSURE'],
    ['a format the walk does not know', { type: 'string', format: 'uri' }, 'x', 'UNSURE'],
    ['a declared field Object.prototype also has', { type: 'object', properties: { constructor: { type: 'string' } } }, {}, 'UNSURE'],
    ['an object of a class', { type: 'object' }, new Date(0), 'UNSURE'],
    ['ipv4 is checked', { type: 'string', format: 'ipv4' }, '10.0.0', 'INVALID'],
    ['int32 only describes the type', { type: 'integer', format: 'int32' }, 2 ** 40, 'VALID'],
    ['an integer is a number', { type: 'number' }, 3, 'VALID'],
    ['a fraction is not an integer', { type: 'integer' }, 2.5, 'INVALID'],
  ])('%s', (_, s, v, verdict) => {
    expect(judge(s, v)).toBe(verdict);
    if (verdict !== 'UNSURE') expect(expected(ajv.compile(s)(v))).toBe(verdict);
  });

  test('the deferred schema judges as the converted one, converting only the parts a value reaches', () => {
    const crd = CRDS.find((c) => c.kind === 'DestinationRule')!;
    const object = { apiVersion: `${crd.group}/${crd.version}`, kind: crd.kind, metadata: { name: 'r' }, spec: { host: 'a', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } } };
    const broken = { ...object, spec: { host: 'a', trafficPolicy: { tls: { mode: 'MUTUAL_ISTIO' } } } };
    expect([judge(deferredRootJsonSchema(crd.schema), object), judge(deferredRootJsonSchema(crd.schema), broken)]).toStrictEqual(['VALID', 'INVALID']);
    expect([judge(rootJsonSchema(crd.schema), object), judge(rootJsonSchema(crd.schema), broken)]).toStrictEqual(['VALID', 'INVALID']);
    // The deferred form converts a node the way toJsonSchema does: same keywords at the top.
    expect(Object.keys(deferredRootJsonSchema(crd.schema)).sort()).toStrictEqual(Object.keys(rootJsonSchema(crd.schema)).sort());
    expect(toJsonSchema(crd.schema.properties.spec)).toStrictEqual(rootJsonSchema(crd.schema).properties.spec);
  });
});
