import { StringDecoder } from 'string_decoder';

/** Whole documents of a stream, cut where kubectl cuts them, and the line they start on. */
export interface DocumentBatch {
  /** Consecutive documents with their separator lines, starting at a line start. */
  readonly text: string;
  /** 1-based line of the stream where `text` starts. */
  readonly firstLine: number;
}

/** A document over the cap: refused as soon as it grows past it, before it is parsed. */
export interface OversizedDocument {
  readonly problem: { readonly line: number; readonly message: string };
}

/** Options of `documentBatches`. */
export interface DocumentBatchOptions {
  /** Characters one document may hold. */
  readonly maxDocumentChars: number;
  /**
   * Characters a batch collects before it is handed on (a batch always holds whole documents,
   * so one document larger than this makes a larger batch).
   * @default 1 MiB
   */
  readonly batchChars?: number;
}

const DEFAULT_BATCH_CHARS = 1024 * 1024;

/**
 * Cuts a multi-document stream into batches of whole documents without holding the stream: a
 * batch ends just before a line starting with `---` (the line kubectl's YAML reader splits at),
 * so parsing the batches one by one reads exactly what parsing the whole text would. UTF-8 is
 * decoded across chunk boundaries. A document growing past `maxDocumentChars` ends the stream
 * with one OversizedDocument, located at the document's first line.
 */
export async function* documentBatches(
  input: AsyncIterable<Buffer | string>, options: DocumentBatchOptions,
): AsyncGenerator<DocumentBatch | OversizedDocument> {
  const batchChars = options.batchChars ?? DEFAULT_BATCH_CHARS;
  const decoder = new StringDecoder('utf8');
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  /** Text from the start of the current batch. */
  let pending = '';
  let firstLine = 1;
  /** Where the open document starts in `pending` (just after its separator line). */
  let docStart = 0;
  /** The next line start not yet looked at, and where the search for `\n---` resumes. */
  let lineScan = 0;
  let searchFrom = 0;
  const oversized = (): OversizedDocument => ({
    problem: {
      line: firstLine + newlinesIn(pending, 0, docStart),
      message: `a document larger than the ${mib(options.maxDocumentChars)} MiB lint reads (the API server refuses requests over 3 MiB); split it`,
    },
  });

  /** Handles the separator lines now complete in `pending`; yields full batches. */
  function* scan(): Generator<DocumentBatch | OversizedDocument, boolean> {
    for (;;) {
      let at: number;
      if (lineScan === 0 && pending.startsWith('---')) {
        at = 0;
      } else {
        const found = pending.indexOf('\n---', Math.max(searchFrom, lineScan - 1));
        if (found < 0) {
          searchFrom = Math.max(lineScan - 1, pending.length - 3, 0);
          break;
        }
        at = found + 1;
      }
      const lineEnd = pending.indexOf('\n', at);
      if (lineEnd < 0) {
        // The separator line is still arriving: look at it again with more text.
        searchFrom = Math.max(at - 1, 0);
        lineScan = at;
        break;
      }
      if (at - docStart > options.maxDocumentChars) {
        yield oversized();
        return false;
      }
      let next = lineEnd + 1;
      if (at >= batchChars) {
        yield { text: pending.slice(0, at), firstLine };
        firstLine += newlinesIn(pending, 0, at);
        pending = pending.slice(at);
        next -= at;
      }
      docStart = lineScan = searchFrom = next;
    }
    if (pending.length - docStart > options.maxDocumentChars) {
      yield oversized();
      return false;
    }
    return true;
  }

  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (!(yield* scan())) return;
  }
  pending += decoder.end();
  if (!(yield* scan())) return;
  if (pending.length > 0) yield { text: pending, firstLine };
}

function newlinesIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
