import { constants, Dirent, promises as fs, Stats } from 'fs';
import { extname, join } from 'path';
import { handleChunksCapped, InputTooLargeError, streamChunksCapped } from './read-capped';
import { rereadFile } from './reread-file';
import { pushAll } from '../core/push-all';
import { SourcedObject } from '../validate/engine';
import { readYamlStream, RereadBytes } from '../validate/yaml-stream';

/** Files in a directory that lint reads (recursively); other files are skipped. */
export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** A file read whole (the --meshconfig file) larger than this is refused. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * One lint input (file or standard input) larger than this is refused. Inputs are read as a
 * stream of documents (each capped at MAX_DOCUMENT_CHARS), so this only ends endless input.
 */
export const MAX_STREAM_BYTES = 2 * 1024 * 1024 * 1024;

// Opening a FIFO this way returns at once instead of waiting for a writer; never a controlling terminal.
// eslint-disable-next-line no-bitwise
const NON_BLOCKING_READ = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/** Every object read from the inputs, and why some inputs could not be used. */
export interface LintInputs {
  readonly sources: SourcedObject[];
  /** Inputs named on the command line that are unusable (missing, too big, bad YAML); one line each, exit 2. */
  readonly problems: string[];
  /**
   * Parts of a directory that could not be read (a subdirectory that cannot be listed, a file
   * that cannot be opened); one line each. The rest is still read, and lint exits 2.
   */
  readonly unreadable: string[];
  /**
   * One line each, exit code unchanged: inputs skipped on purpose (a FIFO or device inside a
   * directory), and documents read as kubectl reads them but probably mistakes (duplicated keys).
   */
  readonly warnings: string[];
}

/** The file-system calls the reader makes; tests pass a double to simulate what root cannot (an unreadable directory). */
export interface InputFileSystem {
  stat(path: string): Promise<Stats>;
  readdir(path: string, options: { withFileTypes: true }): Promise<Dirent[]>;
  open(path: string, flags: number): Promise<fs.FileHandle>;
}

/** Options of `readLintInputs`. */
export interface ReadLintInputsOptions {
  /**
   * Bytes one input may hold.
   * @default MAX_STREAM_BYTES
   */
  readonly maxBytes?: number;
  /**
   * The file system to read.
   * @default - node's fs.promises
   */
  readonly fileSystem?: InputFileSystem;
}

/**
 * Reads files, directories (recursively) and `-` (standard input) into objects. Every input is
 * capped on the bytes actually read. Inside a directory only regular files (and links to them)
 * are read: a FIFO would block forever and a device never ends, so those are skipped with a
 * warning, and an unreadable subdirectory is reported while the rest is still read. A FIFO or
 * device named explicitly is read (process substitution `<(helm template .)` is a pipe), up to the cap.
 */
export async function readLintInputs(
  paths: readonly string[], stdin: NodeJS.ReadableStream, options: ReadLintInputsOptions = {},
): Promise<LintInputs> {
  const reader = new InputReader(options.fileSystem ?? fs, stdin, options.maxBytes ?? MAX_STREAM_BYTES);
  for (const path of paths) await reader.readPath(path);
  return { sources: reader.sources, problems: reader.problems, unreadable: reader.unreadable, warnings: reader.warnings };
}

class InputReader {
  public readonly sources: SourcedObject[] = [];
  public readonly problems: string[] = [];
  public readonly unreadable: string[] = [];
  public readonly warnings: string[] = [];

  constructor(private readonly fsys: InputFileSystem, private readonly stdin: NodeJS.ReadableStream, private readonly maxBytes: number) {}

  public async readPath(path: string): Promise<void> {
    if (path === '-') {
      try {
        await this.add(streamChunksCapped(this.stdin, this.maxBytes), '<stdin>');
      } catch (err) {
        this.problems.push(`standard input: ${reasonOf(err)}`);
      }
      return;
    }
    let stat: Stats;
    try {
      stat = await this.fsys.stat(path);
    } catch (err) {
      this.problems.push(`${path}: cannot read: ${reasonOf(err)}`);
      return;
    }
    if (stat.isDirectory()) return this.readDirectory(path, true);
    if (stat.isSocket()) {
      this.problems.push(`${path}: cannot read: it is a socket; give files, directories or - for standard input`);
      return;
    }
    // Named explicitly: regular files, FIFOs and devices are read, each up to the cap.
    await this.readFile(path, false);
  }

  private async readDirectory(dir: string, named = false): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await this.fsys.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (named) this.problems.push(`${dir}: cannot read directory: ${reasonOf(err)}`);
      else this.unreadable.push(`${dir}: cannot read directory: ${reasonOf(err)}; the rest was linted`);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        await this.readDirectory(full);
      } else if (entry.isFile()) {
        if (isManifestName(entry.name)) await this.readFile(full, true);
      } else if (entry.isSymbolicLink()) {
        await this.readLink(full, entry.name);
      } else {
        this.warnings.push(`${full}: skipped: ${specialKind(entry)}, not a regular file`);
      }
    }
  }

  /** Links in a directory are followed to files only: a linked directory could loop. */
  private async readLink(full: string, name: string): Promise<void> {
    let target: Stats;
    try {
      target = await this.fsys.stat(full);
    } catch (err) {
      if (isManifestName(name)) this.unreadable.push(`${full}: cannot read: ${reasonOf(err)}; the rest was linted`);
      return;
    }
    if (target.isDirectory()) this.warnings.push(`${full}: skipped: a symbolic link to a directory (not followed; name the directory itself to lint it)`);
    else if (!target.isFile()) this.warnings.push(`${full}: skipped: a symbolic link to ${specialKind(target)}, not a regular file`);
    else if (isManifestName(name)) await this.readFile(full, true);
  }

  /**
   * Opens, re-checks what was opened (the entry may have been swapped since the listing) and
   * reads up to the cap. In a directory the open is non-blocking, so a FIFO cannot hang it.
   */
  private async readFile(file: string, inDirectory: boolean): Promise<void> {
    let handle: fs.FileHandle | undefined;
    try {
      handle = await this.fsys.open(file, inDirectory ? NON_BLOCKING_READ : constants.O_RDONLY);
      const stat = await handle.stat();
      if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (inDirectory && !stat.isFile()) {
        this.warnings.push(`${file}: skipped: ${specialKind(stat)}, not a regular file`);
        return;
      }
      // A regular file can be read again to place findings, so none of its text is kept.
      await this.add(handleChunksCapped(handle, this.maxBytes), file, stat.isFile() ? rereadFile(file, stat) : undefined);
    } catch (err) {
      if (inDirectory && !(err instanceof InputTooLargeError)) this.unreadable.push(`${file}: cannot read: ${reasonOf(err)}; the rest was linted`);
      else this.problems.push(`${file}: cannot read: ${reasonOf(err)}`);
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  private async add(chunks: AsyncIterable<Buffer>, file: string, reread?: RereadBytes): Promise<void> {
    const parsed = await readYamlStream(chunks, file, { reread });
    pushAll(this.sources, parsed.sources);
    pushAll(this.problems, parsed.problems);
    pushAll(this.warnings, parsed.warnings);
  }
}

function isManifestName(name: string): boolean {
  return MANIFEST_EXTENSIONS.includes(extname(name).toLowerCase());
}

function specialKind(s: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  return 'not a file or directory';
}

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  if (e?.code === 'ENOTDIR') return 'a path component is not a directory';
  if (e?.code === 'ENXIO') return 'no reader or device behind this path';
  if (e?.code === 'ELOOP') return 'too many levels of symbolic links';
  return e?.message ?? String(err);
}
