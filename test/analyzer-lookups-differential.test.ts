import * as fc from 'fast-check';
import { hostCovers } from '../lib/core/hosts';
import { KubeObject } from '../lib/core/kube-object';
import { Analyzer } from '../lib/validate/analyzer/analyzer';
import { defaultIngressObjects } from '../lib/validate/analyzer/default-ingress';
import { podInMesh, templateInMesh } from '../lib/validate/analyzer/deployment/in-mesh';
import { resolveMeshConfig } from '../lib/validate/analyzer/mesh-config';
import { MeshIndex } from '../lib/validate/analyzer/mesh-index';
import { IST } from '../lib/validate/analyzer/messages';
import { fqdn, listOf, namespaceOf, objOf, specOf, stringEntry, stringLabels } from '../lib/validate/analyzer/objects';
import { runAnalyzers } from '../lib/validate/analyzer/runner';
import { virtualServiceDestinationRuleAnalyzer } from '../lib/validate/analyzer/virtualservice/destination-rules';
import { destinationsOf } from '../lib/validate/analyzer/virtualservice/util';

// Few, colliding names and values, so lookups hit, miss and repeat.
const word = fc.constantFrom('a', 'b', 'svc', 'svc.ns', '*', '*.ns.svc.cluster.local', 'svc.ns.svc.cluster.local', 'a|b', '');
const leaf = fc.oneof(word, fc.integer({ min: -1, max: 3 }), fc.boolean(), fc.constant(null), fc.constant(undefined));
const labelKey = fc.constantFrom('sidecar.istio.io/inject', 'istio-injection', 'app', '__proto__', 'toString', 'x');
const labelMap = fc.oneof(fc.dictionary(labelKey, fc.oneof(leaf, fc.constantFrom('true', 'false', 'enabled'))), leaf, fc.array(leaf, { maxLength: 2 }));

/** The old way of reading one label: copy the string-valued entries, then index the copy. */
function copiedEntry(labels: unknown, key: string): string | undefined {
  return stringLabels(labels)[key];
}

describe('stringEntry', () => {
  it('reads what indexing stringLabels reads, for a key Object.prototype does not have', () => {
    const ownKey = labelKey.filter((k) => !(k in Object.prototype));
    fc.assert(fc.property(labelMap, ownKey, (labels, key) => {
      expect(stringEntry(labels, key)).toBe(copiedEntry(labels, key));
    }), { numRuns: 2000 });
  });

  it('ignores inherited and non-enumerable entries, as Object.keys does', () => {
    const inherited = Object.create({ app: 'x' });
    const hidden = Object.defineProperty({}, 'app', { value: 'x', enumerable: false });
    for (const labels of [inherited, hidden]) expect(stringEntry(labels, 'app')).toBe(copiedEntry(labels, 'app'));
  });
});

const kinds = fc.constantFrom('Pod', 'Service', 'Pod|istio-system', 'Service|istio-system', 'Podx', 'Deployment');
const names = fc.constantFrom('istio-ingressgateway', 'istio-ingressgateway-dummypod', 'a|b', 'b', 'a|b-dummypod');
const namespaces = fc.constantFrom(undefined, 'istio-system', 'istio-system|a', 'default', '');
const plainObject = fc.record({ kind: kinds, name: names, namespace: namespaces }).map(({ kind, name, namespace }) => ({
  apiVersion: 'v1', kind, metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
}) as KubeObject);

/** The default ingress objects as first written: every input object keyed. */
function keyingAll(mesh: ReturnType<typeof resolveMeshConfig>, input: readonly KubeObject[]): KubeObject[] {
  const all = defaultIngressObjects(mesh, []);
  const taken = new Set(input.map((o) => `${o.kind}|${namespaceOf(o)}|${o.metadata.name}`));
  return all.filter((o) => !taken.has(`${o.kind}|${namespaceOf(o)}|${o.metadata.name}`));
}

describe('defaultIngressObjects', () => {
  it('leaves out the defaults that keying every input object leaves out', () => {
    const service = fc.constantFrom(undefined, 'istio-ingressgateway', 'a|b', 'b');
    fc.assert(fc.property(fc.array(plainObject, { maxLength: 8 }), service, (input, ingressService) => {
      const mesh = resolveMeshConfig([], ingressService === undefined ? {} : { ingressService });
      expect(defaultIngressObjects(mesh, input)).toEqual(keyingAll(mesh, input));
    }), { numRuns: 1000 });
  });
});

