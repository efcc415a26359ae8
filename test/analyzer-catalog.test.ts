import { execFileSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import * as fc from 'fast-check';
import { loadCorpus } from './util/conformance';
import { lintFixture } from './util/run-cli';
import { KubeObject } from '../lib/core/kube-object';
import { ALL_ANALYZERS } from '../lib/validate/analyzer/all';
import { Analyzer } from '../lib/validate/analyzer/analyzer';
import { ANALYZER_CATALOG } from '../lib/validate/analyzer/catalog';
import { runAnalyzers } from '../lib/validate/analyzer/runner';
import { ValidateOptions } from '../lib/validate/options';
import { parseYamlDocuments } from '../lib/validate/yaml-documents';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..');
const ANALYZER_DIR = join(ROOT, 'lib', 'validate', 'analyzer');

/** Every analyzer with no input kinds declared, which the runner never skips: the reference. */
const UNSKIPPED: readonly Analyzer[] = ALL_ANALYZERS.map((a) => ({ name: a.name, inputs: [], analyze: (ctx) => a.analyze(ctx) }));

const OPTIONS: readonly ValidateOptions[] = [{}, { workloads: 'partial' }, { meshConfig: { ingressControllerMode: 'OFF' } }];

function analyzerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return analyzerFiles(path);
    return e.name.endsWith('.ts') && /: Analyzer = \{/.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

describe('analyzer catalog', () => {
  test('each entry names its analyzer and its inputs exactly, in the order of ALL_ANALYZERS', () => {
    expect(ANALYZER_CATALOG.map((e) => [e.name, e.inputs])).toStrictEqual(ALL_ANALYZERS.map((a) => [a.name, a.inputs]));
    ANALYZER_CATALOG.forEach((entry, i) => expect(entry.load()).toBe(ALL_ANALYZERS[i]));
  });

  test('every analyzer module is in the catalog', () => {
    // GIVEN every file that defines an analyzer
    const files = analyzerFiles(ANALYZER_DIR);
    expect(files.length).toBeGreaterThan(40);
    // THEN each one's analyzer is loaded by some entry
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = Object.values(require(file) as Record<string, unknown>).filter((v): v is Analyzer => typeof (v as Analyzer)?.analyze === 'function');
      for (const analyzer of exported) expect(ALL_ANALYZERS).toContain(analyzer);
    }
  });
});

describe('the runner skips analyzers none of whose inputs is present', () => {
  const same = (objects: readonly KubeObject[], options: ValidateOptions) =>
    expect(runAnalyzers(ANALYZER_CATALOG, objects, options)).toStrictEqual(runAnalyzers(UNSKIPPED, objects, options));

  const corpora = (['derived', 'istio'] as const).map(loadCorpus).filter((c) => c !== undefined);
  (corpora.length > 0 ? test : test.skip)('same findings in the same order as running every analyzer, over the conformance corpora, each kind alone and each left out', () => {
    let reported = 0;
    for (const corpus of corpora) {
      for (const c of corpus!.cases) {
        const objects = parseYamlDocuments(readFileSync(join(corpus!.dir, c.file), 'utf8'), c.file).sources
          .map((s) => s.object as KubeObject)
          .filter((o) => typeof o?.kind === 'string' && typeof o.metadata?.name === 'string');
        const kinds = [...new Set(objects.map((o) => o.kind))];
        const alone = kinds.map((k) => objects.filter((o) => o.kind === k));
        const without = kinds.map((k) => objects.filter((o) => o.kind !== k));
        for (const variant of [objects, ...alone, ...without]) {
          for (const options of OPTIONS) {
            same(variant, options);
            reported += runAnalyzers(UNSKIPPED, variant, options).length;
          }
        }
      }
    }
    expect(reported).toBeGreaterThan(1000);
  });

  // Random objects of every kind some analyzer reads (and a few none does), with the labels and
  // fields the analyzers look at, so that most meshes lack some analyzer's every input.
  const kinds = [...new Set([...ANALYZER_CATALOG.flatMap((e) => e.inputs), 'ConfigMap', 'Certificate', 'ServiceAccount'])];
  const apiVersionOf: Record<string, readonly string[]> = {
    Gateway: ['networking.istio.io/v1', 'gateway.networking.k8s.io/v1'],
    HTTPRoute: ['gateway.networking.k8s.io/v1'],
    GRPCRoute: ['gateway.networking.k8s.io/v1'],
    Deployment: ['apps/v1'],
    StatefulSet: ['apps/v1'],
    DaemonSet: ['apps/v1'],
    ReplicaSet: ['apps/v1'],
    Job: ['batch/v1'],
  };
  const labelKey = fc.constantFrom('app', 'istio', 'istio.io/dataplane-mode', 'istio.io/use-waypoint', 'istio-injection', 'sidecar.istio.io/inject', 'gateway.networking.k8s.io/gateway-name');
  const labelValue = fc.constantFrom('a', 'ambient', 'enabled', 'true', 'waypoint', 'ingressgateway');
  const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 3 });
  const host = fc.constantFrom('x', 'x.a.svc.cluster.local', '*.example.com', 'y.b');
  const spec = fc.record({
    selector: fc.oneof(labels, fc.record({ matchLabels: labels })),
    hosts: fc.array(host, { maxLength: 2 }),
    host,
    gateways: fc.array(fc.constantFrom('mesh', 'gw', 'a/gw'), { maxLength: 2 }),
    http: fc.array(fc.record({ route: fc.constant([{ destination: { host: 'x', subset: 's' } }]), mirror: fc.constant({ host: 'y' }) }), { maxLength: 2 }),
    parentRefs: fc.array(fc.record({ name: fc.constantFrom('x', 'gw', 'waypoint'), kind: fc.constantFrom('Service', 'Gateway') }), { maxLength: 2 }),
    template: fc.record({ metadata: fc.record({ labels, annotations: fc.constant({ 'sidecar.istio.io/inject': 'true' }) }), spec: fc.constant({ containers: [{ name: 'app', image: 'a' }] }) }),
    containers: fc.constant([{ name: 'istio-proxy', image: 'proxyv2' }]),
    ports: fc.constant([{ name: 'grpc', port: 50051 }]),
  }, { requiredKeys: [] });
  const object = fc.constantFrom(...kinds).chain((kind) => fc.record({
    apiVersion: fc.constantFrom(...(apiVersionOf[kind] ?? ['v1', 'networking.istio.io/v1', 'security.istio.io/v1'])),
    kind: fc.constant(kind),
    metadata: fc.record({ name: fc.constantFrom('x', 'gw', 'waypoint', 'istio'), namespace: fc.constantFrom('a', 'b', 'istio-system'), labels }),
    spec,
  }));

  test('same findings in the same order as running every analyzer, on random meshes', () => {
    fc.assert(fc.property(fc.array(object, { maxLength: 12 }), fc.constantFrom(...OPTIONS), (raw, options) => {
      same(raw.map((o) => JSON.parse(JSON.stringify(o)) as KubeObject), options);
    }), { numRuns: 400 });
  });
});

describe('lint loads the analyzers of the kinds it reads only', () => {
  test('a Service, a DestinationRule and a VirtualService load no EnvoyFilter, ServiceEntry or webhook-configuration analyzer', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'util', 'loaded-modules.ts'), 'lint', lintFixture('grpc-service.yaml')], { cwd: ROOT, encoding: 'utf8' });
    const modules = (JSON.parse(out.trim().split('\n').pop()!) as string[]).map((p) => p.split('\\').join('/'));
    // GIVEN the analyzers of those kinds loaded
    expect(modules.some((m) => m.endsWith('/lib/validate/analyzer/virtualservice/destination-rules.ts'))).toBe(true);
    // THEN none of the kinds not in the input
    expect(modules.filter((m) => /\/lib\/validate\/analyzer\/(envoyfilter|serviceentry|externalcontrolplane)\//.test(m))).toStrictEqual([]);
  });
});
