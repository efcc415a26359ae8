import fc from 'fast-check';
import { runCliInMemory } from './util/run-cli';
import { describeValue, IstioGrpcError } from '../lib/core/errors';
import { escapeControlChars, hasControlChars, MAX_MESSAGE_CHARS, printable, truncateMiddle } from '../lib/core/printable';
import { validateObjects } from '../lib/validate/engine';

const run = (argv: string[], stdinText = '') => runCliInMemory(argv, stdinText);

describe('escapeControlChars', () => {
  test.each([
    ['\x1b]0;title\x07', '\\x1b]0;title\\x07'],
    ['\x1b[2J', '\\x1b[2J'],
    ['a\r\nb\tc', 'a\\r\\nb\\tc'],
    ['\x00\x7f\x85\x9b', '\\x00\\x7f\\x85\\x9b'],
    ['\u202eevil\u202c \u2066x\u2069 \u200f\u061c\u2028\ufeff', '\\u202eevil\\u202c \\u2066x\\u2069 \\u200f\\u061c\\u2028\\ufeff'],
    ['users.shop.svc.cluster.local é 😀 \\x', 'users.shop.svc.cluster.local é 😀 \\x'],
  ])('%j → %j', (input, expected) => {
    expect(escapeControlChars(input)).toBe(expected);
  });

  test('no output ever holds a control, C1 or bidi character, and safe text is unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
      const escaped = escapeControlChars(text);
      expect(hasControlChars(escaped)).toBe(false);
      if (!hasControlChars(text)) expect(escaped).toBe(text);
    }), { numRuns: 3000 });
  });
});

describe('truncateMiddle', () => {
  test('cuts long text around an ellipsis with the original length, never splitting a surrogate pair', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 2, max: 120 }), (text, max) => {
      const cut = truncateMiddle(text, max);
      if (text.length <= max) {
        expect(cut).toBe(text);
      } else {
        expect(cut).toContain(`… (${text.length} characters) …`);
        expect(cut.length).toBeLessThanOrEqual(max + 40);
        expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
    }), { numRuns: 2000 });
  });
});

describe('values quoted in messages are bounded', () => {
  const huge = 'a'.repeat(10 * 1024 * 1024);

  test('describeValue quotes a 10 MB string in a few hundred characters, with its length', () => {
    const text = describeValue(huge);
    expect(text.length).toBeLessThan(300);
    expect(text).toContain(`(${huge.length + 2} characters)`);
    expect(text.startsWith('"aaa')).toBe(true);
  });

  test('an IstioGrpcError about a huge, hostile value stays short and printable', () => {
    const err = new IstioGrpcError({ construct: 'C', field: 'f', value: `\x1b[2J${huge}`, reason: 'bad', fix: 'shorter' });
    expect(err.message.length).toBeLessThan(400);
    expect(hasControlChars(err.message)).toBe(false);
    expect(err.value).toBe(`\x1b[2J${huge}`);
  });

  test('a finding about a 10 MB regex quotes a bounded part of it, in lint text and JSON', async () => {
    const vs = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'x', namespace: 'shop' },
      spec: { hosts: ['x'], http: [{ match: [{ uri: { regex: `(${huge}` } }], route: [{ destination: { host: 'x' } }] }] },
    };
    const findings = validateObjects([vs]);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 60);
    const r = await run(['lint', '--format', 'json', '-'], JSON.stringify(vs));
    expect(r.stdout.length).toBeLessThan(20_000);
    const text = await run(['lint', '-'], JSON.stringify(vs));
    expect(text.stdout.length).toBeLessThan(20_000);
  });
});

describe('lint text output carries no control characters from the input', () => {
  test('kinds, names and messages with escape sequences and fake lines are escaped; JSON keeps them', async () => {
    const evil = 'x\x1b]0;pwned\x07\x1b[2J\r\nerror FAKE finding\u202e';
    const doc = JSON.stringify({ apiVersion: 'networking.istio.io/v1', kind: `Virtual${evil}`, metadata: { name: evil, namespace: evil }, spec: { [evil]: evil } });
    const r = await run(['lint', '-'], doc);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(hasControlChars(r.stdout.replace(/\n/g, ''))).toBe(false);
    expect(r.stdout).not.toMatch(/^error FAKE/m);
    const json = await run(['lint', '--format', 'json', '-'], doc);
    expect(JSON.parse(json.stdout).findings[0].resource.name).toBe(evil);
  });

  test('any generated name or kind is escaped in the text report', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), async (name, kind) => {
      const doc = JSON.stringify({ apiVersion: 'v1', kind: kind || 'K', metadata: { name: name || 'n' }, spec: { bad: name } });
      const r = await run(['lint', '-'], doc);
      expect(hasControlChars(r.stdout.replace(/\n/g, ''))).toBe(false);
      expect(hasControlChars(r.stderr.replace(/\n/g, ''))).toBe(false);
    }), { numRuns: 150 });
  });

  test('flags echoes an unknown code escaped and bounded', async () => {
    const r = await run(['flags', `U\x1b[2J${'F'.repeat(5000)}`]);
    expect(r.code).toBe(2);
    expect(hasControlChars(r.stderr.replace(/\n/g, ''))).toBe(false);
    expect(r.stderr.length).toBeLessThan(600);
  });
});

test('printable = cut, then escape', () => {
  expect(printable('\x1b'.repeat(10), 4)).toBe('\\x1b\\x1b\\x1b… (10 characters) …\\x1b');
});

test('argument errors echo the argument escaped', async () => {
  const r = await run(['lint', '--\x1b[2Jx']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("'--\\x1b[2Jx'");
  expect(hasControlChars(r.stderr.replace(/\n/g, ''))).toBe(false);
});
