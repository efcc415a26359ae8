/**
 * A deterministic corpus of YAML documents for decoding differentials against kubectl: scalars
 * of every YAML 1.1/1.2 form in every position and with every tag, merge keys in every order and
 * nesting, anchors, duplicated keys, flow/block mixes, comments, BOM, CRLF and tabs. Each entry
 * is a whole file holding one ConfigMap-shaped object whose `spec` carries the case.
 */

/** One file of the corpus. */
export interface CorpusEntry {
  readonly name: string;
  readonly text: string;
}

export const SCALARS = [
  // YAML 1.1 booleans and near misses
  'yes', 'Yes', 'YES', 'yEs', 'no', 'No', 'NO', 'y', 'Y', 'n', 'N', 'on', 'On', 'ON', 'oN', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'fAlse',
  // nulls
  '~', 'null', 'Null', 'NULL', 'nUll', '',
  // integers
  '0', '-0', '+1', '12', '012', '050051', '0777', '08', '09', '0o17', '0O17', '0x1F', '0X1f', '-0x1F', '+0x1F', '0x', '0b101', '0B11', '-0b11', '+0b11', '0b2',
  '1_000', '_1', '1_', '1__0', '0x_1F', '-_1', '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
  '18446744073709551615', '18446744073709551616', '123456789012345678901234',
  // floats
  '1.5', '.5', '5.', '+.5', '-.5e-3', '1e3', '1E3', '1.e3', '1e', '1e-400', '1e400', '6.8523015e+5', '685.230_15e+03', '1_0.5', '.5_0', '.5e3',
  '.inf', '.Inf', '.INF', '-.inf', '+.inf', '.iNf', '.nan', '.NaN', '.NAN', '.nAn', '.', '0.0', '-0.0', '3.0', '1e21', '0.1', '1e-7',
  // sexagesimal (YAML 1.1) and times
  '1:20', '190:20:30', '190:20:30.15', '-1:30',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10', '2001-12-14T21:59:43Z', '2001-2-3', '2001-02-30', '12001-01-01',
  // strings that look like something
  'a:b', '001:db8::', '::1', 'a::', 'hello world', 'x#y', 'a -b', '- a', '<<', '=', '+', '-', '?x', ':x', 'a?b', 'café', '"q"', "'q'", '@x', '`x', '%x', '!x', '&x', '*x', '|', '>',
  '0x1F_', 'Infinity', 'NaN', 'inf', '+.INF', 'nil', 'None', 'undefined',
];

const TAGS = ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!binary', '!!timestamp', '!foo', '!', '!<tag:yaml.org,2002:int>', '!!map', '!!seq', '!!set', '!<!bar>'];
const BINARIES = ['aGVsbG8=', 'aGVsbG8', '/w==', '4pyTIMOgIGxhIG1vZGU=', 'wg==', '7aCA', 'Zm9v YmFy', '', 'Zm9v\n  YmFy'];

/** A deterministic generator (mulberry32, 32-bit integer arithmetic by design). */
/* eslint-disable no-bitwise */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/* eslint-enable no-bitwise */

/** Wraps spec lines (already indented by two) into a file. */
export function configMap(name: string, specLines: string, options: { eol?: string; bom?: boolean; header?: string } = {}): string {
  const eol = options.eol ?? '\n';
  const body = `${options.header ?? ''}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\nspec:\n${specLines}\n`;
  return (options.bom ? '\ufeff' : '') + body.replace(/\n/g, eol);
}

function scalarCases(): string[] {
  const out: string[] = [];
  for (const s of SCALARS) {
    out.push(`  v: ${s}`);
    out.push(`  v: [${s}]`);
    out.push(`  v: {k: ${s}}`);
    if (s !== '') out.push(`  ${s}: v`);
    out.push(`  v: '${s.replace(/'/g, "''")}'`);
    out.push(`  v: [a, ${s}, b]`);
    out.push(`  v:\n  - ${s}`);
  }
  return out;
}

function taggedCases(rand: () => number): string[] {
  const out: string[] = [];
  for (const tag of TAGS) {
    for (let i = 0; i < 8; i++) {
      const s = SCALARS[Math.floor(rand() * SCALARS.length)];
      out.push(`  v: ${tag} ${s}`);
    }
    out.push(`  v: ${tag} "12"`);
    out.push(`  v: ${tag} {a: 1}`);
    out.push(`  v: ${tag} [1, 2]`);
  }
  for (const b of BINARIES) out.push(`  v: !!binary ${b.includes('\n') ? `|\n    ${b.replace(/\n {2}/g, '\n    ')}` : `"${b}"`}`);
  return out;
}

