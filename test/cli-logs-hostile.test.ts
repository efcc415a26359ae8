import { Readable } from 'stream';
import fc from 'fast-check';
import { runCliInMemory } from './util/run-cli';
import { hasControlChars } from '../lib/core/printable';
import { analyzeAccessLogStream } from '../lib/troubleshoot/access-log-stream';
import { BoundedLineSplitter } from '../lib/troubleshoot/bounded-lines';

const GOOD_LINE = '[2024-05-14T09:12:03.000Z] "POST /users.v1.UserService/Get HTTP/2" 503 UF,UF,UF,URX upstream_reset_before_response_started{connection_failure} - "-" 12 0 5 - "-" "grpc-go/1.63.2" "req-1" "users.shop.svc.cluster.local:50051" "10.42.1.7:50051" outbound|50051|v1|users.shop.svc.cluster.local - 10.96.12.40:50051 10.42.0.9:50300 - route-a';

const run = (argv: string[], stdin: Readable) => runCliInMemory(argv, undefined, false, { stdin });

/** `count` chunks of `chunk` (the same buffer each time, so the generator itself costs nothing). */
function repeated(chunk: Buffer, count: number, tail = ''): Readable {
  return Readable.from((function* gen() {
    for (let i = 0; i < count; i++) yield chunk;
    if (tail) yield Buffer.from(tail);
  })());
}

describe('logs on hostile input', () => {
  test('a 1 GiB line without a newline is one malformed line, in constant memory, and the next line still counts', async () => {
    // GIVEN 1 GiB of 'x' with no newline, then a normal line
    global.gc?.();
    const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const input = repeated(Buffer.alloc(1024 * 1024, 'x'), 1024, `\n${GOOD_LINE}\n`);
    let peak = 0;
    const sample = () => { peak = Math.max(peak, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - before); };
    input.on('data', sample);
    // WHEN
    const r = await run(['logs', '-', '--format', 'json'], input);
    // THEN no RangeError: exit 0, the long line counted as malformed (too long), the record read
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ lines: 2, requests: 1, malformed: { count: 1, firstLines: [1], tooLong: 1 } });
    expect(peak).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);

  test('repeated flags count once per request', async () => {
    const r = await run(['logs', '-', '--format', 'json'], Readable.from([`${GOOD_LINE}\n${GOOD_LINE}\n`]));
    const summary = JSON.parse(r.stdout);
    expect(summary.requests).toBe(2);
    expect(summary.responseFlags.map((f: any) => [f.flag, f.count])).toStrictEqual([['UF', 2], ['URX', 2]]);
    expect(summary.responseFlags[0].percent).toBe(100);
  });

  test('object-valued JSON fields print as JSON, not [object Object]', async () => {
    const line = JSON.stringify({ response_code: 503, response_flags: 'UF', upstream_cluster: { name: 'c', port: 1 }, route_name: ['r'], grpc_status: { code: 14 }, duration: 3, method: 'POST', path: '/a.B/C' });
    const r = await run(['logs', '-'], Readable.from([line + '\n']));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('[object Object]');
    expect(r.stdout).toContain('{"name":"c","port":1}');
    expect(r.stdout).toContain('["r"]');
    expect(r.stdout).toContain('{"code":14}');
  });

  test('control characters from log fields are escaped in the text report, kept in JSON', async () => {
    const evil = 'outbound|50051|v1|\x1b]0;pwned\x07\x1b[2J\r\nFAKE LINE\u202e';
    const line = JSON.stringify({ response_code: 503, response_flags: 'UF\x1b[31m', upstream_cluster: evil, route_name: evil, duration: 9, method: 'POST', path: '/a\x1b[2J' });
    const text = await run(['logs', '-'], Readable.from([line + '\n']));
    expect(hasControlChars(text.stdout.replace(/\n/g, ''))).toBe(false);
    expect(text.stdout).toContain('\\x1b]0;pwned\\x07\\x1b[2J\\r\\nFAKE LINE\\u202e');
    expect(text.stdout).not.toMatch(/^FAKE LINE/m);
    const json = await run(['logs', '-', '--format', 'json'], Readable.from([line + '\n']));
    expect(JSON.parse(json.stdout).topUpstreamClusters[0].name).toBe(evil);
  });

  test('a file name with control characters is escaped on stderr', async () => {
    const r = await run(['logs', '/nonexistent/\x1b[2Jlog\r\nfake'], Readable.from([]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\\x1b[2Jlog\\r\\nfake');
    expect(hasControlChars(r.stderr.replace(/\n$/, ''))).toBe(false);
  });
});

describe('BoundedLineSplitter', () => {
  /** What the splitter should produce: split at \n, one \r before it dropped, a last line without \n kept. */
  function expectedLines(text: string, max: number) {
    const parts = text.split('\n');
    if (parts[parts.length - 1] === '') parts.pop();
    return parts.map((p) => (Buffer.byteLength(p) > max ? { overlong: true } : { line: p.endsWith('\r') ? p.slice(0, -1) : p }));
  }

  test('agrees with String.split for any text, chunking and cap', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.constantFrom('\n', '\r\n', '\r', 'é', '😀', 'ab'), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((a) => a.join('')),
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 30 }),
      (text, cuts, max) => {
        const got: Array<{ line: string } | { overlong: true }> = [];
        const splitter = new BoundedLineSplitter({ line: (line) => got.push({ line }), overlong: () => got.push({ overlong: true }) }, max);
        const bytes = Buffer.from(text);
        let at = 0;
        for (let i = 0; at < bytes.length; i++) {
          const size = cuts[i % cuts.length];
          splitter.push(bytes.subarray(at, at + size));
          at += size;
        }
        splitter.end();
        expect(got).toStrictEqual(expectedLines(text, max));
      },
    ), { numRuns: 500 });
  });

  test('a line over the cap is never held', async () => {
    const summary = await analyzeAccessLogStream(repeated(Buffer.alloc(4096, 'y'), 10, '\nnext\n'), { maxLineBytes: 1000 });
    expect(summary).toMatchObject({ lines: 2, malformed: { count: 2, tooLong: 1 } });
  });
});

describe('logs on special files', () => {
  test.each(['/dev/zero', '/dev/urandom'])('%s is refused as a device, at once', async (device) => {
    const r = await run(['logs', device], Readable.from([]));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`istio-grpc logs: cannot read ${device}: it is a device, not a log file; pipe it in with - if you mean it\n`);
  });
});
