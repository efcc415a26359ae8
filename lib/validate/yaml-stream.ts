import { constants, deflateRawSync, inflateRawSync } from 'zlib';
import { SourcedObject } from './engine';
import { documentBatches } from './yaml/document-batches';
import { RecentlyUsed } from './yaml/recently-used';
import { ParsedDocuments, MAX_DOCUMENT_CHARS, parseYamlDocuments } from './yaml-documents';
import { pushAll } from '../core/push-all';

/**
 * Reads bytes `start` to `end` of a stream again (a regular file can), or returns `undefined`
 * when it cannot (the file changed).
 */
export type RereadBytes = (start: number, end: number) => string | undefined;

/** Options of `readYamlStream`. */
export interface ReadYamlStreamOptions {
  /**
   * Characters one document may hold.
   * @default MAX_DOCUMENT_CHARS
   */
  readonly maxDocumentChars?: number;
  /**
   * Characters of whole documents parsed together.
   * @default 1 MiB
   */
  readonly batchChars?: number;
  /**
   * Reads the stream's bytes again. Given, the text is not kept at all: findings are located by
   * reading their batch again. Without it each batch is kept compressed.
   * @default - none: batches are kept compressed
   */
  readonly reread?: RereadBytes;
}

/**
 * Reads multi-document YAML from a stream (a file or standard input, chunk by chunk) exactly as
 * `parseYamlDocuments` reads the whole text, holding only a batch of whole documents at a time:
 * an input may be far larger than memory allows as one string, while each document stays under
 * MAX_DOCUMENT_CHARS. Line numbers count from the start of the stream. The first problem ends
 * the reading (the input is unusable then, as with one text).
 */
export async function readYamlStream(
  input: AsyncIterable<Buffer | string>, file: string, options: ReadYamlStreamOptions = {},
): Promise<ParsedDocuments> {
  const sources: SourcedObject[] = [];
  const warnings: string[] = [];
  const batches = documentBatches(input, { maxDocumentChars: options.maxDocumentChars ?? MAX_DOCUMENT_CHARS, batchChars: options.batchChars });
  const reread = options.reread;
  let byteOffset = 0;
  for await (const batch of batches) {
    if ('problem' in batch) return { sources: [], problems: [`${file}:${batch.problem.line}:1: ${batch.problem.message}`], warnings: [] };
    let keepText = keepCompressed;
    if (reread) {
      const bytes = Buffer.byteLength(batch.text, 'utf8');
      // Bytes that were not UTF-8 were decoded as U+FFFD: its offsets in the file are not the text's.
      if (!batch.text.includes('\uFFFD')) keepText = keepByRereading(reread, byteOffset, byteOffset + bytes);
      byteOffset += bytes;
    }
    const parsed = parseYamlDocuments(batch.text, file, { firstLine: batch.firstLine, keepText });
    if (parsed.problems.length) return { sources: [], problems: parsed.problems, warnings: [] };
    pushAll(sources, parsed.sources);
    pushAll(warnings, parsed.warnings);
  }
  return { sources, problems: [], warnings };
}

/**
 * Keeps a batch's text compressed for locating findings after the whole stream is read (YAML
 * compresses about tenfold); the last few texts asked for are kept expanded, as findings come in runs.
 */
function keepCompressed(text: string): () => string | undefined {
  const compressed = deflateRawSync(Buffer.from(text, 'utf8'), { level: constants.Z_BEST_SPEED });
  return () => recentlyExpanded.get(compressed, () => inflateRawSync(compressed).toString('utf8'));
}

/** Keeps nothing of a batch but where it is: it is read again (the same text, or `undefined`) when a finding asks. */
function keepByRereading(reread: RereadBytes, start: number, end: number) {
  return (text: string): (() => string | undefined) => {
    const chars = text.length;
    const key = {};
    return () => recentlyExpanded.get(key, () => {
      const again = reread(start, end);
      return again?.length === chars ? again : undefined;
    });
  };
}

/** The batches located last, expanded (or read again); findings come in runs over the same batches. */
const recentlyExpanded = new RecentlyUsed<object, string | undefined>(4);
