/**
 * The shipped code cache file: V8 code caches of the package's own modules, made by the build
 * after a representative synthesis, so a first synthesis does not compile them again.
 *
 * Layout: an 8-byte magic, a 32-bit little-endian header length, the UTF-8 JSON header
 * (`{ runtime, entries: [[path, digest, offset, length], ...] }`), then the caches back to back.
 */
import { isRecord } from '../core/shape-checks';

const MAGIC = Buffer.from('IGRPCC1\n', 'latin1');
/** Far above a real header (a few hundred modules); a longer one is not ours. */
const MAX_HEADER_BYTES = 8 * 1024 * 1024;
const MAX_PATH_LENGTH = 1024;
const DIGEST = /^[0-9a-f]{40}$/;

/** The runtime a cache was made on: V8 accepts a code cache only from the same V8 and flags. */
export interface CodeCacheRuntime {
  readonly v8: string;
  readonly arch: string;
}

/** The code cache of one module, by its path relative to the package's compiled root (`lib/index.js`). */
export interface CodeCacheEntry {
  readonly path: string;
  /** sha1 of the module source the cache was made from: a cache is used only for that source. */
  readonly digest: string;
  readonly data: Buffer;
}

export interface CodeCacheFile {
  readonly runtime: CodeCacheRuntime;
  readonly entries: readonly CodeCacheEntry[];
}

/** The runtime this process runs on. */
export function currentRuntime(): CodeCacheRuntime {
  return { v8: process.versions.v8, arch: process.arch };
}

export function encodeCodeCache(file: CodeCacheFile): Buffer {
  let offset = 0;
  const entries = file.entries.map((e) => {
    const entry = [e.path, e.digest, offset, e.data.length];
    offset += e.data.length;
    return entry;
  });
  const header = Buffer.from(JSON.stringify({ runtime: file.runtime, entries }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length, 0);
  return Buffer.concat([MAGIC, length, header, ...file.entries.map((e) => e.data)]);
}

/** The file's contents, or `undefined` for anything that is not a well-formed cache file. */
export function decodeCodeCache(buffer: Buffer): CodeCacheFile | undefined {
  if (buffer.length < MAGIC.length + 4 || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const headerLength = buffer.readUInt32LE(MAGIC.length);
  const blobStart = MAGIC.length + 4 + headerLength;
  if (headerLength > MAX_HEADER_BYTES || blobStart > buffer.length) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(buffer.toString('utf8', MAGIC.length + 4, blobStart));
  } catch {
    return undefined;
  }
  if (!isRecord(header) || !isRuntime(header.runtime) || !Array.isArray(header.entries)) return undefined;
  const entries: CodeCacheEntry[] = [];
  for (const raw of header.entries as unknown[]) {
    if (!Array.isArray(raw) || raw.length !== 4) return undefined;
    const [path, digest, offset, length] = raw as unknown[];
    if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH_LENGTH) return undefined;
    if (typeof digest !== 'string' || !DIGEST.test(digest)) return undefined;
    if (!isCount(offset) || !isCount(length) || blobStart + offset + length > buffer.length) return undefined;
    entries.push({ path, digest, data: buffer.subarray(blobStart + offset, blobStart + offset + length) });
  }
  const runtime = header.runtime;
  return { runtime: { v8: runtime.v8, arch: runtime.arch }, entries };
}

function isRuntime(value: unknown): value is CodeCacheRuntime {
  return isRecord(value) && typeof value.v8 === 'string' && typeof value.arch === 'string';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
