import fc from 'fast-check';
import { KubeObject } from '../lib/core/kube-object';
import { analyzeObjects, Analyzer, IST } from '../lib/validate/analyzer';
import { ALL_ANALYZERS } from '../lib/validate/analyzer/all';
import { runAnalyzers } from '../lib/validate/analyzer/runner';

const gatewayWithoutPods = { apiVersion: 'networking.istio.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'edge' }, spec: { selector: { app: 'none' } } } as KubeObject;

describe('analyzer runner', () => {
  test('GIVEN an analyzer that throws WHEN run THEN one IGR0003 names it and the other analyzers still report', () => {
    const broken: Analyzer = { name: 'test.Broken', inputs: ['Gateway'], analyze: () => { throw new Error('boom'); } };
    const findings = runAnalyzers([broken, ...ALL_ANALYZERS], [gatewayWithoutPods]);
    expect(findings.filter((f) => f.code === 'IGR0003').map((f) => f.message)).toStrictEqual([expect.stringMatching(/analyzer test\.Broken could not complete \(boom\)/)]);
    expect(findings.some((f) => f.code === IST.ReferencedResourceNotFound.code)).toBe(true);
  });

  test('every analyzer has a unique <package>.<Name> and declares its input kinds', () => {
    // One Istio analyzer split over two files here shares its name (`--analyzer` selects both).
    const shared = ['virtualservice.DestinationHostAnalyzer'];
    const names = ALL_ANALYZERS.map((a) => a.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toStrictEqual(shared);
    for (const a of ALL_ANALYZERS) {
      expect(a.name).toMatch(/^[a-zA-Z0-9]+\.[A-Z][A-Za-z0-9]+(\.[A-Z][A-Za-z0-9]+)?$/);
      expect(a.inputs.length).toBeGreaterThan(0);
    }
  });

  test('every IST message has Istio\'s code format and one entry per code', () => {
    const codes = Object.values(IST).map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [key, m] of Object.entries(IST)) {
      expect(m.code).toMatch(/^IST\d{4}$/);
      expect(m.name).toBe(key);
    }
  });

  // Analyzers see objects the schema stage rejected: any shape under spec/metadata must be read without throwing.
  test('malformed objects of every analyzed kind never make an analyzer throw', () => {
    const kinds: [string, string][] = [['v1', 'Pod'], ['v1', 'Service'], ['v1', 'Namespace'], ['v1', 'Secret'], ['v1', 'ConfigMap'], ['apps/v1', 'Deployment'],
      ['networking.istio.io/v1', 'VirtualService'], ['networking.istio.io/v1', 'DestinationRule'], ['networking.istio.io/v1', 'Gateway'],
      ['networking.istio.io/v1', 'ServiceEntry'], ['networking.istio.io/v1', 'Sidecar'], ['networking.istio.io/v1alpha3', 'EnvoyFilter'],
      ['security.istio.io/v1', 'AuthorizationPolicy'], ['security.istio.io/v1', 'RequestAuthentication'], ['security.istio.io/v1', 'PeerAuthentication'],
      ['telemetry.istio.io/v1', 'Telemetry'], ['gateway.networking.k8s.io/v1', 'Gateway'], ['gateway.networking.k8s.io/v1', 'HTTPRoute'],
      ['admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration'], ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration'],
      ['apiextensions.k8s.io/v1', 'CustomResourceDefinition']];
    const junk = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 6 }),
        fc.constantFrom('*', 'mesh', 'a/b', 'SIMPLE', 'REPLACE', 'HTTP_ROUTE', 'auto', 'istio-proxy', 'enabled'),
        fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('selector', 'matchLabels', 'hosts', 'host', 'ports', 'port', 'number', 'servers', 'tls',
          'http', 'tcp', 'tls', 'route', 'destination', 'subset', 'subsets', 'labels', 'gateways', 'configPatches', 'match', 'patch', 'operation', 'applyTo',
          'containers', 'template', 'spec', 'metadata', 'annotations', 'webhooks', 'clientConfig', 'egress', 'workloadSelector', 'exportTo', 'status', 'conditions',
          'securityContext', 'runAsUser', 'image', 'name', 'protocol', 'addresses', 'resolution', 'jwtRules', 'data', 'mesh', 'egressProxy', 'outboundTrafficPolicy'),
        tie('value'), { maxKeys: 4 })),
    })).value;
    const objectArb = fc.record({
      kind: fc.constantFrom(...kinds),
      name: fc.constantFrom('a', 'b', 'istio', 'istio-sidecar-injector'),
      namespace: fc.constantFrom(undefined, 'default', 'istio-system', 'shop'),
      labels: junk,
      annotations: junk,
      spec: junk,
      data: junk,
      status: junk,
      webhooks: junk,
    }).map(({ kind, name, namespace, labels, annotations, ...rest }) => ({
      apiVersion: kind[0], kind: kind[1], metadata: { name, ...(namespace ? { namespace } : {}), labels, annotations }, ...rest,
    }) as unknown as KubeObject);
    fc.assert(fc.property(fc.array(objectArb, { maxLength: 8 }), (objects) => {
      const failed = analyzeObjects(objects).filter((f) => f.code === 'IGR0003');
      expect(failed).toStrictEqual([]);
    }), { numRuns: 400, seed: 20261201 });
  });
});
