import { closeSync, constants, fstatSync, openSync, readSync, Stats } from 'fs';
import { RereadBytes } from '../validate/yaml-stream';

// Non-blocking and never a controlling terminal: the path may have been swapped for a FIFO since.
// eslint-disable-next-line no-bitwise
const REREAD_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

/**
 * Reads bytes `start` to `end` of a regular file again, for locating findings after the whole
 * file was read: only while it is still the file that was read (same device, inode, size and
 * modification time as `read`), else `undefined`, and never more than that range.
 */
export function rereadFile(path: string, read: Stats): RereadBytes {
  return (start, end) => {
    let fd: number | undefined;
    try {
      fd = openSync(path, REREAD_FLAGS);
      const now = fstatSync(fd);
      if (!now.isFile() || now.dev !== read.dev || now.ino !== read.ino || now.size !== read.size || now.mtimeMs !== read.mtimeMs) return undefined;
      const bytes = Buffer.alloc(end - start);
      for (let at = 0; at < bytes.length;) {
        const n = readSync(fd, bytes, at, bytes.length - at, start + at);
        if (n === 0) return undefined;
        at += n;
      }
      return bytes.toString('utf8');
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}
