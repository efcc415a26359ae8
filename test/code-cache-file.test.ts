import * as fc from 'fast-check';
import { CodeCacheFile, decodeCodeCache, encodeCodeCache } from '../lib/code-cache/cache-file';

const RUNTIME = { v8: '11.3.244.8-node.33', arch: 'x64' };
const digestArb = fc.stringMatching(/^[0-9a-f]{40}$/);
const entryArb = fc.record({
  path: fc.string({ minLength: 1, maxLength: 80 }),
  digest: digestArb,
  data: fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
});
const fileArb = fc.record({ runtime: fc.record({ v8: fc.string(), arch: fc.string() }), entries: fc.array(entryArb, { maxLength: 8 }) });

const SAMPLE: CodeCacheFile = {
  runtime: RUNTIME,
  entries: [
    { path: 'lib/index.js', digest: 'a'.repeat(40), data: Buffer.from([1, 2, 3]) },
    { path: 'imports/k8s.js', digest: 'b'.repeat(40), data: Buffer.from([4, 5]) },
  ],
};

/** A cache file with `header` as its JSON header and `blobs` after it. */
function withHeader(header: unknown, blobs = Buffer.alloc(0)): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  return Buffer.concat([Buffer.from('IGRPCC1\n', 'latin1'), length, json, blobs]);
}

describe('the code cache file', () => {
  test('reads back what was written: runtime, paths, digests and each cache in order', () => {
    fc.assert(fc.property(fileArb, (file) => {
      const plain = (f: CodeCacheFile | undefined) => f && ({
        runtime: { v8: f.runtime.v8, arch: f.runtime.arch },
        entries: f.entries.map((e) => ({ path: e.path, digest: e.digest, data: [...e.data] })),
      });
      expect(plain(decodeCodeCache(encodeCodeCache(file)))).toStrictEqual(plain(file));
    }));
  });

  test('a truncated file is no cache file, at any length', () => {
    const whole = encodeCodeCache(SAMPLE);
    expect(decodeCodeCache(whole)).toBeDefined();
    for (let n = 0; n < whole.length; n++) expect(decodeCodeCache(whole.subarray(0, n))).toBeUndefined();
  });

  test('random bytes, after the magic or not, are refused without throwing', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 256 }), fc.boolean(), (bytes, magic) => {
      const buffer = magic ? Buffer.concat([Buffer.from('IGRPCC1\n', 'latin1'), Buffer.from(bytes)]) : Buffer.from(bytes);
      const read = decodeCodeCache(buffer);
      if (read) expect(encodeCodeCache(read).length).toBeLessThanOrEqual(buffer.length);
    }));
  });

  test.each([
    ['another magic', Buffer.concat([Buffer.from('IGRPCC2\n', 'latin1'), encodeCodeCache(SAMPLE).subarray(8)])],
    ['a header length past the end', (() => { const b = Buffer.from(encodeCodeCache(SAMPLE)); b.writeUInt32LE(0xffffffff, 8); return b; })()],
    ['a header that is not JSON', (() => { const b = Buffer.from(encodeCodeCache(SAMPLE)); b[12] = 0x7b + 1; return b; })()],
    ['no runtime', withHeader({ entries: [] })],
    ['a runtime without its V8 version', withHeader({ runtime: { arch: 'x64' }, entries: [] })],
    ['entries that are not a list', withHeader({ runtime: RUNTIME, entries: {} })],
    ['an entry of three fields', withHeader({ runtime: RUNTIME, entries: [['lib/a.js', 'a'.repeat(40), 0]] })],
    ['an empty path', withHeader({ runtime: RUNTIME, entries: [['', 'a'.repeat(40), 0, 0]] })],
    ['a path of 1,025 characters', withHeader({ runtime: RUNTIME, entries: [['p'.repeat(1025), 'a'.repeat(40), 0, 0]] })],
    ['a digest that is not sha1 hex', withHeader({ runtime: RUNTIME, entries: [['lib/a.js', 'A'.repeat(40), 0, 0]] })],
    ['a cache past the end', withHeader({ runtime: RUNTIME, entries: [['lib/a.js', 'a'.repeat(40), 0, 4]] }, Buffer.from([1, 2, 3]))],
    ['a negative offset', withHeader({ runtime: RUNTIME, entries: [['lib/a.js', 'a'.repeat(40), -1, 1]] }, Buffer.from([1, 2, 3]))],
    ['a fractional length', withHeader({ runtime: RUNTIME, entries: [['lib/a.js', 'a'.repeat(40), 0, 1.5]] }, Buffer.from([1, 2, 3]))],
  ])('%s is no cache file', (_name, buffer) => {
    expect(decodeCodeCache(buffer)).toBeUndefined();
  });

  test('an entry within the file is read; the same entry one byte longer is not', () => {
    const blobs = Buffer.from([9, 8, 7]);
    expect(decodeCodeCache(withHeader({ runtime: RUNTIME, entries: [['lib/a.js', 'a'.repeat(40), 1, 2]] }, blobs))?.entries[0].data).toStrictEqual(Buffer.from([8, 7]));
    expect(decodeCodeCache(withHeader({ runtime: RUNTIME, entries: [['lib/a.js', 'a'.repeat(40), 1, 3]] }, blobs))).toBeUndefined();
  });
});