/** IST0101 for subsets as first written: every destination scans its rules, a copied list of them. */
const scanningSubsets: Analyzer = {
  name: virtualServiceDestinationRuleAnalyzer.name,
  inputs: virtualServiceDestinationRuleAnalyzer.inputs,
  analyze({ index, report }) {
    for (const vs of index.of('VirtualService')) {
      const ns = namespaceOf(vs);
      for (const { destination, path } of destinationsOf(vs)) {
        if (typeof destination.host !== 'string' || typeof destination.subset !== 'string') continue;
        const host = fqdn(destination.host, ns);
        const subset = destination.subset;
        const rules = [...(index.destinationRulesByHost.get(host) ?? []), ...(index.destinationRulesByHost.get('*') ?? [])];
        const defined = rules.some((dr) => {
          const spec = specOf(dr);
          return hostCovers(fqdn(String(spec.host ?? ''), namespaceOf(dr)), host) && listOf(spec.subsets).some((s) => objOf(s).name === subset);
        });
        if (defined) continue;
        report(IST.ReferencedResourceNotFound, vs,
          `subset ${destination.subset} of host ${destination.host} is not defined by any DestinationRule; add it to the DestinationRule's subsets`, `${path}.subset`);
      }
    }
  },
};

const host = fc.constantFrom('svc', 'svc.ns.svc.cluster.local', 'other', '*.ns.svc.cluster.local', '*', 'svc.other.svc.cluster.local');
const subsetName = fc.oneof(fc.constantFrom('v1', 'v2', 'a\u0000b'), fc.integer({ min: 0, max: 1 }));
const ns = fc.constantFrom('ns', 'other');
const destination = fc.record({ host: fc.oneof(host, fc.integer()), subset: fc.option(subsetName, { nil: undefined }) }, { requiredKeys: [] });
const routeList = fc.array(fc.record({ destination }), { maxLength: 3 });
const httpRule = fc.record({
  route: routeList,
  mirror: fc.option(destination, { nil: undefined }),
  mirrors: fc.array(fc.record({ destination }), { maxLength: 2 }),
}, { requiredKeys: [] });
const virtualService = fc.record({ name: fc.constantFrom('a', 'b', 'c'), namespace: ns, http: fc.array(httpRule, { maxLength: 3 }), tcp: routeList.map((route) => [{ route }]) })
  .map(({ name, namespace, http, tcp }) => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace }, spec: { http, tcp } }) as KubeObject);
const destinationRule = fc.record({ name: fc.constantFrom('a', 'b'), namespace: ns, host: fc.oneof(host, fc.constant(undefined)), subsets: fc.array(fc.record({ name: subsetName }), { maxLength: 2 }) })
  .map(({ name, namespace, host: h, subsets }) => ({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name, namespace }, spec: { host: h, subsets } }) as KubeObject);

describe('the VirtualService subset analyzer', () => {
  it('reports what scanning the rules of every destination reports, in the same order', () => {
    fc.assert(fc.property(fc.array(fc.oneof(virtualService, destinationRule), { maxLength: 8 }), (objects) => {
      expect(runAnalyzers([virtualServiceDestinationRuleAnalyzer], objects)).toEqual(runAnalyzers([scanningSubsets], objects));
    }), { numRuns: 500 });
  });

  it('gives each destination the path it is written at', () => {
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'a' },
      spec: { http: [{ route: [{ destination: { host: 'a' } }, { destination: { host: 'b' } }], mirror: { host: 'c' }, mirrors: [{ destination: { host: 'd' } }] }], tcp: [{ route: [{ destination: { host: 'e' } }] }], tls: [{ route: [{ destination: { host: 'f' } }] }] },
    } as KubeObject;
    expect(destinationsOf(vs).map(({ destination: d, path, mirror }) => [d.host, path, mirror])).toEqual([
      ['a', 'spec.http[0].route[0].destination', false],
      ['b', 'spec.http[0].route[1].destination', false],
      ['c', 'spec.http[0].mirror', true],
      ['d', 'spec.http[0].mirrors[0].destination', true],
      ['e', 'spec.tcp[0].route[0].destination', false],
      ['f', 'spec.tls[0].route[0].destination', false],
    ]);
  });
});

describe('templateInMesh', () => {
  it('decides as podInMesh does on the copied labels and annotations', () => {
    const namespaceObject = fc.record({ labels: labelMap }).map(({ labels }) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns', labels } }) as KubeObject);
    const container = fc.record({ name: fc.constantFrom('istio-proxy', 'app'), image: fc.oneof(fc.constant('proxyv2'), fc.constant(''), fc.integer()) }, { requiredKeys: [] });
    const template = fc.record({
      metadata: fc.oneof(fc.record({ labels: labelMap, annotations: labelMap }, { requiredKeys: [] }), leaf),
      spec: fc.oneof(fc.record({
        containers: fc.array(container, { maxLength: 2 }),
        initContainers: fc.array(container, { maxLength: 1 }),
      }, { requiredKeys: [] }), leaf),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.option(namespaceObject, { nil: undefined }), template, (namespace, t) => {
      const index = new MeshIndex(namespace ? [namespace] : []);
      const metadata = objOf(t.metadata);
      const copied = podInMesh(index, 'ns', stringLabels(metadata.labels), stringLabels(metadata.annotations), objOf(t.spec));
      expect(templateInMesh(index, 'ns', t)).toBe(copied);
    }), { numRuns: 2000 });
  });
});