function mergeCases(): string[] {
  const base = '  base: &b {x: 1, y: 2}\n  other: &o {x: 3, z: 4}\n  deep: &d {x: 5, <<: *o}\n';
  const bodies = [
    '{x: 9, <<: *b}', '{<<: *b, x: 9}', '{<<: [*b, *o]}', '{<<: [*o, *b]}', '{<<: [*b, *o], x: 0}', '{x: 0, <<: [*b, *o]}',
    '{<<: *b, <<: *o}', '{<<: *o, <<: *b}', '{<<: *d}', '{z: 0, <<: *d}', '{<<: {x: 7}}', '{<<: [{x: 7}, *b]}', '{<<: []}', '{<<: {}}',
    '{"<<": *b}', "{'<<': *b}", '{!!merge <<: *b}', '{<<: *b, x: 1, x: 2}', '{<<: 1}', '{<<: ~}', '{<<: [1]}', '{<<: [*b, 1]}',
  ];
  const out = bodies.map((b) => `${base}  m: ${b}`);
  out.push(`${base}  m:\n    x: 9\n    <<: *b\n    y: 8`);
  out.push(`${base}  m:\n    <<:\n    - *o\n    - *b\n    q: 1`);
  out.push(`${base}  m:\n    inner:\n      <<: *d\n      x: 6\n    <<: *b`);
  out.push(`${base}  s: &s [1, 2]\n  m: {<<: *s}`);
  out.push(`${base}  m: &m2 {<<: *b, w: 1}\n  n: {<<: *m2, x: 2}`);
  out.push(`${base}  m: {<<: *b}\n  <<: *o`);
  out.push('  <<: {a: 1}\n  <<: {b: 2}\n  a: 3');
  return out;
}

function anchorCases(): string[] {
  return [
    '  a: &a hello\n  b: *a',
    '  a: &a 12\n  *a : v',
    '  a: &a yes\n  b: [*a, *a]',
    '  a: &a [1, 2]\n  b: {c: *a}',
    '  a: &a 1\n  a2: &a 2\n  b: *a',
    '  b: *missing',
    '  a: &a {k: v}\n  *a : v',
    '  a: &a ~\n  *a : v',
    '  a: &x !!str 12\n  b: *x',
  ];
}

function duplicateCases(): string[] {
  return [
    '  a: 1\n  a: 2', '  v: {a: 1, a: 2}', '  y: 1\n  true: 2', '  1: a\n  0x1: b', '  v:\n    k: x\n    k: y\n  k: z',
    '  a: {b: 1}\n  a: {c: 2}', '  on: 1\n  yes: 2', '  1.0: a\n  1.00: b', '  "a": 1\n  a: 2', '  v: {x: .inf, x: 1}', '  v: {x: {~: 1}, x: 2}',
  ];
}

function keyCases(): string[] {
  return [
    '  v: {1: a, 1.5: b, true: c, 0x10: e, 1e3: f, 2001-01-01: g}', '  v: {~: a}', '  v: {[1, 2]: a}', '  v: {{a: 1}: b}', '  v: {.inf: a, -.inf: b, .nan: c}',
    '  v: {123456789.5: a, 0.000012: b, 1e6: c, 1e-5: d, 100000.0: e, 16777217.0: f}', '  v: {-0.0: a}', '  v: {18446744073709551615: a}', '  v: {9223372036854775807: a}',
    '  ? a\n  : b', '  ? [x]\n  : b', '  v: {? a}',
  ];
}

