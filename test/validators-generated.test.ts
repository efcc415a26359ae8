import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { ValidateFunction } from 'ajv';
import { describeAjvError } from '../lib/validate/schema/ajv-messages';
import { newCrdAjv } from '../lib/validate/schema/ajv-setup';
import { crdVersionsOf } from '../lib/validate/schema/crd-bundle';
import { rootJsonSchema } from '../lib/validate/schema/structural-to-json-schema';
import { CRD_VALIDATORS } from '../lib/validate/schemas/crd-validators.generated';
import { GATEWAY_API_CRD_SCHEMAS } from '../lib/validate/schemas/gateway-api-crds.generated';
import { ISTIO_CRD_SCHEMAS } from '../lib/validate/schemas/istio-crds.generated';
import { validatorFiles, VALIDATORS_DIR } from '../scripts/generate-validators';

const SCHEMAS = join(__dirname, '..', 'lib', 'validate', 'schemas');
const INDEX = 'crd-validators.generated.ts';

describe('precompiled CRD validators', () => {
  const expected = validatorFiles(INDEX);

  test.each([...expected.keys()])('%s matches what the generator makes from the committed schema bundle (run `npm run import` after changing either)', (path) => {
    expect(readFileSync(join(SCHEMAS, path), 'utf8') === expected.get(path)).toBe(true);
  });

  test('no stale module is left in the validators folder', () => {
    const committed = readdirSync(join(SCHEMAS, VALIDATORS_DIR)).map((f) => `${VALIDATORS_DIR}/${f}`).sort();
    expect(committed).toStrictEqual([...expected.keys()].filter((p) => p !== INDEX).sort());
  });
});

describe('precompiled validators with shared subschemas report what the inline schema reports', () => {
  const crds = [ISTIO_CRD_SCHEMAS, GATEWAY_API_CRD_SCHEMAS].flatMap(crdVersionsOf);
  const ajv = newCrdAjv();
  const messages = (validate: ValidateFunction, object: unknown) => {
    validate(object);
    return (validate.errors ?? []).filter((e) => !/\/(oneOf|anyOf|not)\//.test(e.schemaPath)).map((e) => JSON.stringify(describeAjvError(e))).sort();
  };
  const policy = { connectionPool: { tcp: { maxConnections: 'many' }, htp: {} }, loadBalancer: { simple: 'ROUND' }, tls: { mode: 'MUTUAL', extra: 1 } };
  test.each([
    ['networking.istio.io/v1/DestinationRule', { spec: { host: 1, trafficPolicy: policy, subsets: [{ name: 'v1', trafficPolicy: { ...policy, portLevelSettings: [{ port: { number: 'x' }, ...policy }] } }] } }],
    ['networking.istio.io/v1/VirtualService', { spec: { hosts: 'a', http: [{ route: [{ destination: { host: 'a', port: { number: 'x' } }, weight: 'w' }], retries: { attempts: 'x', retryOn: 1 }, mirror: { hots: 'a' } }] } }],
    ['networking.istio.io/v1/Gateway', { spec: { servers: [{ port: { number: 'x' }, hosts: ['a'], tls: { mode: 'BAD', credentialName: 1 } }], selektor: {} } }],
    ['security.istio.io/v1/AuthorizationPolicy', { spec: { action: 'PERMIT', rules: [{ from: [{ source: { principals: 'a' } }], to: [{ operation: { methods: [1] } }] }] } }],
    // The Gateway API's address forms: a oneOf over properties and ipv4/ipv6 formats, read from k8s-formats.ts.
    ['gateway.networking.k8s.io/v1/Gateway', { spec: { gatewayClassName: 1, addresses: [{ value: '10.0.0' }, { value: '10.0.0.1' }, { type: 'Hostname', value: 'a' }], listeners: [{ name: 'Bad', port: 0, protocol: 'HTTP', tls: { mode: 'Other' } }] } }],
  ])('%s', (key, object) => {
    // GIVEN the pinned CRD's schema compiled inline at run time, and the generated module
    const crd = crds.find((c) => `${c.group}/${c.version}/${c.kind}` === key)!;
    const inline = ajv.compile(rootJsonSchema(crd.schema));
    const generated = CRD_VALIDATORS[key]();
    // THEN the same findings (and some at all)
    const expected = messages(inline, { apiVersion: `${crd.group}/${crd.version}`, kind: crd.kind, metadata: { name: 'n' }, ...object });
    expect(expected.length).toBeGreaterThan(2);
    expect(messages(generated, { apiVersion: `${crd.group}/${crd.version}`, kind: crd.kind, metadata: { name: 'n' }, ...object })).toStrictEqual(expected);
  });
});
