import { createReadStream } from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { AccessLogAnalyzer } from '../lib/troubleshoot/access-log-analyzer';
import { parseAccessLogLine, stripKubectlPrefixes } from '../lib/troubleshoot/access-log-parse';
import { normalizeGrpcStatus } from '../lib/troubleshoot/access-log-record';
import { renderAccessLogReport } from '../lib/troubleshoot/access-log-report';
import { analyzeAccessLogStream } from '../lib/troubleshoot/access-log-stream';
import { TopN } from '../lib/troubleshoot/bounded';
import { RESPONSE_FLAGS } from '../lib/troubleshoot/response-flags';

const FIXTURES = path.join(__dirname, 'fixtures', 'access-logs');
const TEXT_LOG = path.join(FIXTURES, 'istio-text.txt');
const JSON_LOG = path.join(FIXTURES, 'istio-json.jsonl');

const ISTIO_LINE = '[2024-05-14T09:12:03.296Z] "POST /users.v1.UserService/GetUser HTTP/2" 503 UF,URX '
  + 'upstream_reset_before_response_started{connection_failure} - "delayed_connect_error:_Connection_refused" 12 91 75 - "-" '
  + '"grpc-go/1.63.2" "c1d2e3f4-0000-4000-a000-000000000001" "users.shop.svc.cluster.local:50051" "10.42.1.18:50051" '
  + 'outbound|50051|v1|users.shop.svc.cluster.local 10.42.0.9:41808 10.96.12.40:50051 10.42.0.9:50308 - users-default';

describe('parseAccessLogLine', () => {
  test('reads every field of Istio\'s default text format', () => {
    // WHEN
    const parsed = parseAccessLogLine(ISTIO_LINE);
    // THEN
    expect(parsed).toStrictEqual({
      kind: 'record',
      record: {
        format: 'text',
        startTime: '2024-05-14T09:12:03.296Z',
        method: 'POST',
        path: '/users.v1.UserService/GetUser',
        protocol: 'HTTP/2',
        responseCode: 503,
        responseFlags: ['UF', 'URX'],
        responseCodeDetails: 'upstream_reset_before_response_started{connection_failure}',
        transportFailureReason: 'delayed_connect_error:_Connection_refused',
        durationMs: 75,
        authority: 'users.shop.svc.cluster.local:50051',
        upstreamHost: '10.42.1.18:50051',
        upstreamCluster: 'outbound|50051|v1|users.shop.svc.cluster.local',
        routeName: 'users-default',
      },
    });
  });

  test.each([
    ['kubectl logs --timestamps', '2024-05-14T09:12:03.003703701Z '],
    ['kubectl logs --prefix', '[pod/frontend-7c9d8b7f6d-x2kqz/istio-proxy] '],
    ['both', '[pod/frontend-7c9d8b7f6d-x2kqz/istio-proxy] 2024-05-14T09:12:03.003703701Z '],
  ])('strips what %s adds', (_name, prefix) => {
    expect(stripKubectlPrefixes(prefix + ISTIO_LINE)).toBe(ISTIO_LINE);
    expect(parseAccessLogLine(prefix + ISTIO_LINE)).toStrictEqual(parseAccessLogLine(ISTIO_LINE));
  });

  test('reads Envoy\'s own default format (no cluster or route)', () => {
    const line = '[2016-04-15T20:17:00.310Z] "POST /api/v1/locations HTTP/2" 204 - 154 0 226 100 "10.0.35.28" "nsq2http" "cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2" "locations" "tcp://10.0.2.1:80"';
    const parsed = parseAccessLogLine(line);
    expect(parsed.kind).toBe('record');
    expect(parsed.kind === 'record' && parsed.record).toMatchObject({ responseCode: 204, responseFlags: [], durationMs: 226, upstreamHost: 'tcp://10.0.2.1:80' });
  });

  test('reads the JSON encoding with string or typed values', () => {
    const typed = parseAccessLogLine('{"response_code":503,"response_flags":"UO","duration":0,"upstream_cluster":"outbound|50051||users.shop.svc.cluster.local","route_name":"default","grpc_status":14}');
    expect(typed).toMatchObject({ kind: 'record', record: { format: 'json', responseCode: 503, responseFlags: ['UO'], durationMs: 0, grpcStatus: 'UNAVAILABLE (14)', routeName: 'default' } });
    const strings = parseAccessLogLine('{"response_code":"0","response_flags":"-","duration":"12","upstream_cluster":"-"}');
    expect(strings).toMatchObject({ kind: 'record', record: { responseCode: 0, responseFlags: [], durationMs: 12 } });
    expect(strings.kind === 'record' && strings.record.upstreamCluster).toBeUndefined();
  });

  test.each([
    ['a blank line', ''],
    ['an istio-agent line', '2024-05-14T09:12:01.004512Z\tinfo\tads\tADS: new connection'],
    ['an Envoy warning', '2024-05-14T09:12:04.210331Z\twarning\tenvoy config\tgRPC config stream closed: 13'],
    ['Envoy\'s bracketed log format', '[2024-05-14 09:12:04.210][17][warning][config] stream closed'],
    ['an istio-agent JSON line', '{"level":"info","msg":"Readiness succeeded"}'],
  ])('skips %s', (_name, line) => {
    expect(parseAccessLogLine(line)).toStrictEqual({ kind: 'skipped' });
  });

  test.each([
    ['a truncated text line', '[2024-05-14T09:12:05.501Z] "POST /users.v1.UserService/GetUser HTTP/2" 200 - via_upstream - "-" 12'],
    ['free text', 'connection reset by peer; retrying in 2s'],
    ['truncated JSON', '{"start_time":"2024-05-14T09:12:04.100Z","method":"POST","path":"/users.v1.Use'],
    ['JSON without access-log fields', '{"note":"x"}'],
    ['a JSON array', '[1,2,3]'],
  ])('reports %s as malformed', (_name, line) => {
    expect(parseAccessLogLine(line)).toStrictEqual({ kind: 'malformed' });
  });

  test('never throws, whatever the line', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (line) => {
      expect(['record', 'skipped', 'malformed']).toContain(parseAccessLogLine(line).kind);
    }));
  });
});

