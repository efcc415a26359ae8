import { AccessLogAnalyzer, AccessLogAnalyzerOptions } from './access-log-analyzer';
import { AccessLogSummary } from './access-log-summary';
import { BoundedLineSplitter, MAX_LINE_BYTES } from './bounded-lines';

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
  /**
   * Bytes a line may hold; longer lines are counted as malformed and never held whole.
   * @default MAX_LINE_BYTES (1 MiB)
   */
  readonly maxLineBytes?: number;
}

/**
 * Reads an access log line by line from a stream (a file, stdin, `kubectl logs` piped in) and
 * summarizes it. Only the current line (up to `maxLineBytes`) and the bounded tallies are held
 * in memory; longer lines are counted as malformed.
 */
export async function analyzeAccessLogStream(input: NodeJS.ReadableStream, options: AnalyzeStreamOptions = {}): Promise<AccessLogSummary> {
  const analyzer = new AccessLogAnalyzer(options);
  const splitter = new BoundedLineSplitter({
    line: (text) => analyzer.addLine(text),
    overlong: () => analyzer.addOverlongLine(),
  }, options.maxLineBytes ?? MAX_LINE_BYTES);
  const onProgress = options.onProgress;
  const interval = options.progressIntervalMs ?? 250;
  let bytes = 0;
  let last = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer;
    splitter.push(buf);
    if (onProgress) {
      bytes += buf.length;
      const now = Date.now();
      if (now - last >= interval) {
        last = now;
        onProgress(bytes);
      }
    }
  }
  splitter.end();
  return analyzer.summary();
}
