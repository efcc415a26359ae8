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
 * Reads an open file to its end, chunk by chunk, counting the bytes actually read: `stat.size`
 * says 0 for /dev/zero, pipes and /proc files, so only the count can stop an endless or growing
 * input. Throws InputTooLargeError as soon as more than `maxBytes` arrive.
 */
export async function* handleChunksCapped(handle: fs.FileHandle, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return;
    total += bytesRead;
    if (total > maxBytes) throw new InputTooLargeError(maxBytes);
    yield bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead);
  }
}

/** Reads a stream (standard input) chunk by chunk, refusing more than `maxBytes`. */
export async function* streamChunksCapped(stream: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer;
    total += buf.length;
    if (total > maxBytes) throw new InputTooLargeError(maxBytes);
    yield buf;
  }
}

function formatBytes(n: number): string {
  if (n % (1024 * 1024 * 1024) === 0) return `${n / 1024 / 1024 / 1024} GiB`;
  return n % (1024 * 1024) === 0 ? `${n / 1024 / 1024} MiB` : `${n} bytes`;
}
