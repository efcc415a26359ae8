import { createInterface } from 'readline';
import { AccessLogAnalyzer, AccessLogAnalyzerOptions } from './access-log-analyzer';
import { AccessLogSummary } from './access-log-summary';

/** Options of `analyzeAccessLogStream`. */
export interface AnalyzeStreamOptions extends AccessLogAnalyzerOptions {
  /**
   * Called with the bytes read so far, at most every `progressIntervalMs`.
   * @default - no progress reports
   */
  readonly onProgress?: (bytesRead: number) => void;
  /**
   * Minimum time between progress reports.
   * @default 250
   */
  readonly progressIntervalMs?: number;
}

/**
 * Reads an access log line by line from a stream (a file, stdin, `kubectl logs` piped in) and
 * summarizes it. Only the current line and the bounded tallies are held in memory.
 */
export async function analyzeAccessLogStream(input: NodeJS.ReadableStream, options: AnalyzeStreamOptions = {}): Promise<AccessLogSummary> {
  const analyzer = new AccessLogAnalyzer(options);
  const onProgress = options.onProgress;
  if (onProgress) {
    const interval = options.progressIntervalMs ?? 250;
    let bytes = 0;
    let last = 0;
    input.on('data', (chunk: Buffer | string) => {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      const now = Date.now();
      if (now - last >= interval) {
        last = now;
        onProgress(bytes);
      }
    });
  }
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => analyzer.addLine(line));
    lines.on('close', resolve);
    input.on('error', reject);
  });
  return analyzer.summary();
}
