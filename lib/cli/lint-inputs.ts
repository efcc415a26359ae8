import { promises as fs } from 'fs';
import { extname, join } from 'path';
import { pushAll } from '../core/push-all';
import { SourcedObject } from '../validate/engine';
import { parseYamlDocuments } from '../validate/yaml-documents';

/** Files in a directory that lint reads (recursively); other files are skipped. */
export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Inputs larger than this are refused: manifests are never this big, and memory stays bounded. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Every object read from the inputs, and why some inputs could not be used. */
export interface LintInputs {
  readonly sources: SourcedObject[];
  /** One line each; any problem makes lint exit 2. */
  readonly problems: string[];
  /** One line each: read as kubectl reads them, but probably mistakes (duplicated keys). */
  readonly warnings: string[];
}

/** Reads files, directories (recursively) and `-` (standard input) into objects. */
export async function readLintInputs(paths: readonly string[], stdin: NodeJS.ReadableStream): Promise<LintInputs> {
  const sources: SourcedObject[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  const add = (text: string, file: string) => {
    const parsed = parseYamlDocuments(text, file);
    pushAll(sources, parsed.sources);
    pushAll(problems, parsed.problems);
    pushAll(warnings, parsed.warnings);
  };
  for (const path of paths) {
    if (path === '-') {
      const text = await readStream(stdin).catch((err) => { problems.push(`standard input: ${reasonOf(err)}`); return undefined; });
      if (text !== undefined) add(text, '<stdin>');
      continue;
    }
    let files: string[];
    try {
      files = await expand(path);
    } catch (err) {
      problems.push(`${path}: cannot read: ${reasonOf(err)}`);
      continue;
    }
    for (const file of files) {
      try {
        const stat = await fs.stat(file);
        if (stat.size > MAX_INPUT_BYTES) throw new Error(`larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
        add(await fs.readFile(file, 'utf8'), file);
      } catch (err) {
        problems.push(`${file}: cannot read: ${reasonOf(err)}`);
      }
    }
  }
  return { sources, problems, warnings };
}

async function expand(path: string): Promise<string[]> {
  const stat = await fs.stat(path);
  if (!stat.isDirectory()) return [path];
  const entries = (await fs.readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) pushAll(files, await expand(full));
    else if (MANIFEST_EXTENSIONS.includes(extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer;
    size += buf.length;
    if (size > MAX_INPUT_BYTES) throw new Error(`larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  return e?.message ?? String(err);
}
