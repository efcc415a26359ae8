import { Command, InvalidArgumentError, Option } from 'commander';
import { CliIo } from './io';
import { escapeControlCharsKeepingLines } from '../core/printable';

/** Files at least this large get a progress line on a terminal. */
export const PROGRESS_MIN_BYTES = 64 * 1024 * 1024;

/** Progress goes to stderr only on a terminal, and only for files big enough to take a while. */
export function shouldShowProgress(stderrIsTty: boolean | undefined, fileBytes: number): boolean {
  return Boolean(stderrIsTty) && fileBytes >= PROGRESS_MIN_BYTES;
}

/** The parsed options of `istio-grpc logs`. */
export interface LogsOptions {
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
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runLogs } = require('./logs-action') as typeof import('./logs-action');
      setExit(await runLogs(io, file, opts));
    });
}

function parseTop(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('expected a whole number from 1 to 1000.');
  return n;
}
