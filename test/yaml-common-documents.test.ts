import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import * as fc from 'fast-check';
import { parseEvents } from 'js-yaml';
import { loadCorpus } from './util/conformance';
import { SCALARS, yamlCorpus } from './util/yaml-corpus';
import { childPath } from '../lib/validate/path';
import { decodeCommonDocuments } from '../lib/validate/yaml/common-documents';
import { splitDocuments } from '../lib/validate/yaml/split-documents';
import { ParsedDocuments, parseYamlDocuments, parseYamlDocumentsGenerally, ParseYamlOptions } from '../lib/validate/yaml-documents';

/**
 * The one-pass reading of common documents is a shortcut: wherever it is taken, parseYamlDocuments
 * must give exactly what the general reading (events cut into documents, flowScalarFixes,
 * decodeDocument) gives: values, problems, warnings, lines and the location of every field.
 */

/** Every path a finding could name in a value, the value itself included. */
function pathsOf(value: unknown, path = '', out: string[] = []): string[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, childPath(path, i), out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, childPath(path, k), out);
  return out;
}

/** Limits as parseYamlDocuments sets them for small documents. */
const LIMITS = () => ({ maxAliases: 1000, maxValues: 100_000, maxDepth: 256 });

/** All a reading gives, in a form to compare. */
function observed(parsed: ParsedDocuments) {
  return {
    problems: parsed.problems,
    warnings: parsed.warnings,
    sources: parsed.sources.map((s) => ({
      object: s.object,
      file: s.file,
      line: s.line,
      located: [...pathsOf(s.object), 'no.such[3].path'].map((p) => [p, s.locate?.(p)]),
    })),
  };
}

function expectSameReading(text: string, options: ParseYamlOptions = {}): void {
  expect(observed(parseYamlDocuments(text, 'in.yaml', options))).toStrictEqual(observed(parseYamlDocumentsGenerally(text, 'in.yaml', options)));
}

/** Whether the one-pass reading takes the whole text (read as one group). */
function takesShortcut(text: string): boolean {
  try {
    return decodeCommonDocuments(parseEvents(text, { maxDepth: 256 }), text, 0, splitDocuments(text).chunks, LIMITS) !== undefined;
  } catch {
    return false;
  }
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const MANIFEST = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: svc-0',
  '  labels: {app: svc-0, version: v1}',
  'spec:',
  '  replicas: 2',
  '  template:',
  '    metadata:',
  '      annotations:',
  '        proxy.istio.io/config: \'{"holdApplicationUntilProxyStarts":true}\'',
  '      labels:',
  '        sidecar.istio.io/inject: "true"',
  '    spec:',
  '      containers:',
  '        - image: registry.example.com/svc-0:1.0.0',
  '          name: server',
  '          args: [--port, "50051", -v]',
  '          ports:',
  '            - containerPort: 50051',
  '              protocol: TCP',
  '          resources:',
  '            limits: {cpu: "1", memory: 512Mi}',
  '      volumes:',
  '        - emptyDir: {}',
  '          name: tmp',
  '',
].join('\n');

describe('one-pass reading of common documents', () => {
  test('is taken for manifests as they are usually written', () => {
    // GIVEN a Deployment with flow collections, quoted and plain values
    const { chunks } = splitDocuments(MANIFEST);
    // WHEN its events are decoded in one pass
    const reads = decodeCommonDocuments(parseEvents(chunks[0].text, { maxDepth: 256 }), chunks[0].text, 0, chunks, LIMITS);
    // THEN the shortcut reads it, and as the general reading does
    expect(reads).toHaveLength(1);
    expect(reads![0].document.value).toStrictEqual(parseYamlDocumentsGenerally(MANIFEST, 'in.yaml').sources[0].object);
    expectSameReading(MANIFEST);
  });

  test.each([
    ['an anchor', 'a: &x {b: 1}\n'],
    ['an alias', 'a: 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'a: {b: 1}\n<<: {c: 2}\n'],
    ['an escape', 'a: "x\\ty"\n'],
    ['a null key', '~: 1\n'],
    ['a non-finite number', 'a: .inf\n'],
    ['a "?" in a flow scalar', 'a: [b?c]\n'],
    ['a ":" after a flow scalar', 'a: [b:]\n'],
    ['a ":" before a bracket', 'a: [b:[c]]\n'],
    ['a collection as a key', '? [a]\n: b\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
  ])('is not taken for %s', (_, text) => {
    // GIVEN a text the YAML 1.2 reader reads
    const events = parseEvents(text, { maxDepth: 256 });
    // WHEN its events are decoded in one pass, THEN the shortcut declines
    expect(decodeCommonDocuments(events, text, 0, [{ text, offset: 0 }], LIMITS)).toBeUndefined();
    // AND the whole reading is the general one's
    expectSameReading(text);
  });

  test('reads the kubectl differential corpus as the general reading does, one file at a time and many per file', () => {
    const corpus = yamlCorpus();
    for (const entry of corpus) expectSameReading(entry.text);
    // Many documents per text go through the grouped reading (one parser call for many chunks).
    for (let i = 0; i < corpus.length; i += 40) expectSameReading(corpus.slice(i, i + 40).map((e) => e.text).join('---\n'), { firstLine: 7 });
  });

  test('reads the conformance corpora and the lint fixtures as the general reading does', () => {
    const files = [join(__dirname, 'fixtures')];
    for (const rules of ['derived', 'istio'] as const) {
      const corpus = loadCorpus(rules);
      if (corpus) files.push(corpus.dir);
    }
    for (const file of files.flatMap(yamlFilesUnder)) expectSameReading(readFileSync(file, 'utf8'));
  });

  test('reads generated documents as the general reading does (YAML 1.1 scalars, merges, aliases, duplicates)', () => {
    let shortcuts = 0;
    fc.assert(fc.property(documentsArb, ({ text, firstLine }) => {
      expectSameReading(text, { firstLine });
      if (takesShortcut(text)) shortcuts++;
    }), { numRuns: 400 });
    // The generated documents exercise both readings.
    expect(shortcuts).toBeGreaterThan(40);
    expect(shortcuts).toBeLessThan(360);
  });
});

/** Scalars of the corpus that stay plain scalars after `key: ` and `- ` (no indicator in front, no comment). */
function plainInBlock(s: string): boolean {
  return s !== '' && !/[#\n]/.test(s) && !/^(?:[?:,[\]{}#&*!|>'"%@`]|-(?![\d._]))/.test(s);
}

/** Scalars as written: YAML 1.1 forms plain, quoted both ways, and block scalars. */
const scalarArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SCALARS.filter(plainInBlock)) },
  { weight: 3, arbitrary: fc.constantFrom('svc-0', 'grpc', 'TCP', '50051', '512Mi', '100m', 'v1', 'apps/v1', 'team-0', 'registry.example.com/a:1.0') },
  { weight: 1, arbitrary: fc.constantFrom(...SCALARS).map((s) => `'${s.replace(/'/g, "''")}'`) },
  { weight: 1, arbitrary: fc.constantFrom(...SCALARS, 'a\\tb', 'a\\\\b', 'x\\qy').map((s) => `"${s.replace(/"/g, '\\"')}"`) },
  { weight: 1, arbitrary: fc.constantFrom('|\n  line one\n  line two', '>-\n  folded\n  text', '|+\n  kept\n') },
);

