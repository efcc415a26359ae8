import { Command, CommanderError } from 'commander';
import { flagsCommand } from './flags-command';
import { CliIo, ExitCode, processIo } from './io';
import { lintCommand } from './lint-command';
import { logsCommand } from './logs-command';
import { runbookCommand } from './runbook-command';
import { escapeControlChars, escapeControlCharsKeepingLines } from '../core/printable';

/**
 * Runs the `istio-grpc` CLI with `argv` (without the node and script entries) and resolves to
 * the exit code. Never throws: unexpected failures are reported on stderr with exit code 2.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = ExitCode.OK;
  const setExit = (code: number) => { exitCode = code; };
  const program = new Command('istio-grpc')
    .description('Lint Istio config for gRPC services, decode Envoy response flags, summarize access logs, write runbooks.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(escapeControlCharsKeepingLines(s)),
    });
  for (const make of [lintCommand, flagsCommand, logsCommand, runbookCommand]) {
    program.addCommand(make(io, setExit).exitOverride());
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return err.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    io.stderr.write(`istio-grpc: ${escapeControlChars((err as Error)?.message ?? String(err))}\n`);
    return ExitCode.USAGE;
  }
}
