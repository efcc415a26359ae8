import { Command, CommanderError } from 'commander';
import { reportFatal } from './fatal';
import { flagsCommand } from './flags-command';
import { CliIo, ExitCode, processIo } from './io';
import { lintCommand } from './lint-command';
import { logsCommand } from './logs-command';
import { packageVersionOrUnknown } from './package-version';
import { runbookCommand } from './runbook-command';
import { escapeControlCharsKeepingLines } from '../core/printable';

/**
 * Runs the `istio-grpc` CLI with `argv` (without the node and script entries) and resolves to
 * the exit code. Never throws and never prints a stack trace: anything a command throws is
 * reported on stderr as `istio-grpc: <message>` with exit code 2.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = ExitCode.OK;
  const setExit = (code: number) => { exitCode = code; };
  try {
    const program = new Command('istio-grpc')
      .description('Lint Istio config for gRPC services, decode Envoy response flags, summarize access logs, write runbooks.')
      .version(packageVersionOrUnknown(), '-V, --version', 'print the version of istio-grpc')
      .exitOverride()
      .configureOutput({
        writeOut: (s) => io.stdout.write(s),
        writeErr: (s) => io.stderr.write(escapeControlCharsKeepingLines(s)),
      });
    for (const make of [lintCommand, flagsCommand, logsCommand, runbookCommand]) {
      program.addCommand(make(io, setExit).exitOverride());
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0; commander has printed its usage error.
      return err.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    return reportFatal(err, io.stderr);
  }
}
