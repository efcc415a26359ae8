import { Document, isScalar, LineCounter, parseAllDocuments, visit } from 'yaml';
import { SourcedObject } from './engine';

/** The objects of a multi-document YAML text, or why it cannot be read. */
export interface ParsedDocuments {
  readonly sources: SourcedObject[];
  /** `file:line:column: message` for each syntax problem; non-empty means the input is unusable. */
  readonly problems: string[];
}

/** Aliases beyond this many in one document are treated as an alias bomb ("billion laughs"). */
export const MAX_ALIASES_PER_DOCUMENT = 1000;

/**
 * Parses multi-document YAML the way kubectl reads it: empty documents skipped, `kind: List`
 * expanded into its items, duplicate keys and alias bombs reported as problems (never thrown).
 */
export function parseYamlDocuments(text: string, file: string): ParsedDocuments {
  const lineCounter = new LineCounter();
  const sources: SourcedObject[] = [];
  const problems: string[] = [];
  let documents;
  try {
    // The library's own unique-key check compares every key pair (minutes on a 200,000-key map), so
    // duplicates are found below with a set per map instead.
    documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  } catch (err) {
    return { sources, problems: [`${file}: YAML could not be parsed (${messageOf(err)})`] };
  }
  const docs = Array.isArray(documents) ? documents : [documents];
  for (const doc of docs) {
    const at = (offset: number) => {
      const pos = lineCounter.linePos(offset);
      return `${file}:${pos.line}:${pos.col}`;
    };
    if (doc.errors.length) {
      for (const e of doc.errors) problems.push(`${at(e.pos[0])}: ${firstLine(e.message)}`);
      continue;
    }
    if (doc.contents === null) continue;
    const duplicate = firstDuplicateKey(doc);
    if (duplicate) {
      problems.push(`${at(duplicate.offset)}: duplicate key "${duplicate.key}"; YAML map keys must be unique`);
      continue;
    }
    const line = lineCounter.linePos(doc.contents.range?.[0] ?? 0).line;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES_PER_DOCUMENT });
    } catch (err) {
      problems.push(`${file}:${line}: ${messageOf(err)}`);
      continue;
    }
    if (value === null || value === undefined) continue;
    if (isList(value)) {
      // Each item gets its own line, so findings point at the item rather than the List.
      const itemNodes = (doc.get('items', true) as { items?: { range?: number[] }[] } | undefined)?.items ?? [];
      value.items.forEach((item, i) => {
        const offset = itemNodes[i]?.range?.[0];
        sources.push({ object: item, file, line: offset === undefined ? line : lineCounter.linePos(offset).line });
      });
    } else {
      sources.push({ object: value, file, line });
    }
  }
  return { sources, problems };
}

/** The first key that appears twice in one map, in linear time. */
function firstDuplicateKey(doc: Document): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined;
  try {
    visit(doc, {
      Map(_, map) {
        const keys = new Set<string>();
        for (const pair of map.items) {
          if (!isScalar(pair.key)) continue;
          const key = String(pair.key.value);
          if (keys.has(key)) {
            found = { key, offset: pair.key.range?.[0] ?? 0 };
            return visit.BREAK;
          }
          keys.add(key);
        }
        return undefined;
      },
    });
  } catch {
    // Nesting too deep to walk: toJS below reports it.
  }
  return found;
}

function isList(value: unknown): value is { items: unknown[] } {
  const o = value as Record<string, unknown>;
  return typeof o === 'object' && !Array.isArray(o) && typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items);
}

function messageOf(err: unknown): string {
  if (err instanceof RangeError) return 'nesting too deep to read';
  return firstLine((err as Error)?.message ?? String(err));
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
