import fc from 'fast-check';
import { dump } from 'js-yaml';
import { childPath } from '../lib/validate/path';
import { parseYamlDocuments } from '../lib/validate/yaml-documents';

/**
 * What kubectl (sigs.k8s.io/yaml over go-yaml v2) makes of YAML, as measured with `kubectl
 * annotate --local -o json`; test/yaml-kubectl-differential.test.ts checks the same against a
 * live kubectl over a larger corpus.
 */
const decode = (spec: string) => {
  const parsed = parseYamlDocuments(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nspec:\n${spec}\n`, 'in.yaml');
  expect(parsed.problems).toStrictEqual([]);
  return (parsed.sources[0].object as any).spec;
};
const refusal = (spec: string) => {
  const parsed = parseYamlDocuments(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nspec:\n${spec}\n`, 'in.yaml');
  expect(parsed.sources).toStrictEqual([]);
  expect(parsed.problems).toHaveLength(1);
  return parsed.problems[0];
};

describe('YAML 1.1 scalars, as kubectl reads them', () => {
  test.each([
    ['[yes, Yes, YES, y, Y, on, On, ON, true, True, TRUE]', [true, true, true, true, true, true, true, true, true, true, true]],
    ['[no, No, NO, n, N, off, Off, OFF, false, False, FALSE]', [false, false, false, false, false, false, false, false, false, false, false]],
    ['[yEs, oN, tRUE, fAlse, nUll, .iNf]', ['yEs', 'oN', 'tRUE', 'fAlse', 'nUll', '.iNf']],
    ['[~, null, Null, NULL, ""]', [null, null, null, null, '']],
    ['[050051, 0777, 08, 09, 012345678]', [20521, 511, 8, 9, 12345678]],
    ['[0b101, -0b11, +0b11, 0o17, 0x1F, -0x1F, 0x_1F]', [5, -3, 3, 15, 31, -31, 31]],
    ['[1_000, 1_0.5, .5_0, 1_, _1]', [1000, 10.5, 0.5, 1, '_1']],
    ['[1e3, 1.5e3, .5, 5., +.5, 1e, 1e400]', [1000, 1500, 0.5, 5, 0.5, '1e', '1e400']],
    ['[1:20, 190:20:30, 2001-12-14, 2001-12-14t21:59:43.10-05:00]', ['1:20', '190:20:30', '2001-12-14', '2001-12-14t21:59:43.10-05:00']],
  ])('%s', (flow, expected) => {
    expect(decode(`  v: ${flow}`).v).toStrictEqual(expected);
  });

  test('a label value `yes` is a boolean, which the schema then refuses', () => {
    expect(decode('  labels: {enabled: yes}').labels).toStrictEqual({ enabled: true });
  });

  test('tags: !!binary decodes, !!str and !!int convert, unknown tags keep the text', () => {
    expect(decode('  a: !!binary aGVsbG8=\n  b: !!str 123\n  c: !!int "12"\n  d: !foo bar\n  e: !!float 1\n  f: !!binary "/w=="')).toStrictEqual({ a: 'hello', b: '123', c: 12, d: 'bar', e: 1, f: '\ufffd' });
  });

  test('a tag that does not fit the text is refused', () => {
    expect(refusal('  a: !!int abc')).toBe('in.yaml:6:6: cannot decode !!str `abc` as a !!int');
    expect(refusal('  a: !!binary "not base64!"')).toBe('in.yaml:6:6: !!binary value contains invalid base64 data');
  });

  test('keys that are not strings become strings the way sigs.k8s.io/yaml prints them', () => {
    expect(decode('  v: {1: a, 1.5: b, true: c, 0x10: e, 1e3: f, 2001-01-01: g, y: h, 1e6: i}').v)
      .toStrictEqual({ '1': 'a', '1.5': 'b', 'true': 'h', '16': 'e', '1000': 'f', '2001-01-01': 'g', '1e+06': 'i' });
  });

  test('what has no JSON form is refused where it is written, unless overridden', () => {
    expect(refusal('  v: [1, .inf]')).toMatch(/^in\.yaml:6:10: \.inf has no JSON form/);
    expect(refusal('  v: {~: a}')).toMatch(/^in\.yaml:6:7: a null map key has no JSON form/);
    expect(decode('  v: {x: .inf, x: 1}').v).toStrictEqual({ x: 1 });
  });

  test('plain scalars with colons inside [...] and {...} are strings, as go-yaml scans them', () => {
    expect(decode('  v: [001:db8::, a:b, a:, 2:]\n  w: {k: 001:db8::}').v).toStrictEqual(['001:db8::', 'a:b', 'a:', '2:']);
    expect(decode('  w: {k: 001:db8::, a:}').w).toStrictEqual({ 'k': '001:db8::', 'a:': null });
    expect(decode('  v: [?x, -]').v).toStrictEqual([{ x: null }, '-']);
    expect(refusal('  v: [a?b]')).toMatch(/^in\.yaml:6:8: kubectl ends a plain value at "\?"/);
    expect(refusal('  v: [:x]')).toMatch(/^in\.yaml:6:7: kubectl cannot read a plain value starting with ":"/);
  });
});

