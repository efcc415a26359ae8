import { constants, deflateRawSync, inflateRawSync } from 'zlib';
import { SourcedObject } from './engine';
import { documentBatches } from './yaml/document-batches';
import { RecentlyUsed } from './yaml/recently-used';
import { ParsedDocuments, MAX_DOCUMENT_CHARS, parseYamlDocuments } from './yaml-documents';
import { pushAll } from '../core/push-all';

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
  for await (const batch of batches) {
    if ('problem' in batch) return { sources: [], problems: [`${file}:${batch.problem.line}:1: ${batch.problem.message}`], warnings: [] };
    const parsed = parseYamlDocuments(batch.text, file, { firstLine: batch.firstLine, keepText: keepCompressed });
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
function keepCompressed(text: string): () => string {
  const compressed = deflateRawSync(Buffer.from(text, 'utf8'), { level: constants.Z_BEST_SPEED });
  return () => recentlyExpanded.get(compressed, () => inflateRawSync(compressed).toString('utf8'));
}

const recentlyExpanded = new RecentlyUsed<Buffer, string>(4);
