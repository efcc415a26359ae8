import { Readable } from 'stream';
import { analyzeAccessLogStream } from '../lib/troubleshoot/access-log-stream';

const FLAGS = ['-', '-', '-', '-', '-', '-', 'UH', 'UO', 'UT', 'UR', 'UF,URX', 'DC'];

/** A generator of ~`totalBytes` of Istio text log lines, each with a distinct path, request id and duration. */
function generatedLog(totalBytes: number): { stream: Readable; lines: () => number } {
  let bytes = 0;
  let i = 0;
  function* chunks() {
    while (bytes < totalBytes) {
      const batch: string[] = [];
      for (let k = 0; k < 500; k++, i++) {
        const flag = FLAGS[i % FLAGS.length];
        const code = flag === '-' ? 200 : flag === 'UT' ? 504 : flag === 'DC' ? 0 : 503;
        const subset = i % 3 === 0 ? 'v2' : 'v1';
        batch.push(`[2024-05-14T09:12:03.${String(i % 1000).padStart(3, '0')}Z] "POST /users.v1.UserService/Get${i % 50000} HTTP/2" ${code} ${flag} via_upstream - "-" 12 48 ${(i * 7919) % 100000} - "-" "grpc-go/1.63.2" "req-${i}" "users.shop.svc.cluster.local:50051" "10.42.1.${i % 250}:50051" outbound|50051|${subset}|users.shop.svc.cluster.local 10.42.0.9:41800 10.96.12.40:50051 10.42.0.9:50300 - route-${i % 20}`);
      }
      const chunk = batch.join('\n') + '\n';
      bytes += chunk.length;
      yield chunk;
    }
  }
  return { stream: Readable.from(chunks()), lines: () => i };
}

test('a ~50 MB log streams through in bounded memory', async () => {
  // GIVEN a generated log of about 50 MB
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const log = generatedLog(50 * 1024 * 1024);
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed - before); }, 20);
  // WHEN
  const summary = await analyzeAccessLogStream(log.stream, { top: 10 });
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed - before);
  // THEN every line is counted, the tallies stay small, and the heap never held the file
  expect(summary.requests).toBe(log.lines());
  expect(summary.malformed.count).toBe(0);
  expect(summary.slowest).toHaveLength(10);
  expect(summary.topRoutes).toHaveLength(10);
  expect(peak).toBeLessThan(40 * 1024 * 1024);
}, 30000);
