import { createReadStream, promises as fs } from 'fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CliIo, ExitCode } from './io';
import { escapeControlCharsKeepingLines, printable } from '../core/printable';
import { renderAccessLogReport } from '../troubleshoot/access-log-report';
import { analyzeAccessLogStream } from '../troubleshoot/access-log-stream';

/** Files at least this large get a progress line on a terminal. */
export const PROGRESS_MIN_BYTES = 64 * 1024 * 1024;

/** Progress goes to stderr only on a terminal, and only for files big enough to take a while. */
export function shouldShowProgress(stderrIsTty: boolean | undefined, fileBytes: number): boolean {
  return Boolean(stderrIsTty) && fileBytes >= PROGRESS_MIN_BYTES;
}

interface LogsOptions {
  readonly format: 'text' | 'json';
  readonly top: number;
}

/**
 * `istio-grpc logs [FILE|-]`: summarizes istio-proxy access logs (Istio's default text format or
 * its JSON encoding, as `kubectl logs <pod> -c istio-proxy` prints them) line by line, so a 1 GB
 * file needs no more memory than a small one. Exit 0, or 2 when the file cannot be read.
 */
export function logsCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('logs')
    .description('Summarize istio-proxy access logs: response flags, gRPC statuses, failing clusters and routes, slowest calls, advice.')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(escapeControlCharsKeepingLines(s)) })
    .argument('[file]', 'access log file, or - for standard input', '-')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--top <n>', 'how many slowest requests, clusters and routes to list').argParser(parseTop).default(10))
    .action(async (file: string, opts: LogsOptions) => {
      setExit(await runLogs(io, file, opts));
    });
}

function parseTop(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('expected a whole number from 1 to 1000.');
  return n;
}

async function runLogs(io: CliIo, file: string, opts: LogsOptions): Promise<number> {
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
