/** Access-log lines longer than this many bytes are counted as malformed without being held. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** What the splitter hands on for each line. */
export interface LineSink {
  /** A complete line (without its `\n` or `\r\n`), decoded as UTF-8. */
  line(text: string): void;
  /** A line longer than the cap; its bytes were dropped as they arrived. */
  overlong(bytes: number): void;
}

/**
 * Splits a byte stream into lines holding at most `maxLineBytes` of the current line: a 1 GB
 * input without a newline costs the cap, not 1 GB (readline would build one string and end in
 * a RangeError). Works on bytes, so a UTF-8 character split across chunks is decoded whole.
 */
export class BoundedLineSplitter {
  private parts: Buffer[] = [];
  private held = 0;
  /** Bytes of the current line when it is over the cap (and being dropped), else -1. */
  private dropped = -1;

  constructor(private readonly sink: LineSink, private readonly maxLineBytes: number = MAX_LINE_BYTES) {}

  /** Feeds the next chunk. */
  public push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) {
        this.hold(chunk.subarray(start));
        return;
      }
      this.hold(chunk.subarray(start, nl));
      this.finishLine();
      start = nl + 1;
    }
  }

  /** Ends the input: a last line without a newline still counts. */
  public end(): void {
    if (this.held > 0 || this.dropped >= 0) this.finishLine();
  }

  private hold(part: Buffer): void {
    if (part.length === 0) return;
    if (this.dropped >= 0) {
      this.dropped += part.length;
    } else if (this.held + part.length > this.maxLineBytes) {
      this.dropped = this.held + part.length;
      this.parts = [];
      this.held = 0;
    } else {
      // Copied: the chunk's buffer may be reused by the stream.
      this.parts.push(Buffer.from(part));
      this.held += part.length;
    }
  }

  private finishLine(): void {
    if (this.dropped >= 0) {
      this.sink.overlong(this.dropped);
    } else {
      let text = (this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.held)).toString('utf8');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      this.sink.line(text);
    }
    this.parts = [];
    this.held = 0;
    this.dropped = -1;
  }
}