describe('normalizeGrpcStatus', () => {
  test.each([
    [14, 'UNAVAILABLE (14)'],
    ['4', 'DEADLINE_EXCEEDED (4)'],
    ['RESOURCE_EXHAUSTED', 'RESOURCE_EXHAUSTED (8)'],
    ['DeadlineExceeded', 'DEADLINE_EXCEEDED (4)'],
    ['Canceled', 'CANCELLED (1)'],
    ['-', undefined],
    ['weird', 'weird'],
    [99, '99'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeGrpcStatus(input)).toBe(expected);
  });
});

describe('fixtures written for the catalog', () => {
  test.each([['istio-text.txt', TEXT_LOG], ['istio-json.jsonl', JSON_LOG]])('%s holds every flag of the catalog', async (_name, file) => {
    const summary = await analyzeAccessLogStream(createReadStream(file));
    const seen = summary.responseFlags.map((f) => f.flag).sort();
    expect(seen).toStrictEqual(RESPONSE_FLAGS.map((f) => f.code).sort());
    expect(summary.advice.map((a) => a.code).sort()).toStrictEqual(seen);
  });

  test('the text log summary', async () => {
    // WHEN
    const summary = await analyzeAccessLogStream(createReadStream(TEXT_LOG), { top: 3 });
    // THEN
    expect(summary).toMatchObject({
      lines: 39, requests: 34, skipped: 3, formats: { text: 34, json: 0 }, malformed: { count: 2, firstLines: [25, 31] },
    });
    expect(summary.grpcStatus.present).toBe(false);
    expect(summary.grpcStatus.note).toMatch(/not in this format/);
    expect(summary.slowest.map((s) => s.durationMs)).toStrictEqual([3600000, 300000, 60000]);
    expect(summary.topUpstreamClusters[0]).toStrictEqual({ name: 'outbound|50051|v1|users.shop.svc.cluster.local', requests: 24, failures: 19, failurePercent: 79.17 });
    expect(renderAccessLogReport(summary, 'istio-text.txt')).toMatchSnapshot();
  });

  test('the JSON log summary counts gRPC statuses', async () => {
    const summary = await analyzeAccessLogStream(createReadStream(JSON_LOG), { top: 3 });
    expect(summary).toMatchObject({ requests: 34, skipped: 1, formats: { text: 0, json: 34 }, malformed: { count: 2, firstLines: [15, 19] } });
    expect(summary.grpcStatus.present).toBe(true);
    expect(summary.grpcStatus.counts[0]).toStrictEqual({ status: 'UNAVAILABLE (14)', count: 19, percent: 55.88 });
    expect({ ...summary, advice: summary.advice.map((a) => a.code) }).toMatchSnapshot();
  });
});

describe('AccessLogAnalyzer', () => {
  test('unknown flags are counted and reported as unknown', () => {
    const analyzer = new AccessLogAnalyzer();
    analyzer.addLine('{"response_code":503,"response_flags":"ZZ"}');
    const s = analyzer.summary();
    expect(s.responseFlags).toStrictEqual([{ flag: 'ZZ', known: false, count: 1, percent: 100 }]);
    expect(s.failures).toBe(1);
    expect(renderAccessLogReport(s)).toMatch(/ZZ: not a flag this tool knows/);
  });

  test('informational flags alone are not failures', () => {
    const analyzer = new AccessLogAnalyzer();
    analyzer.addLine('{"response_code":200,"response_flags":"DI"}');
    analyzer.addLine('{"response_code":200,"response_flags":"RFCF","grpc_status":"OK"}');
    expect(analyzer.summary().failures).toBe(0);
  });

  test('a non-OK gRPC status under HTTP 200 is a failure', () => {
    const analyzer = new AccessLogAnalyzer();
    analyzer.addLine('{"response_code":200,"response_flags":"-","grpc_status":"NOT_FOUND"}');
    expect(analyzer.summary().failures).toBe(1);
  });

  test('distinct keys beyond the cap are counted under (other)', () => {
    const analyzer = new AccessLogAnalyzer({ maxKeys: 2 });
    for (let i = 0; i < 5; i++) analyzer.addLine(`{"response_code":503,"response_flags":"UH","upstream_cluster":"c${i}"}`);
    const names = analyzer.summary().topUpstreamClusters.map((c) => [c.name, c.failures]);
    expect(names).toStrictEqual([['(other)', 3], ['c0', 1], ['c1', 1]]);
  });

  test('remembers only the first malformed line numbers', () => {
    const analyzer = new AccessLogAnalyzer({ malformedSamples: 2 });
    for (let i = 0; i < 4; i++) analyzer.addLine('garbage');
    expect(analyzer.summary().malformed).toStrictEqual({ count: 4, firstLines: [1, 2], tooLong: 0 });
  });
});

describe('TopN', () => {
  test('keeps the largest items, as sorting everything would', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { maxLength: 200 }), fc.integer({ min: 0, max: 12 }), (values, n) => {
      const top = new TopN<number>(n, (x) => x);
      values.forEach((v) => top.offer(v));
      expect(top.sorted()).toStrictEqual([...values].sort((a, b) => b - a).slice(0, n));
    }));
  });
});
