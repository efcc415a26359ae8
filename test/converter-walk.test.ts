import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { ApiObject, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import * as gatewayapi from '../imports/gateway.networking.k8s.io';
import { CONVERTERS } from '../imports/k8s-converters';
import * as networking from '../imports/networking.istio.io';
import * as security from '../imports/security.istio.io';
import * as telemetry from '../imports/telemetry.istio.io';
import { ConverterNode, ConverterTables, converterNode, FieldRow, linkConverters } from '../lib/synth/converter-nodes';
import { CONVERTER_TABLES } from '../lib/synth/converter-tables.generated';
import { convertWalk } from '../lib/synth/converter-walk';
import { k8sConverter } from '../lib/synth/k8s-converters';
import { oneWalkJson } from '../lib/synth/object-json';
import { NOT_PLAIN, resolvedJson } from '../lib/synth/resolved-json';
import { converterTablesModule, moduleName, tableOfBody } from '../scripts/converter-tables';
import { ConverterProps } from './util/converter-arbitraries';
import { exact, outcome } from './util/exact-json';

const IMPORTS = join(__dirname, '..', 'imports');
const importFiles = readdirSync(IMPORTS).filter((f) => f.endsWith('.ts')).sort();

/** The converter functions of an imports module by full name, as the synth finds them. */
function converterOf(module: string): (name: string) => unknown {
  if (module === 'k8s-converters') return (name) => CONVERTERS[name];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(join(IMPORTS, module)) as Record<string, unknown>;
  return (name) => exports[name];
}

/** What a throw means to the synth: the one walk stands aside, whichever error it was. */
const result = (f: () => unknown): string => outcome(f).replace(/^throws .*/s, 'throws');

/** The walk gives what the converter gives (throwing where it throws) for props drawn from the table of `drawn` (`node`'s by default). */
function agrees(node: ConverterNode, props: ConverterProps, depth: number, drawn = node): fc.IPropertyWithHooks<[unknown]> {
  return fc.property(props.of(drawn, depth), (value) => result(() => convertWalk(node, value)) === result(() => node.convert(value)));
}

/** The properties the running converter reads (`obj.x`, in its compiled source) and those its table declares. */
function propertiesRead(node: ConverterNode): { read: string[]; declared: string[] } {
  const read = new Set([...Function.prototype.toString.call(node.convert).matchAll(/\bobj\.(\w+)/g)].map((m) => m[1]));
  return { read: [...read].sort(), declared: [...node.byProperty.keys()].sort() };
}

describe('converter tables (lib/synth/converter-tables.generated.ts) and the walk that reuses resolved JSON', () => {
  test('are what the generator makes of the committed imports (regenerate with `npm run import`)', () => {
    const files = importFiles.map((f) => ({ name: moduleName(f), source: readFileSync(join(IMPORTS, f), 'utf8') }));
    const committed = readFileSync(join(__dirname, '..', 'lib', 'synth', 'converter-tables.generated.ts'), 'utf8');
    expect(committed).toBe(converterTablesModule(files));
    // Every converter of every module has a table: none is left to run by itself.
    for (const { name, source } of files) {
      const tables = JSON.parse(CONVERTER_TABLES[name]) as ConverterTables;
      expect(Object.keys(tables).length).toBe((source.match(/^(export )?function toJson_/gm) ?? []).length);
      expect(Object.values(tables).filter((t) => t === null)).toStrictEqual([]);
    }
  });

  test('the generator gives no table for a body that is not exactly a generated shape', () => {
    const body = (...fields: string[]) => ['  if (obj === undefined) { return undefined; }', '  const result = {', ...fields.map((f) => `    ${f},`), '  };', '  // filter undefined values', '  return definedEntries(result);'].join('\n');
    expect(tableOfBody(body("'host': obj.host", "'mirror_percent': obj.mirrorPercent", "'tls': toJson_Tls(obj.tls)"))).toStrictEqual([['host', 'v'], ['mirror_percent', 'v', '', 'mirrorPercent'], ['tls', 't', 'Tls']]);
    const odd = [
      ["'host': obj.host ?? 'x'"], ["'host': obj.other?.map(y => obj.host)"], ["'constructor': obj.constructor"],
      ["'a': obj.a", "'a': obj.b"], ["'b': toJson_X(obj.a)", "'c': obj.a"], ["'h': ((obj.a) === undefined) ? undefined : (definedEntries(obj.b))"],
    ];
    for (const fields of odd) expect({ fields, table: tableOfBody(body(...fields)) }).toStrictEqual({ fields, table: null });
    expect(tableOfBody(body("'host': obj.host").replace('return definedEntries(result);', 'return result;'))).toBeNull();
  });

  test('every table agrees with its converter: the walk gives what the converter gives, key order, undefined and holes included', () => {
    for (const module of Object.keys(CONVERTER_TABLES)) {
      const tables = JSON.parse(CONVERTER_TABLES[module]) as ConverterTables;
      const nodeOf = linkConverters(tables, converterOf(module));
      const props = new ConverterProps();
      for (const name of Object.keys(tables)) {
        const node = nodeOf(name)!;
        expect(node.fields).toBeDefined();
        // Children are linked on first use: each one named is there.
        const children = node.fields!.map((f) => f.childName).filter((child) => child !== '');
        expect({ name, missing: children.filter((child) => !nodeOf(child)) }).toStrictEqual({ name, missing: [] });
        const { read, declared } = propertiesRead(node);
        expect({ name, declared }).toStrictEqual({ name, declared: read });
        fc.assert(agrees(node, props, 2), { numRuns: 15, seed: name.length });
      }
    }
  });

  test('a table that disagrees with its converter is caught', () => {
    const tables = JSON.parse(CONVERTER_TABLES['networking.istio.io']) as Record<string, FieldRow[]>;
    const rows = tables.DestinationRuleSpec;
    const mutations: Record<string, FieldRow[]> = {
      'renamed': rows.map((r) => (r[0] === 'host' ? ['hostName', 'v', '', 'host'] : r)),
      'reordered': [rows[1], rows[0], ...rows.slice(2)],
      'dropped': rows.filter((r) => r[0] !== 'host'),
      'child skipped': rows.map((r) => (r[0] === 'trafficPolicy' ? ['trafficPolicy', 'v'] : r)),
      'array as value': rows.map((r) => (r[0] === 'exportTo' ? ['exportTo', 'v'] : r)),
    };
    const props = new ConverterProps();
    const sound = linkConverters(tables, converterOf('networking.istio.io'))('DestinationRuleSpec')!;
    expect(fc.check(agrees(sound, props, 3), { numRuns: 300, seed: 7 }).failed).toBe(false);
    for (const [mutation, mutated] of Object.entries(mutations)) {
      const node = linkConverters({ ...tables, DestinationRuleSpec: mutated }, converterOf('networking.istio.io'))('DestinationRuleSpec')!;
      // Drawn from the sound table too: a dropped field is then one the mutated table does not declare.
      const caught = [node, sound].some((drawn) => fc.check(agrees(node, props, 3, drawn), { numRuns: 300, seed: 7 }).failed);
      expect({ mutation, caught }).toStrictEqual({ mutation, caught: true });
    }
  });

  // The classes our constructs create, core and custom resources alike.
  const CLASSES: readonly (readonly [string, new (scope: any, id: string, props: any) => ApiObject, string, (name: string) => unknown])[] = [
    ['k8s-converters', k8s.KubeDeployment, 'KubeDeploymentProps', k8sConverter],
    ['k8s-converters', k8s.KubeService, 'KubeServiceProps', k8sConverter],
    ['k8s-converters', k8s.KubeServiceAccount, 'KubeServiceAccountProps', k8sConverter],
    ['k8s-converters', k8s.KubeConfigMap, 'KubeConfigMapProps', k8sConverter],
    ['networking.istio.io', networking.DestinationRule, 'DestinationRuleProps', converterOf('networking.istio.io')],
    ['networking.istio.io', networking.VirtualService, 'VirtualServiceProps', converterOf('networking.istio.io')],
    ['networking.istio.io', networking.Gateway, 'GatewayProps', converterOf('networking.istio.io')],
    ['security.istio.io', security.PeerAuthentication, 'PeerAuthenticationProps', converterOf('security.istio.io')],
    ['security.istio.io', security.AuthorizationPolicy, 'AuthorizationPolicyProps', converterOf('security.istio.io')],
    ['telemetry.istio.io', telemetry.Telemetry, 'TelemetryProps', converterOf('telemetry.istio.io')],
    ['gateway.networking.k8s.io', gatewayapi.GrpcRoute, 'GrpcRouteProps', converterOf('gateway.networking.k8s.io')],
  ];

  test('over generated props of several types, the walk equals the two-step path (resolved JSON, then the converter)', () => {
    const props = new ConverterProps();
    for (const [module, , name, of] of CLASSES) {
      const node = converterNode(module, name, of)!;
      let walked = 0;
      fc.assert(fc.property(props.of(node, 7), (value) => {
        const resolved = resolvedJson(value, { sortKeys: true, filterEmpty: false });
        if (resolved === NOT_PLAIN) return;
        walked++;
        expect(result(() => convertWalk(node, resolved))).toBe(result(() => node.convert(resolved)));
      }), { numRuns: 300, seed: 11 });
      expect({ name, walkedMost: walked > 150 }).toStrictEqual({ name, walkedMost: true });
    }
  });

  test('over generated props of several types, an object synthesizes as ApiObject.toJson() does', () => {
    const props = new ConverterProps();
    for (const [module, type, name, of] of CLASSES) {
      const node = converterNode(module, name, of)!;
      let walked = 0;
      fc.assert(fc.property(props.of(node, 7), (value) => {
        const spec = { ...(value as object), metadata: { name: 'generated', labels: { b: '1', a: '2' } } };
        const object = new type(Testing.chart(), 'o', spec);
        const fast = oneWalkJson(object);
        if (fast === undefined) return;
        walked++;
        expect(exact(fast)).toBe(outcome(() => object.toJson()));
      }), { numRuns: 150, seed: 13 });
      expect({ name, walkedMost: walked > 50 }).toStrictEqual({ name, walkedMost: true });
    }
  });
});
