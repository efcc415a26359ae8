/** One document of a multi-document file, as kubectl cuts it. */
export interface DocumentChunk {
  /** The document's text, separator line excluded. */
  readonly text: string;
  /** Offset of `text` in the whole file. */
  readonly offset: number;
}

/** Why a file cannot be cut into documents: a `---` line followed by content. */
export interface SeparatorProblem {
  /** Offset of the offending line in the whole file. */
  readonly offset: number;
  readonly message: string;
}

/**
 * Cuts a file into documents the way kubectl's YAML reader does (k8s.io/apimachinery
 * `YAMLReader`), before any YAML parsing: every line that starts with `---` ends a document; only
 * spaces or a comment may follow the dashes on that line (`--- {a: 1}` is refused, not parsed);
 * documents holding nothing are dropped later by the decoder.
 */
export function splitDocuments(text: string): { chunks: DocumentChunk[]; problem?: SeparatorProblem } {
  const chunks: DocumentChunk[] = [];
  let start = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    if (text.startsWith('---', lineStart)) {
      const rest = text.slice(lineStart + 3, lineEnd).trim();
      if (rest.length > 0 && !rest.startsWith('#')) {
        return { chunks, problem: { offset: lineStart, message: `invalid document separator "---" followed by ${JSON.stringify(rest.slice(0, 40))}: kubectl refuses content on a --- line; move it to the next line` } };
      }
      if (lineStart > start) chunks.push({ text: text.slice(start, lineStart), offset: start });
      start = lineEnd;
    }
    if (newline < 0) break;
    lineStart = lineEnd;
  }
  if (start < text.length) chunks.push({ text: text.slice(start), offset: start });
  return { chunks };
}