describe('merge keys, as go-yaml v2 applies them', () => {
  const base = '  b: &b {x: 1, y: 2}\n  o: &o {x: 3, z: 4}\n';
  test.each([
    ['{x: 9, <<: *b}', { x: 1, y: 2 }],
    ['{<<: *b, x: 9}', { x: 9, y: 2 }],
    ['{<<: [*b, *o]}', { x: 1, y: 2, z: 4 }],
    ['{<<: [*o, *b]}', { x: 3, y: 2, z: 4 }],
    ['{<<: *b, <<: *o}', { x: 3, y: 2, z: 4 }],
    ['{"<<": {a: 1}}', { '<<': { a: 1 } }],
    ['{!!merge <<: *b}', { x: 1, y: 2 }],
  ])('m: %s', (map, expected) => {
    // `y` is a boolean key (YAML 1.1), printed "true"
    const m = decode(`${base}  m: ${map}`).m;
    const { true: y, ...rest } = m;
    expect(y === undefined ? rest : { ...rest, y }).toStrictEqual(expected);
  });

  test('the mtls example of the issue: a merge after a key overrides it', () => {
    expect(decode('  relaxed: &relaxed {mode: PERMISSIVE}\n  mtls: {mode: STRICT, <<: *relaxed}').mtls).toStrictEqual({ mode: 'PERMISSIVE' });
  });

  test('merging anything but maps is refused', () => {
    expect(refusal('  s: &s [1]\n  m: {<<: *s}')).toMatch(/map merge requires map or sequence of maps as the value$/);
    expect(refusal('  m: {<<: [1]}')).toMatch(/map merge requires map or sequence of maps as the value$/);
  });
});

describe('documents, as kubectl cuts them', () => {
  const cm = (n: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n`;
  test('--- lines with comments or spaces separate; content on a --- line is refused', () => {
    expect(parseYamlDocuments(`${cm('a')}--- # next\n${cm('b')}`, 'f.yaml').sources.map((s) => (s.object as any).metadata.name)).toStrictEqual(['a', 'b']);
    expect(parseYamlDocuments(`${cm('a')}--- {a: 1}\n`, 'f.yaml').problems).toStrictEqual([
      'f.yaml:5:1: invalid document separator "---" followed by "{a: 1}": kubectl refuses content on a --- line; move it to the next line',
    ]);
  });

  test('BOM and CRLF are read like LF', () => {
    const parsed = parseYamlDocuments(`\ufeff${cm('a')}data:\n  k: |\n    x\n    y\n`.replace(/\n/g, '\r\n'), 'f.yaml');
    expect((parsed.sources[0].object as any).data).toStrictEqual({ k: 'x\ny\n' });
  });

  test('a document larger than the limit is refused before it is parsed', () => {
    const parsed = parseYamlDocuments(`${cm('a')}---\nv: [${'1,'.repeat(2_200_000)}1]\n`, 'big.yaml');
    expect(parsed.problems).toStrictEqual(['big.yaml:6:1: a document of 4.2 MiB is larger than the 4.0 MiB lint reads (the API server refuses requests over 3 MiB); split it']);
  });
});

describe('finding positions', () => {
  const text = [
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata: {name: vs}',
    'spec:',
    '  http:',
    '  - route:',
    '    - destination: {host: a}',
    '    retries:',
    '      "retryOn": unavailable',
    '---',
    'apiVersion: v1',
    'kind: List',
    'items:',
    '- apiVersion: v1',
    '  kind: ConfigMap',
    '  metadata:',
    '    labels: {"a.b/c": x}',
  ].join('\n');
  const parsed = parseYamlDocuments(text, 'f.yaml');

  test('a field path is found at its key, sequence items at their start', () => {
    const [vs] = parsed.sources;
    expect(vs.locate!('spec.http[0].retries.retryOn')).toStrictEqual({ line: 9, column: 7 });
    expect(vs.locate!('spec.http[0]')).toStrictEqual({ line: 6, column: 5 });
    expect(vs.locate!('spec.http[0].route[0].destination.host')).toStrictEqual({ line: 7, column: 21 });
    expect(vs.locate!('spec.http[1]')).toBeUndefined();
  });

  test('inside a List, paths are relative to the item', () => {
    const item = parsed.sources[1];
    expect(item.line).toBe(14);
    expect(item.locate!('metadata.labels["a.b/c"]')).toStrictEqual({ line: 17, column: 14 });
  });
});

describe('finding positions, over generated objects', () => {
  const key = fc.stringMatching(/^[a-z][a-zA-Z0-9-]{0,8}$/).filter((k) => !/^(y|n|yes|no|on|off|true|false|null)$/i.test(k));
  const leaf = fc.oneof(fc.integer(), fc.constantFrom('text', 'v1'), fc.boolean());
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('map'), tie('list')),
    map: fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4 }),
    list: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
  })).map as fc.Arbitrary<Record<string, unknown>>;

  test('every written field is located on the line that writes it, in block and flow style', () => {
    fc.assert(fc.property(tree, fc.boolean(), (spec, flowStyle) => {
      // GIVEN an object written as YAML (block, or flow from the second level down)
      const yaml = dump({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, spec }, { flowLevel: flowStyle ? 2 : -1, lineWidth: -1 });
      const [source] = parseYamlDocuments(yaml, 'p.yaml').sources;
      const lines = yaml.split('\n');
      // THEN each map key is found where the line holds that key, each list item where it starts
      const visit = (value: unknown, path: string) => {
        if (value === null || typeof value !== 'object') return;
        const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
        for (const [k, v] of entries) {
          const child = childPath(path, k);
          const at = source.locate!(child);
          expect(at).toBeDefined();
          if (typeof k === 'string') expect(lines[at!.line - 1].slice(at!.column - 1)).toMatch(new RegExp(`^['"]?${k}['"]?:`));
          visit(v, child);
        }
      };
      visit(spec, 'spec');
    }), { numRuns: 100, seed: 13 });
  });
});
