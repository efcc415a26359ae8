import { parseYamlDocuments } from '../lib/validate/yaml-documents';

describe('parseYamlDocuments', () => {
  test('reads every document with its line, skipping empty ones and expanding Lists', () => {
    // GIVEN two objects, an empty document and a List of two
    const text = [
      'apiVersion: v1\nkind: Service\nmetadata: {name: a}',
      '',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}',
    ].join('\n---\n');
    // WHEN parsed
    const parsed = parseYamlDocuments(text, 'in.yaml');
    // THEN three objects, each with the line it starts on
    expect(parsed.problems).toStrictEqual([]);
    expect(parsed.sources.map((s) => [(s.object as any).metadata.name, s.line])).toStrictEqual([['a', 1], ['b', 10], ['c', 13]]);
  });

  test('a duplicated key is read last-wins, as kubectl does, with a warning at the second one', () => {
    // GIVEN a map with the same key twice, nested
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    app: x\n    app: z\n';
    // WHEN parsed
    const parsed = parseYamlDocuments(text, 'dup.yaml');
    // THEN the object holds the last value and the second occurrence is a warning with line and column
    expect(parsed.problems).toStrictEqual([]);
    expect((parsed.sources[0].object as any).metadata.labels).toStrictEqual({ app: 'z' });
    expect(parsed.warnings).toStrictEqual(['dup.yaml:7:5: duplicated mapping key "app": kubectl keeps the last value and drops the others']);
  });

  test('the same key in different maps is fine', () => {
    const parsed = parseYamlDocuments('a: {name: x}\nb: {name: y}\n', 'ok.yaml');
    expect(parsed.problems).toStrictEqual([]);
  });

  test('a map with many keys is read whole', () => {
    // GIVEN 20,000 distinct keys (a pairwise duplicate check would make this crawl)
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: v`).join('\n');
    const parsed = parseYamlDocuments(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n${keys}\n`, 'big.yaml');
    // THEN every key is there
    expect(parsed.problems).toStrictEqual([]);
    expect(Object.keys((parsed.sources[0].object as any).data)).toHaveLength(20_000);
  });

  test('an alias bomb is refused, not expanded', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const parsed = parseYamlDocuments(lines.join('\n'), 'bomb.yaml');
    expect(parsed.sources).toStrictEqual([]);
    expect(parsed.problems[0]).toMatch(/^bomb\.yaml:\d+:\d+: aliases and merges expand the document to more than 100000 values/);
  });
});

describe('parseYamlDocuments limits', () => {
  test('a few aliases used a few times are fine', () => {
    const parsed = parseYamlDocuments('labels: &l {app: a}\nother: *l\n', 'alias.yaml');
    expect(parsed.problems).toStrictEqual([]);
    expect(parsed.sources[0].object).toStrictEqual({ labels: { app: 'a' }, other: { app: 'a' } });
  });

  test('merge keys are understood, as kubectl does', () => {
    const parsed = parseYamlDocuments('base: &b {a: 1}\nderived:\n  <<: *b\n  c: 2\n', 'merge.yaml');
    expect((parsed.sources[0].object as any).derived).toStrictEqual({ a: 1, c: 2 });
  });

  test('nesting beyond the limit is a problem, not a crash', () => {
    const parsed = parseYamlDocuments(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'deep.yaml');
    expect(parsed.sources).toStrictEqual([]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatch(/^deep\.yaml:1:\d+: /);
  });
});
