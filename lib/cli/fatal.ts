import { ExitCode } from './io';
import { escapeControlChars } from '../core/printable';

/** Error messages longer than this are cut: the first lines say what went wrong. */
export const MAX_FATAL_MESSAGE_LENGTH = 2000;

/** `istio-grpc: <message>` for anything thrown: the message only, never a stack trace. */
export function fatalMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message || err.name : String(err);
  const message = raw.length > MAX_FATAL_MESSAGE_LENGTH ? `${raw.slice(0, MAX_FATAL_MESSAGE_LENGTH)}...` : raw;
  return `istio-grpc: ${escapeControlChars(message) || 'unexpected error'}\n`;
}

/** Writes {@link fatalMessage} to `stderr` and returns exit code 2; never throws, even if `stderr` does. */
export function reportFatal(err: unknown, stderr: NodeJS.WritableStream): number {
  try {
    stderr.write(fatalMessage(err));
  } catch {
    // Nowhere left to report to; the exit code still says it failed.
  }
  return ExitCode.USAGE;
}

/** The parts of `process` the handlers use, so tests can pass a fake. */
export interface FatalProcess {
  readonly stdout: { on(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown };
  readonly stderr: NodeJS.WritableStream;
  exitCode?: number | string | null;
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (err: unknown) => void): unknown;
  exit(code?: number): never;
}

/**
 * Makes sure nothing reaches Node's default handlers, which print a stack trace: an uncaught
 * exception or rejection prints `istio-grpc: <message>` and exits 2; a closed stdout pipe
 * (`istio-grpc flags | head -1`) ends the run quietly, since the reader wanted no more.
 */
export function installFatalHandlers(proc: FatalProcess): void {
  const die = (err: unknown) => proc.exit(reportFatal(err, proc.stderr));
  proc.on('uncaughtException', die);
  proc.on('unhandledRejection', die);
  proc.stdout.on('error', (err) => {
    if (err?.code === 'EPIPE') proc.exit(typeof proc.exitCode === 'number' ? proc.exitCode : ExitCode.OK);
    else die(err);
  });
}
