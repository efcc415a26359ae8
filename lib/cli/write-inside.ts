import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { isRunbookFileName } from '../troubleshoot/runbook-names';

/**
 * Writes `content` to `dir/fileName` so that nothing lands outside `dir`: the name must be one
 * the runbook naming produces (no `/`, no `..`), the final path is checked to sit directly in
 * the directory's real path, and the file is written to a fresh temporary name (created
 * exclusively, so never through a planted link) and renamed over the target. A rename replaces
 * a symbolic link or hard link at the target instead of writing through it. Returns the path written.
 */
export async function writeInsideDirectory(dir: string, fileName: string, content: string): Promise<string> {
  if (!isRunbookFileName(fileName)) throw new Error(`refusing the file name ${JSON.stringify(fileName)}: not <namespace>.<name>.runbook.md`);
  await fs.mkdir(dir, { recursive: true });
  const realDir = await fs.realpath(dir);
  const target = path.resolve(realDir, fileName);
  if (path.dirname(target) !== realDir) throw new Error(`refusing ${JSON.stringify(fileName)}: it resolves outside ${realDir}`);
  const existing = await fs.lstat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new Error(`${target} is a directory`);
  const temp = path.join(realDir, `.${fileName}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, content, { flag: 'wx', mode: 0o644 });
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  return path.join(dir, fileName);
}