/** Keys: field names, a few repeated (duplicates), YAML 1.1 scalars, merge keys. */
const keyArb = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('name', 'kind', 'spec', 'items', 'labels', 'app', 'port', '__proto__', 'a.b', '"quoted key"') },
  {
    weight: 6,
    arbitrary: fc.constantFrom('yes', 'no', 'on', 'off', 'y', 'n', '0777', '0x1F', '1_000', '1:20', '1.5', '1e3', '.inf', '~', 'null', '2001-12-14', '-1', '18446744073709551615'),
  },
  { weight: 1, arbitrary: fc.constant('<<') },
);

type Tree =
  | { scalar: string }
  | { alias: string }
  | { map: [string, Tree][]; anchor?: string; flow?: boolean }
  | { seq: Tree[]; anchor?: string; flow?: boolean };

// Anchors, aliases and merge keys are rare, so that many documents are common ones.
const anchorArb = fc.oneof({ weight: 11, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('a', 'b') });
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 30, arbitrary: scalarArb.map((scalar) => ({ scalar })) },
    { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'c').map((alias) => ({ alias })) },
    { weight: 8, arbitrary: fc.record({ map: fc.array(fc.tuple(keyArb, tie('tree')), { maxLength: 5 }), anchor: anchorArb, flow: fc.boolean() }).map((t) => ({ map: t.map, anchor: t.anchor, flow: t.flow })) },
    { weight: 8, arbitrary: fc.record({ seq: fc.array(tie('tree'), { maxLength: 4 }), anchor: anchorArb, flow: fc.boolean() }).map((t) => ({ seq: t.seq, anchor: t.anchor, flow: t.flow })) },
  ),
}));

/** Flow form of a tree (block scalars become quoted ones). */
function flowText(t: Tree): string {
  if ('scalar' in t) return /^[|>]/.test(t.scalar) ? JSON.stringify(t.scalar) : t.scalar;
  if ('alias' in t) return `*${t.alias}`;
  const anchor = t.anchor ? `&${t.anchor} ` : '';
  if ('map' in t) return `${anchor}{${t.map.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
  return `${anchor}[${t.seq.map(flowText).join(', ')}]`;
}

/** Block form of a tree as the value after `key:` or `-` at `indent`. */
function blockText(t: Tree, indent: number): string {
  const pad = ' '.repeat(indent);
  if ('scalar' in t) return ` ${t.scalar.replace(/\n/g, `\n${pad}`)}`;
  if ('alias' in t) return ` *${t.alias}`;
  if (t.flow || ('map' in t ? t.map.length === 0 : t.seq.length === 0)) return ` ${flowText(t)}`;
  const anchor = t.anchor ? ` &${t.anchor}` : '';
  if ('map' in t) return `${anchor}\n${t.map.map(([k, v]) => `${pad}${k}:${blockText(v, indent + 2)}`).join('\n')}`;
  return `${anchor}\n${t.seq.map((v) => `${pad}-${blockText(v, indent + 2)}`).join('\n')}`;
}

/** Documents: ConfigMap-shaped objects (some Lists) with generated content, separated by `---`. */
const documentsArb = fc.record({
  docs: fc.array(fc.record({
    list: fc.boolean(),
    entries: fc.array(fc.tuple(keyArb, tree), { maxLength: 4 }),
    items: fc.array(tree, { maxLength: 3 }),
  }), { minLength: 1, maxLength: 4 }),
  firstLine: fc.integer({ min: 1, max: 50 }),
}).map(({ docs, firstLine }) => ({
  firstLine,
  text: docs.map((d) => {
    const body = d.entries.map(([k, v]) => `${k}:${blockText(v, 2)}`).join('\n');
    const items = d.items.map((v) => `- kind: ConfigMap\n  data:${blockText(v, 4)}`).join('\n');
    return d.list
      ? `apiVersion: v1\nkind: List\nitems:${items ? `\n${items}` : ' []'}\n${body}\n`
      : `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n${body}\n`;
  }).join('---\n'),
}));
