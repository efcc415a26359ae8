import * as fc from 'fast-check';
import { runOver, SCANNING_ANALYZERS } from './util/scanning-analyzers';
import { KubeObject } from '../lib/core/kube-object';
import { ALL_ANALYZERS } from '../lib/validate/analyzer/all';
import { LabelIndex, SelectorIndex } from '../lib/validate/analyzer/label-index';
import { labelsMatch } from '../lib/validate/analyzer/objects';

// Few keys and values, so selectors often match, often partly, and collide.
const key = fc.constantFrom('app', 'version', 'istio', 'tier', 'constructor', '__proto__');
const value = fc.constantFrom('a', 'b', 'ingressgateway', 'v1');
const labels = fc.dictionary(key, value, { maxKeys: 3 });
const oddValue = fc.constantFrom(1, null, true);
const selector = fc.dictionary(key, fc.oneof({ weight: 9, arbitrary: value }, { weight: 1, arbitrary: oddValue }), { maxKeys: 3 });

describe('LabelIndex and SelectorIndex', () => {
  test('LabelIndex.matching finds what filtering every item with labelsMatch finds, in the same order', () => {
    fc.assert(fc.property(fc.array(labels, { maxLength: 30 }), selector, (items, sel) => {
      const index = new LabelIndex<number>();
      items.forEach((l, i) => index.add(i, l));
      const scanned = items.map((l, i) => [l, i] as const).filter(([l]) => labelsMatch(sel, l)).map(([, i]) => i);
      expect(index.matching(sel)).toStrictEqual(scanned);
      expect(index.some(sel)).toBe(scanned.length > 0);
    }), { numRuns: 500 });
  });

  test('SelectorIndex.selecting finds the selectors the labels satisfy, in the order added', () => {
    fc.assert(fc.property(fc.array(selector, { maxLength: 30 }), labels, (selectors, l) => {
      const index = new SelectorIndex<number>();
      selectors.forEach((s, i) => index.add(i, s));
      const scanned = selectors.map((s, i) => [s, i] as const).filter(([s]) => labelsMatch(s, l)).map(([, i]) => i);
      expect(index.selecting(l)).toStrictEqual(scanned);
    }), { numRuns: 500 });
  });
});

// A small random mesh: workloads, Services, Gateways, DestinationRules, policies over two namespaces.
const namespace = fc.constantFrom('a', 'b', 'istio-system');
const name = fc.constantFrom('x', 'y', 'z', 'w');
const meta = fc.record({ name, namespace, labels });
const port = fc.constantFrom(80, 443, 8080);
const objectOf = fc.oneof(
  fc.record({ kind: fc.constant('Deployment'), apiVersion: fc.constant('apps/v1'), metadata: meta, spec: fc.record({ template: fc.record({ metadata: fc.record({ labels, annotations: fc.constant({ 'sidecar.istio.io/inject': 'true' }) }), spec: fc.record({ nodeName: fc.constantFrom('n1', 'n2') }) }) }) }),
  fc.record({ kind: fc.constant('Pod'), apiVersion: fc.constant('v1'), metadata: meta, spec: fc.constant({ containers: [{ name: 'istio-proxy', image: 'proxyv2' }] }) }),
  fc.record({ kind: fc.constant('Node'), apiVersion: fc.constant('v1'), metadata: fc.record({ name: fc.constantFrom('n1', 'n2'), labels: fc.constant({ 'topology.kubernetes.io/zone': 'z1' }) }) }),
  fc.record({ kind: fc.constant('Service'), apiVersion: fc.constant('v1'), metadata: meta, spec: fc.record({ selector, ports: fc.array(fc.record({ port, targetPort: fc.oneof(port, fc.constant('http')), protocol: fc.constantFrom('TCP', 'UDP') }), { maxLength: 2 }) }) }),
  fc.record({
    kind: fc.constant('Gateway'),
    apiVersion: fc.constant('networking.istio.io/v1'),
    metadata: meta,
    spec: fc.record({
      selector,
      servers: fc.array(fc.record({
        port: fc.record({ number: port, name: fc.constant('p'), protocol: fc.constant('HTTPS') }),
        hosts: fc.array(fc.constantFrom('a.example.com', 'b.example.com', '*'), { minLength: 1, maxLength: 2 }),
        bind: fc.option(fc.constantFrom('1.2.3.4'), { nil: undefined }),
        tls: fc.option(fc.record({ mode: fc.constant('SIMPLE'), credentialName: fc.option(fc.constantFrom('c1', 'c2'), { nil: undefined }), serverCertificate: fc.constantFrom('/c.pem', ''), privateKey: fc.constant('/k.pem') }), { nil: undefined }),
      }), { maxLength: 2 }),
    }),
  }),
  fc.record({ kind: fc.constant('DestinationRule'), apiVersion: fc.constant('networking.istio.io/v1'), metadata: meta, spec: fc.record({ host: name, subsets: fc.array(fc.record({ name, labels }), { maxLength: 2 }) }) }),
  fc.record({ kind: fc.constant('AuthorizationPolicy'), apiVersion: fc.constant('security.istio.io/v1'), metadata: meta, spec: fc.option(fc.record({ selector: fc.record({ matchLabels: labels }) }), { nil: undefined }) }),
);

describe('analyzers over label indexes', () => {
  test('report the same findings in the same order as the scanning analyzers on random meshes', () => {
    const scanning = ALL_ANALYZERS.map((a) => SCANNING_ANALYZERS.get(a.name) ?? a);
    expect(scanning.filter((a) => !ALL_ANALYZERS.includes(a))).toHaveLength(SCANNING_ANALYZERS.size);
    let reported = 0;
    fc.assert(fc.property(fc.array(objectOf, { maxLength: 25 }), (raw) => {
      const objects = raw.map((o) => JSON.parse(JSON.stringify(o)) as KubeObject);
      const indexed = runOver(ALL_ANALYZERS, objects, false);
      reported += indexed.length;
      expect(indexed).toStrictEqual(runOver(scanning, objects, true));
    }), { numRuns: 300 });
    // The meshes must give the analyzers something to say, or the comparison proves nothing.
    expect(reported).toBeGreaterThan(300);
  });
});
