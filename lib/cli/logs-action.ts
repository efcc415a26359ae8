import { createReadStream, promises as fs } from 'fs';
import { CliIo, ExitCode } from './io';
import { LogsOptions, shouldShowProgress } from './logs-command';
import { printable } from '../core/printable';
import { renderAccessLogReport } from '../troubleshoot/access-log-report';
import { analyzeAccessLogStream } from '../troubleshoot/access-log-stream';

/**
 * What `istio-grpc logs` does once its arguments are parsed: streams the file (or stdin) through
 * the access-log analyzer and prints the summary. Resolves to the exit code; loaded on use.
 */
export async function runLogs(io: CliIo, file: string, opts: LogsOptions): Promise<number> {
  let input: NodeJS.ReadableStream = io.stdin;
  let size = 0;
  if (file !== '-') {
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) throw new Error('it is a directory');
      // A device never ends (/dev/zero, /dev/urandom) or is a terminal; pipes and files are logs.
      if (stat.isCharacterDevice() || stat.isBlockDevice()) throw new Error('it is a device, not a log file; pipe it in with - if you mean it');
      if (stat.isSocket()) throw new Error('it is a socket, not a log file');
      size = stat.size;
      await fs.access(file, fs.constants.R_OK);
    } catch (err) {
      io.stderr.write(`istio-grpc logs: cannot read ${printable(file)}: ${printable(reason(err))}\n`);
      return ExitCode.USAGE;
    }
    input = createReadStream(file);
  }
  const showProgress = shouldShowProgress(io.stderr.isTTY, size);
  try {
    const summary = await analyzeAccessLogStream(input, {
      top: opts.top,
      ...(showProgress ? { onProgress: (bytes: number) => io.stderr.write(`\rreading ${printable(file)}: ${Math.floor((bytes / size) * 100)}%`) } : {}),
    });
    if (showProgress) io.stderr.write('\r\x1b[K');
    const source = file === '-' ? 'standard input' : file;
    io.stdout.write(opts.format === 'json' ? JSON.stringify({ source, ...summary }, null, 2) + '\n' : renderAccessLogReport(summary, source));
    return ExitCode.OK;
  } catch (err) {
    io.stderr.write(`istio-grpc logs: cannot read ${file === '-' ? 'standard input' : printable(file)}: ${printable(reason(err))}\n`);
    return ExitCode.USAGE;
  }
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EACCES') return 'permission denied';
  return e?.message ?? String(err);
}