function layoutCases(): { lines: string; opts?: { eol?: string; bom?: boolean; header?: string } }[] {
  const out: { lines: string; opts?: { eol?: string; bom?: boolean; header?: string } }[] = [
    { lines: '  v: |\n    line1\n    line2\n' },
    { lines: '  v: |-\n    line1\n\n  w: 1' },
    { lines: '  v: |+\n    line1\n\n  w: 1' },
    { lines: '  v: >\n    folded\n    text\n\n    para\n  w: 1' },
    { lines: '  v: |2\n     indented\n  w: 1' },
    { lines: '  v: plain\n    continued\n    lines' },
    { lines: '  v: "double\n    quoted"' },
    { lines: '  v: "esc \\t \\x41 \\u00e9 \\U0001F600 \\N \\_ \\L \\P \\0 \\a \\e \\/"' },
    { lines: "  v: 'single ''quoted'''" },
    { lines: '  v: [a, [b, {c: d}], {e: [f]}]' },
    { lines: '  v: {a: [1, 2], b: {c: 3}}' },
    { lines: '  v: [a,\n    b]' },
    { lines: '  v: [a # comment\n    , b]' },
    { lines: '  v: x # comment\n  # full line\n  w: y#notcomment' },
    { lines: '  v:\n  - a\n  -   - b\n      - c\n  - k: v\n    l: w' },
    { lines: '  v: [a:b, c:d]' },
    { lines: '  v: [001:db8::, b]' },
    { lines: '  v: [a:, b]' },
    { lines: '  v: {a:}' },
    { lines: '  v: [a:b:, c]' },
    { lines: '  v: [1, 2:]' },
    { lines: '  v: [a\n    :b]' },
    { lines: '  v: [a:#x]' },
    { lines: '  v: {? a: b}' },
    { lines: '  v: [?x]' },
    { lines: '  v: [a?b]' },
    { lines: '  v: [:x]' },
    { lines: '  v: [a:[1]]' },
    { lines: '  v: {"a":1}' },
    { lines: '  v: [a]b]' },
    { lines: '  v: "tab\there"' },
    { lines: '  v:\tafter-colon-tab' },
    { lines: '  v: trailing tab\t' },
    { lines: '  v: [a,\tb]' },
    { lines: '\tv: tab-indented' },
    { lines: '  v:\n  \t- a' },
    { lines: '  v: a\n  w: b', opts: { eol: '\r\n' } },
    { lines: '  v: |\n    crlf\n    block\n  w: 1', opts: { eol: '\r\n' } },
    { lines: '  v: a', opts: { bom: true } },
    { lines: '  v: a', opts: { bom: true, eol: '\r\n' } },
    { lines: '  v: a', opts: { header: '# leading comment\n' } },
    { lines: '  v: a', opts: { header: '%YAML 1.1\n---\n' } },
    { lines: '  v: a', opts: { header: '--- # start\n' } },
    { lines: '  v: a\n...\n' },
    { lines: '  v: a\n  v2: b   \n' },
    { lines: '  v: \'\'' },
    { lines: '  v: ""' },
    { lines: '  v: \n  w:' },
    { lines: '  v: - a' },
    { lines: '  v: a\n   w: b' },
    { lines: '  v: {a: 1' },
    { lines: '  v: [a, b' },
    { lines: '  v: "unterminated' },
    { lines: '  v: @reserved' },
    { lines: '  v: `reserved' },
    { lines: '  v: &anchor' },
    { lines: '  v: !!str' },
    { lines: '  v: "\\q"' },
    { lines: '  v: "a\\\n    b"' },
    // Lines indented less than their parent, which go-yaml reads inside [...], {...} and quotes.
    { lines: '  v: [\n    a,\n  ]' },
    { lines: '  v: [\n"1",\n]' },
    { lines: '  v: [\n1,\n2]\n  w: x' },
    { lines: '  v: {\nk: 1\n}' },
    { lines: '  v: [a, [b,\nc], {d:\ne}]' },
    { lines: '  v: "abc\ndef"\n  w: x' },
    { lines: "  v: 'abc\ndef'" },
    { lines: '  v: [ a\nb ]' },
    { lines: '  v: [\n\t"1" ]' },
    { lines: '  v: ["a\\\nb"]' },
    { lines: '  v: [a\n# comment\n, b]' },
    { lines: '  v:\n  - [x,\ny]' },
    { lines: '  v: [\n- a]' },
    { lines: '  v: {\n? k\n: v}' },
    { lines: '  v: plain\ncontinued' },
    { lines: '  v: "\u0085"' },
    { lines: '  v: a\u2028b' },
  ];
  return out;
}

/** The corpus: every case above, in a fixed order; at least 500 entries. */
export function yamlCorpus(seed = 13): CorpusEntry[] {
  const rand = seeded(seed);
  const entries: CorpusEntry[] = [];
  const add = (kind: string, lines: string, opts?: { eol?: string; bom?: boolean; header?: string }) => {
    const name = `c${entries.length}`;
    entries.push({ name: `${kind}-${entries.length}`, text: configMap(name, lines, opts) });
  };
  for (const c of scalarCases()) add('scalar', c);
  for (const c of taggedCases(rand)) add('tag', c);
  for (const c of mergeCases()) add('merge', c);
  for (const c of anchorCases()) add('anchor', c);
  for (const c of duplicateCases()) add('duplicate', c);
  for (const c of keyCases()) add('key', c);
  for (const c of layoutCases()) add('layout', c.lines, c.opts);
  const cm = (n: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n`;
  for (const text of [
    `${cm('m1')}---\n${cm('m2')}`,
    `${cm('m1')}--- # next\n\n---\n${cm('m2')}`,
    `---\n${cm('m1')}---\n# only a comment\n---\n${cm('m2')}---\n`,
    `${cm('m1')}--- {apiVersion: v1, kind: ConfigMap, metadata: {name: m2}}\n`,
    `${cm('m1')}----\n${cm('m2')}`,
    `${cm('m1')}---\t\n${cm('m2')}`,
    `${cm('m1')}...\n---\n${cm('m2')}`,
    `${cm('m1')}  ---\n`,
    `apiVersion: v1\nkind: List\nitems:\n- ${cm('i1').replace(/\n(?=.)/g, '\n  ')}- ${cm('i2').replace(/\n(?=.)/g, '\n  ')}`,
    `${cm('m1')}data:\n  a: "multi\n---\n  line"\n`,
    `${cm('m1')}data:\n  a: |\n    ---\n    not a separator\n`,
  ]) entries.push({ name: `multi-${entries.length}`, text });
  // Random mixes: a few scalars of any form in block and flow positions together.
  for (let i = 0; i < 120; i++) {
    const pick = () => SCALARS[Math.floor(rand() * SCALARS.length)];
    const flow = rand() < 0.5;
    const lines = flow
      ? `  v: {a: ${pick()}, b: [${pick()}, ${pick()}], ${pick()}: c}`
      : `  a: ${pick()}\n  b:\n  - ${pick()}\n  - {x: ${pick()}}\n  ${pick()}: c`;
    add(rand() < 0.15 ? 'mix-crlf' : 'mix', lines, rand() < 0.15 ? { eol: '\r\n' } : undefined);
  }
  return entries;
}
