import { promises as fs } from 'fs';

/** Raised when an input holds more bytes than the cap allows. */
export class InputTooLargeError extends Error {
  constructor(public readonly maxBytes: number) {
    super(`larger than ${formatBytes(maxBytes)}; split it into smaller files`);
    this.name = 'InputTooLargeError';
  }
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads an open file to its end, counting the bytes actually read: `stat.size` says 0 for
 * /dev/zero, pipes and /proc files, so only the count can stop an endless or growing input.
 * Throws InputTooLargeError as soon as more than `maxBytes` arrive.
 */
export async function readHandleCapped(handle: fs.FileHandle, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) throw new InputTooLargeError(maxBytes);
    chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
  }
  return Buffer.concat(chunks, total);
}

/** Reads a stream (standard input) to its end, refusing more than `maxBytes`. */
export async function readStreamCapped(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer;
    total += buf.length;
    if (total > maxBytes) throw new InputTooLargeError(maxBytes);
    chunks.push(buf);
  }
  return Buffer.concat(chunks, total);
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / 1024 / 1024} MiB` : `${n} bytes`;
}
