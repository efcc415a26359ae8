import { execFile, execFileSync } from 'child_process';
import { once } from 'events';
import { createWriteStream, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as fc from 'fast-check';
import { parseYamlDocuments, readYamlStream } from '../lib/validate';

/** The text cut into pieces of the given sizes (bytes of its UTF-8, so characters may be split). */
async function* piecesOf(text: string, sizes: readonly number[]): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes.length ? sizes[i % sizes.length] : bytes.length;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function* piecesOfBytes(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

/** What a reading found, with each object's line and where its fields are. */
function summary(parsed: ReturnType<typeof parseYamlDocuments>) {
  return {
    problems: parsed.problems,
    warnings: parsed.warnings,
    sources: parsed.sources.map((s) => ({ object: s.object, line: s.line, name: s.locate?.('metadata.name'), data: s.locate?.('data.k') })),
  };
}

// Documents as kubectl cuts them: separators with comments, `...`, block scalars, comments, lists,
// multi-byte text, duplicated keys (warnings) and the odd broken line (problems).
const docPart = fc.constantFrom(
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: "é✓ 😀"\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata:\n  k: |\n    --- not a separator inside\n    line two\n',
  '# a comment only\n',
  '',
  'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n  name: d2\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: e}\n...\n',
  'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: f}\r\n',
);
const separator = fc.constantFrom('---\n', '--- # next\n', '---\r\n');
const broken = fc.constantFrom('key: [unclosed\n', '--- {a: 1}\n', 'a: b\n c: d\n');
const stream = fc.tuple(fc.array(fc.tuple(separator, docPart), { maxLength: 12 }), fc.option(broken, { nil: undefined }), fc.nat(12))
  .map(([docs, bad, where]) => {
    const parts = docs.map(([sep, doc], i) => (i === 0 ? '' : sep) + doc);
    if (bad !== undefined) parts.splice(Math.min(where, parts.length), 0, `---\n${bad}`);
    return parts.join('');
  });

describe('readYamlStream', () => {
  test('reads what parseYamlDocuments reads from the whole text, however the stream is cut and batched', async () => {
    const pieceSizes = fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 5 });
    await fc.assert(fc.asyncProperty(stream, pieceSizes, fc.integer({ min: 1, max: 300 }), async (text, sizes, batchChars) => {
      const whole = parseYamlDocuments(text, 'f.yaml');
      const streamed = await readYamlStream(piecesOf(text, sizes), 'f.yaml', { batchChars });
      expect(summary(streamed)).toStrictEqual(summary(whole));
    }), { numRuns: 400 });
  });

  test('located by reading each batch again from its bytes, findings land where the whole text puts them', async () => {
    const pieceSizes = fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 5 });
    await fc.assert(fc.asyncProperty(stream, pieceSizes, fc.integer({ min: 1, max: 300 }), async (text, sizes, batchChars) => {
      const bytes = Buffer.from(text, 'utf8');
      const asked: [number, number][] = [];
      const reread = (start: number, end: number) => {
        asked.push([start, end]);
        return bytes.subarray(start, end).toString('utf8');
      };
      const streamed = await readYamlStream(piecesOf(text, sizes), 'f.yaml', { batchChars, reread });
      expect(summary(streamed)).toStrictEqual(summary(parseYamlDocuments(text, 'f.yaml')));
      for (const [start, end] of asked) expect(0 <= start && start <= end && end <= bytes.length).toBe(true);
    }), { numRuns: 300 });
  });

  test('a batch that cannot be read again, or reads differently, leaves findings at the object line only', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n';
    for (const reread of [() => undefined, () => 'changed', (s: number, e: number) => 'x'.repeat(e - s)]) {
      const streamed = await readYamlStream(piecesOf(text, []), 'f.yaml', { batchChars: 1, reread });
      expect(streamed.sources.map((s) => [s.line, s.locate?.('metadata.name')])).toStrictEqual([[1, undefined], [6, undefined]]);
    }
  });

  test('bytes that are not UTF-8 are kept, not read again: their offsets in the file are not the text\'s', async () => {
    const bytes = Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: "'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n  j: x\n')]);
    const reread = jest.fn(() => 'never used');
    const streamed = await readYamlStream(piecesOfBytes(bytes), 'f.yaml', { reread });
    expect(streamed.sources[0].locate?.('data.j')).toStrictEqual({ line: 7, column: 3 });
    expect(reread).not.toHaveBeenCalled();
  });

  test('line numbers count from the start of the stream across batches', async () => {
    const text = Array.from({ length: 50 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n`).join('---\n');
    const streamed = await readYamlStream(piecesOf(text, [7]), 'f.yaml', { batchChars: 40 });
    expect(streamed.sources.map((s) => s.line)).toStrictEqual(Array.from({ length: 50 }, (_, i) => 1 + 5 * i));
    expect(streamed.sources[49].locate?.('metadata.name')).toStrictEqual({ line: 249, column: 3 });
  });

  test('a document over the cap is refused as soon as it passes it, at its first line', async () => {
    async function* endless(): AsyncGenerator<string> {
      yield 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n';
      for (;;) yield '# padding\n'.repeat(100);
    }
    const streamed = await readYamlStream(endless(), 'f.yaml', { maxDocumentChars: 10_000 });
    expect(streamed.problems).toStrictEqual(['f.yaml:5:1: a document larger than the 0.0 MiB lint reads (the API server refuses requests over 3 MiB); split it']);
    expect(streamed.sources).toStrictEqual([]);
  });
});

describe('lint of a large stream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yaml-stream-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('100 MB of documents lints with a 256 MB heap: memory holds the objects, not the text', async () => {
    // GIVEN 100 MB of small ConfigMaps, each after 10 KB of comments (as chart output carries)
    const file = join(dir, 'stream.yaml');
    const out = createWriteStream(file);
    const padding = `# ${'x'.repeat(97)}\n`.repeat(100);
    const count = 10_000;
    for (let i = 0; i < count; i++) {
      if (!out.write(`${padding}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: ns\ndata:\n  k: v\n---\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    // WHEN linted in a child process with a small heap
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', '-e',
        `require('./lib/cli/program').runCli(['lint', ${JSON.stringify(file)}]).then((code) => { process.exitCode = code; });`],
      { cwd: join(__dirname, '..'), maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
    });
    // THEN every object is read and checked, without running out of memory
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^${count} objects: 0 errors`, 'm'));
    expect(run.code).toBe(0);
  }, 300_000);
});

describe('what a stream reading keeps', () => {
  // A fresh process, so the heap holds only what the reading kept.
  const retained = (...args: string[]) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'util', 'retained-text.ts'), ...args], {
    cwd: join(__dirname, '..'), encoding: 'utf8', timeout: 120_000,
  }).trim().split('\n').pop()!);

  test('the objects and their locators hold no batch of the text (lint keeps every object)', () => {
    expect(retained()).toStrictEqual({ objects: 1440, located: 0, holding: 0 });
  });

  test('once the findings are located, only the few batches located last stay expanded', () => {
    // 20 findings in 20 batches of 16 KiB; 4 batches are kept expanded, whatever the input's size.
    const found = retained('validate');
    expect(found.located).toBe(20);
    expect(found.holding).toBeLessThanOrEqual(4);
  });
});
