import { load } from 'js-yaml';
import { meshYaml } from '../bench/mesh-yaml';
import { parseYamlDocuments, readYamlStream, validateObjects, validateSources } from '../lib/validate';
import { Finding } from '../lib/validate/finding';

/** Objects that draw findings of several stages, spliced between the mesh's documents. */
const BROKEN = [
  // Schema: a retry count that is not a number.
  `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: broken-retries, namespace: team-1 }
spec:
  hosts: [svc-1.team-1.svc.cluster.local]
  http: [{ retries: { attempts: many }, route: [{ destination: { host: svc-1.team-1.svc.cluster.local } }] }]`,
  // Webhook: a route whose destinations carry no weight; analyzers: a second VirtualService for the host.
  `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: unknown-subset, namespace: team-2 }
spec:
  hosts: [svc-2.team-2.svc.cluster.local]
  http: [{ route: [{ destination: { host: svc-2.team-2.svc.cluster.local }, weight: 0 }, { destination: { host: svc-2.team-2.svc.cluster.local }, weight: 0 }] }]`,
  // The engine: the same object twice.
  `apiVersion: v1
kind: Service
metadata: { name: svc-3, namespace: team-3 }
spec: { selector: { app: svc-3 }, ports: [{ name: grpc, port: 50051 }] }`,
];

/** The mesh of `services` services with the broken objects spliced in after every few documents. */
function meshWithFindings(services: number): string {
  const documents = meshYaml({ services }).split('\n---\n');
  const step = Math.floor(documents.length / (BROKEN.length + 1));
  BROKEN.forEach((doc, i) => documents.splice((i + 1) * step + i, 0, doc));
  return documents.join('\n---\n');
}

async function* pieces(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

/** What a finding says and where, in one line per finding. */
function lines(findings: readonly Finding[], withPlace: boolean): string[] {
  return findings.map((f) => {
    const where = withPlace ? ` @${f.line ?? '-'}:${f.column ?? '-'}` : '';
    // Plain objects have no file to name where a duplicate was first defined.
    const message = withPlace ? f.message : f.message.replace(/ \(first defined in [^)]*\)/, '');
    return `${f.severity} ${f.code} ${f.resource.kind} ${f.resource.namespace ?? ''}/${f.resource.name} ${f.path ?? ''}${where}: ${message}`;
  });
}

describe('lint findings on a generated mesh', () => {
  // GIVEN a 60-service mesh (canaries, ingresses, 10 namespaces) with a few broken objects
  const text = meshWithFindings(60);

  test('are the same read as one text, as a stream of small batches, and as plain objects', async () => {
    // WHEN the same input is read in three ways
    const whole = parseYamlDocuments(text, 'mesh.yaml');
    const streamed = await readYamlStream(pieces(text, 7_777), 'mesh.yaml', { batchChars: 20_000 });
    const objects = text.split('\n---\n').map((doc) => load(doc));

    // THEN the findings, their places and their order agree
    expect(whole.problems).toEqual([]);
    expect(streamed.problems).toEqual([]);
    const fromWhole = validateSources(whole.sources);
    expect(lines(validateSources(streamed.sources), true)).toEqual(lines(fromWhole, true));
    expect(lines(validateObjects(objects), false)).toEqual(lines(fromWhole, false));
    // Each broken object draws its findings (the snapshot pins them all, in order).
    expect(new Set(fromWhole.map((f) => f.code))).toEqual(new Set(['IGR0002', 'IGR1004', 'IST0101', 'IST0106', 'IST0109']));
    expect(lines(fromWhole, true)).toMatchSnapshot();
  });
});
